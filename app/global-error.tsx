'use client';
import { PageError } from './_components/ServiceUnavailable';
import './globals.css';

// Shown when the layout itself fails (its header reads the signed-in person from the database),
// so it is a whole page of its own.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="fr">
      <head>
        <title>Comptoir</title>
      </head>
      <body>
        <main id="contenu" className="mx-auto w-full max-w-5xl px-4 py-6">
          <PageError digest={error.digest} onRetry={() => window.location.reload()} home={false} />
        </main>
      </body>
    </html>
  );
}
