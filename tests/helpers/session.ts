import { encode } from 'next-auth/jwt';
import { authSecret } from '@/lib/env';

// A real next-auth session cookie for this user, as the credentials sign-in would set it
// (same secret, salt = cookie name), for calling API route handlers in tests and benches.
export const SESSION_COOKIE = 'authjs.session-token';

type Who = string | { id: string; name?: string; email?: string | null };

export async function sessionCookie(who: Who, secret = authSecret()): Promise<string> {
  const user = typeof who === 'string' ? { id: who } : who;
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email ?? undefined, roles: ['learner'] }, secret, salt: SESSION_COOKIE, maxAge: 3600 });
  return `${SESSION_COOKIE}=${token}`;
}

type ApiInit = Omit<RequestInit, 'body'> & { body?: unknown; json?: unknown; userId?: string; actor?: { id: string; name?: string; email?: string | null } | null };

// A Request for a route handler, signed in as `userId` / `actor` when given. `body` (or `json`)
// is sent as JSON unless it is already a string.
export async function apiRequest(path: string, { userId, actor, json, body, ...init }: ApiInit = {}): Promise<Request> {
  const headers = new Headers(init.headers);
  const who = userId ?? actor ?? null;
  if (who) headers.set('cookie', await sessionCookie(who));
  const payload = json !== undefined ? json : body;
  if (payload !== undefined && payload !== null) headers.set('content-type', 'application/json');
  const serialised = payload === undefined || payload === null ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload);
  return new Request(new URL(path, 'http://localhost'), { ...init, headers, body: serialised as BodyInit | undefined });
}
