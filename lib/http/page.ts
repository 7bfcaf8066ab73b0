import 'server-only';
import { forbidden, notFound } from 'next/navigation';
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
