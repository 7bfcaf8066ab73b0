import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { sessions } from '@/db/schema';
import { placeScope, type Actor } from '@/lib/auth/policy';
import { NotFoundError } from '@/lib/errors';
import { sessionIdSchema } from './schema';

export const SESSION_NOT_FOUND = 'Cette séance n’existe pas.';

// An id that is not even a uuid names no session: 404, never a database error.
export function parseSessionId(value: unknown): string {
  const parsed = sessionIdSchema.safeParse(value);
  if (!parsed.success) throw new NotFoundError(SESSION_NOT_FOUND);
  return parsed.data;
}

export type SessionRow = typeof sessions.$inferSelect;

// The session row, locked for the rest of the transaction when `lock` is set, so that marking,
// closing and self check-in of one session happen one after the other.
export async function loadSession(executor: Executor, id: string, { lock = false } = {}): Promise<SessionRow> {
  const query = executor.select().from(sessions).where(eq(sessions.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFoundError(SESSION_NOT_FOUND);
  return row;
}

// Places whose learners the actor may look up: every place for network staff (null), otherwise
// the places they staff.
export function placeScopeOf(actor: Actor): string[] | null {
  const scope = placeScope(actor);
  return scope === 'all' ? null : [...scope];
}

export const attendanceEntityId = (sessionId: string, personId: string) => `${sessionId}:${personId}`;
