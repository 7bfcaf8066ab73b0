import { encode } from 'next-auth/jwt';
import { authSecret } from '@/lib/env';

// A real next-auth session cookie for this user, as the credentials sign-in would set it
// (same secret, salt = cookie name), for calling API route handlers in tests and benches.
export const SESSION_COOKIE = 'authjs.session-token';

export async function sessionCookie(userId: string, secret = authSecret()): Promise<string> {
  const token = await encode({ token: { sub: userId, roles: ['learner'] }, secret, salt: SESSION_COOKIE, maxAge: 3600 });
  return `${SESSION_COOKIE}=${token}`;
}

// A Request for a route handler, signed in as `userId` when given.
export async function apiRequest(path: string, { method = 'GET', body, userId }: { method?: string; body?: unknown; userId?: string } = {}): Promise<Request> {
  const headers: Record<string, string> = {};
  if (userId) headers.cookie = await sessionCookie(userId);
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
}
