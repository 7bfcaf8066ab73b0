import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { loadActor } from '@/lib/accounts';
import { auth } from './config';
import type { Actor } from './policy';

// The current user with roles and staffed places, once per request. The session cookie says who
// someone is; the database says what they may do.
// A visitor without a session cookie (next-auth's default names, chunked or not, http or https)
// is nobody: no need to run next-auth for them.
export const getActor = cache(async (): Promise<Actor | null> => {
  if (!(await cookies()).getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name))) return null;
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadActor(id, session.user.sessionVersion ?? 0);
});
