import { encode } from 'next-auth/jwt';
import type { Actor } from '@/lib/auth/policy';

// The cookie name next-auth uses over plain HTTP; it is also the salt of the token.
export const SESSION_COOKIE = 'authjs.session-token';
// Same fallback as lib/env authSecret() in tests.
const SECRET = process.env.AUTH_SECRET ?? 'comptoir-development-secret-not-for-production';

// A real next-auth session cookie for this person, as the sign-in flow would set it.
export async function sessionCookie(actor: Pick<Actor, 'id' | 'name' | 'email'>): Promise<string> {
  const token = await encode({ token: { sub: actor.id, name: actor.name, email: actor.email }, secret: SECRET, salt: SESSION_COOKIE });
  return `${SESSION_COOKIE}=${token}`;
}

// A Request to a route handler, signed in as `actor` when given.
export async function apiRequest(url: string, init: RequestInit & { actor?: Pick<Actor, 'id' | 'name' | 'email'> | null; json?: unknown } = {}): Promise<Request> {
  const { actor, json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (actor) headers.set('cookie', await sessionCookie(actor));
  if (json !== undefined) headers.set('content-type', 'application/json');
  return new Request(new URL(url, 'http://localhost'), { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
}
