import { encode } from 'next-auth/jwt';
import { authSecret } from '@/lib/env';

export const SESSION_COOKIE = 'authjs.session-token';

// A real next-auth session cookie for a user, as the sign-in flow would set it.
export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId }, secret: authSecret(), salt: SESSION_COOKIE });
  return `${SESSION_COOKIE}=${token}`;
}
