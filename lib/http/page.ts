import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/errors';

// For pages: the lib/ answer, or the 404 / 403 page when lib/ says the thing is unknown or not
// the actor's. (Pages call requirePageAccess first, so a visitor is already sent to sign in.)
export async function pageData<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError || error instanceof UnauthenticatedError) forbidden();
    throw error;
  }
}

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

// One value of a search parameter (the first when repeated).
export const param = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value) || undefined;
