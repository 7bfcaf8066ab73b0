import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/errors';

// For pages that call lib/: an unknown id shows the 404 page, a missing right the 403 page, a
// visitor goes to sign in and comes back. Anything else goes on to the error page.
export function pageErrors(returnTo: string) {
  return (error: unknown): never => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof UnauthenticatedError) redirect(`/connexion?callbackUrl=${encodeURIComponent(returnTo)}`);
    throw error;
  };
}
