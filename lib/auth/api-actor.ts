import 'server-only';
import { getToken } from 'next-auth/jwt';
import { loadActor } from '@/lib/accounts';
import { authSecret } from '@/lib/env';
import type { Actor } from './policy';

const COOKIE = 'authjs.session-token';
const SECURE_COOKIE = `__Secure-${COOKIE}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The current user of an API request, from the next-auth session cookie that the request
// carries (the same cookie the pages use; named "__Secure-…" over HTTPS). Reading it from the
// request itself keeps route handlers callable with a plain Request, as tests do. As with
// getActor(), the token says who someone is and the database says what they may do.
export async function getApiActor(request: Request): Promise<Actor | null> {
  const cookies = request.headers.get('cookie') ?? '';
  const secureCookie = cookies.includes(`${SECURE_COOKIE}=`) || cookies.includes(`${SECURE_COOKIE}.0=`);
  const token = await getToken({ req: request, secret: authSecret(), secureCookie });
  const id = token?.sub;
  return typeof id === 'string' && UUID.test(id) ? loadActor(id) : null;
}
