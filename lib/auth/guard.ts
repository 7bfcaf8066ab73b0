import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { getActor } from './actor';
import { can, type Action, type Actor, type PlaceAction } from './policy';

// For pages: a visitor goes to the sign-in page (and comes back after), a signed-in person
// without the right gets the 403 page.
export async function requirePageAccess(action: Exclude<Action, PlaceAction>, returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(actor, action)) forbidden();
  return actor;
}

// Only same-site paths are followed after sign-in.
export function safeReturnPath(value: unknown, fallback = '/mon-espace'): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : fallback;
}
