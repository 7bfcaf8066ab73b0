import 'server-only';
import { getToken } from 'next-auth/jwt';
import { cache } from 'react';
import { loadActor } from '@/lib/accounts';
import { authSecret } from '@/lib/env';
import { auth } from './config';
import type { Actor } from './policy';

// The current user with roles and staffed places, once per request. The session cookie says who
// someone is; the database says what they may do.
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadActor(id);
});

const SECURE_COOKIE = '__Secure-authjs.session-token';

// For API route handlers: the actor of the next-auth session cookie sent with this request
// (the same cookie as the pages; `__Secure-` prefixed over HTTPS), read from the request itself.
export async function getApiActor(request: Request): Promise<Actor | null> {
  const secureCookie = (request.headers.get('cookie') ?? '').includes(`${SECURE_COOKIE}=`) || (request.headers.get('cookie') ?? '').includes(`${SECURE_COOKIE}.0=`);
  const token = await getToken({ req: request, secret: authSecret(), secureCookie });
  const id = typeof token?.sub === 'string' ? token.sub : null;
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return loadActor(id);
}
