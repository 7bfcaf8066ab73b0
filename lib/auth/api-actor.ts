import 'server-only';
import { getToken } from 'next-auth/jwt';
import { loadActor } from '@/lib/accounts';
import { authSecret } from '@/lib/env';
import type { Actor } from './policy';

const SECURE_COOKIE = '__Secure-authjs.session-token';

// For API route handlers: the actor of the next-auth session cookie sent with this request (the
// same cookie as the pages, `__Secure-` prefixed over HTTPS), decoded from the request itself
// with the next-auth secret, then roles read from the database as getActor() does.
export async function getApiActor(request: Request): Promise<Actor | null> {
  const cookies = request.headers.get('cookie') ?? '';
  const secureCookie = cookies.includes(`${SECURE_COOKIE}=`) || cookies.includes(`${SECURE_COOKIE}.0=`);
  const token = await getToken({ req: request, secret: authSecret(), secureCookie });
  const id = typeof token?.sub === 'string' ? token.sub : null;
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return loadActor(id);
}
