import 'server-only';
import { cache } from 'react';
import { loadActor } from '@/lib/accounts';
import { auth } from './config';
import type { Actor } from './policy';

// The current user with roles and staffed places, once per request. The session cookie says who
// someone is; the database says what they may do.
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadActor(id, session.user.sessionVersion ?? 0);
});
