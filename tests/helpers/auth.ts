import { encode } from 'next-auth/jwt';
import { authSecret } from '@/lib/env';

// A real next-auth session cookie for a user, signed with the app's secret, so that route
// handlers are exercised through the same code path as a signed-in browser or API client.
export const SESSION_COOKIE = 'authjs.session-token';

export async function sessionCookieFor(user: { id: string }): Promise<string> {
  const token = await encode({ token: { sub: user.id }, secret: authSecret(), salt: SESSION_COOKIE, maxAge: 3600 });
  return `${SESSION_COOKIE}=${token}`;
}

// A JSON request to a route handler, signed in as `as` when given.
export async function apiRequest(
  path: string,
  { method = 'GET', body, as }: { method?: string; body?: unknown; as?: { id: string; roles?: readonly string[] } } = {},
): Promise<Request> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (as) headers.cookie = await sessionCookieFor(as);
  return new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
}
