import 'server-only';
import { getToken } from 'next-auth/jwt';
import { z } from 'zod';
import { loadActor } from '@/lib/accounts';
import { authSecret } from '@/lib/env';
import type { Actor } from './policy';

// The actor of an API request, from the next-auth session cookie it carries (the same cookie the
// site sets; "__Secure-" prefixed over HTTPS). Roles and places are read from the database, as
// getActor() does for pages, so a revoked role takes effect at once.
export async function getApiActor(request: Request): Promise<Actor | null> {
  const secret = authSecret();
  const secure = new URL(request.url).protocol === 'https:';
  const token =
    (await getToken({ req: request, secret, secureCookie: secure })) ?? (await getToken({ req: request, secret, secureCookie: !secure }));
  const id = z.uuid().safeParse(token?.sub).success ? (token!.sub as string) : null;
  return id ? loadActor(id) : null;
}
