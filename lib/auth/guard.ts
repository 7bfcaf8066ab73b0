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

// Only same-site paths are followed after sign-in. The value is parsed as a URL the way a browser
// would (tabs and newlines dropped, backslashes as slashes) against a placeholder origin, and kept
// only when it stays on that origin: "/\t/evil.example", "//evil", "/\\evil", "https://evil" are refused.
const PLACEHOLDER = 'http://comptoir.invalid';

export function safeReturnPath(value: unknown, fallback = '/mon-espace'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER || value.startsWith('//')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
