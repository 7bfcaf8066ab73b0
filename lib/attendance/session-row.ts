import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { sessions } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';

// The session behind an attendance request: its id checked, its row read (locked when asked).

export const SESSION_NOT_FOUND = 'Cette séance n’existe pas.';

// An id that is not even a uuid names no session: 404, never a database error.
export function parseSessionId(value: unknown): string {
  if (!isUuid(value)) throw new NotFoundError(SESSION_NOT_FOUND);
  return value;
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
