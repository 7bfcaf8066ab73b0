import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { queryCounter } from '@/db';
import { outbox } from '@/db/schema';
import { enroll } from '@/lib/enrollment';
import { db, seededTestDatabase } from '../helpers/db';
import { makeLearners, makeSession } from '../helpers/enrollment-fixtures';

// The sign-up path: two reads before the lock (session and person, with the confirmation's
// calendar file built there), then one transaction — lock, state, sign-up, audit, message —
// whatever the number of people already signed up.

describe('the sign-up path', () => {
  beforeAll(async () => {
    await seededTestDatabase();
  });

  it('sends the same statements for the first and the fiftieth sign-up, and queues the confirmation with its calendar file', async () => {
    const sessionId = await makeSession({ capacity: 60, startsAt: new Date(Date.now() + 10 * 86400_000) });
    const learners = await makeLearners(50);
    const counts: number[] = [];
    for (const learner of learners) {
      const before = queryCounter.count;
      expect(await enroll(learner, sessionId)).toEqual({ status: 'confirmed' });
      counts.push(queryCounter.count - before);
    }
    expect(new Set(counts).size).toBe(1);
    // 2 reads + lock, state, insert, audit, outbox.
    expect(counts[0]).toBeLessThanOrEqual(7);
    const [message] = await db.select({ payload: outbox.payload, kind: outbox.kind }).from(outbox).where(and(eq(outbox.sessionId, sessionId), eq(outbox.recipientId, learners[49]!.id)));
    expect(message!.kind).toBe('enrolled');
    expect(String((message!.payload as { ics?: string }).ics)).toContain('BEGIN:VEVENT');
  });
});
