'use client';
import { PageError } from './_components/ServiceUnavailable';

// Shown when a page fails unexpectedly; says so plainly when the database is away.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError digest={error.digest} onRetry={reset} />;
}
