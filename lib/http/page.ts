import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/errors';

// THE page error helper. For pages: the lib/ answer, or the 404 page when lib/ says the thing is
// unknown, the 403 page when it is not the actor's. A visitor goes to sign in and comes back to
// `returnTo` when given (otherwise 403: such pages call requirePageAccess first). Anything else
// goes on to the error page.
export async function pageData<T>(promise: Promise<T>, { returnTo }: { returnTo?: string } = {}): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof UnauthenticatedError && returnTo) redirect(`/connexion?callbackUrl=${encodeURIComponent(returnTo)}`);
    if (error instanceof ForbiddenError || error instanceof UnauthenticatedError) forbidden();
    throw error;
  }
}

// One value of a search parameter (the first when repeated).
export const param = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value) || undefined;
