import 'server-only';
import { getToken } from 'next-auth/jwt';
import { loadActor } from '@/lib/accounts';
import { authSecret } from '@/lib/env';
import { UnauthenticatedError } from '@/lib/errors';
import type { Actor } from './policy';
import { isUuid } from '@/lib/ids';

// The actor of an API request, from its next-auth session cookie (plain or __Secure- behind
// HTTPS). Reads the request itself, so route handlers work the same in tests and in Next; roles
// and places come from the database, as for getActor().
export async function getApiActor(request: Request): Promise<Actor | null> {
  const secret = authSecret();
  // Over https only the __Secure- cookie counts (a plain one could be planted over http). Served
  // at an https address (APP_URL, as next-auth decides for pages), even behind a proxy that does
  // not say so.
  const https = (process.env.APP_URL ?? '').startsWith('https:') || new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  for (const secureCookie of https ? [true] : [false]) {
    const token = await getToken({ req: request, secret, secureCookie, logger: { error: () => {}, warn: () => {}, debug: () => {} } as never });
    if (token?.sub) return isUuid(token.sub) ? loadActor(token.sub, typeof token.sv === 'number' ? token.sv : 0) : null;
  }
  return null;
}

// For routes that need someone signed in: 401 problem otherwise.
export async function requireApiActor(request: Request): Promise<Actor> {
  const actor = await getApiActor(request);
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
