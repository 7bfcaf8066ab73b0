import { and, eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database } from '@/db';
import * as schema from '@/db/schema';
import { enrollments, outbox } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { cancelEnrollment, enroll, sessionCounts } from '@/lib/enrollment';
import { ConflictError } from '@/lib/errors';
import { db, onPostgres, seededTestDatabase } from '../helpers/db';
import { makeLearners, makeSession, signUpsOf } from '../helpers/enrollment-fixtures';

const NOW = new Date('2026-11-28T10:00:00Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 86400_000);

// The waiting list as the application sees it: 1-based positions in (waitlistedAt, id) order.
async function waitingLine(sessionId: string) {
  return (await signUpsOf(sessionId)).filter((r) => r.status === 'waitlisted').map((r) => r.userId);
}

async function expectFairOutcome(sessionId: string, results: PromiseSettledResult<Awaited<ReturnType<typeof enroll>>>[], capacity: number) {
  const errors = results.filter((r) => r.status === 'rejected');
  expect(errors.map((e) => String((e as PromiseRejectedResult).reason))).toEqual([]);
  const values = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof enroll>>>).value);
  expect(values.filter((v) => v.status === 'confirmed')).toHaveLength(capacity);
  const positions = values.filter((v) => v.status === 'waitlisted').map((v) => v.position!).sort((a, b) => a - b);
  expect(positions).toEqual(Array.from({ length: results.length - capacity }, (_, i) => i + 1));
  expect(await sessionCounts(sessionId)).toEqual({ capacity, confirmedCount: capacity, waitlistCount: results.length - capacity, seatsLeft: 0 });
}

// 200 transactions queue on one row lock: on a busy 2-core machine that takes more than the
// default 30 s, so these tests get more time (the outcome, not the speed, is what they check).
describe.skipIf(!onPostgres)('on PostgreSQL only (PGlite has a single connection, so nothing there is truly concurrent): racing sign-ups', { timeout: 120_000 }, () => {
  // A dedicated pool of 50 connections, on top of the app's pool of 10.
  let wide: ReturnType<typeof postgres>;
  let wideDb: Database;
  beforeAll(async () => {
    await seededTestDatabase({ now: NOW });
    wide = postgres(process.env.DATABASE_URL!, { max: 50, onnotice: () => {} });
    wideDb = drizzle(wide, { schema, casing: 'snake_case' });
  });
  afterAll(() => wide?.end({ timeout: 5 }));

  let sessionId: string;
  let people: Actor[];

  it('200 people signing up at once for 12 seats: exactly 12 confirmed, the others waiting in positions 1 to 188', async () => {
    sessionId = await makeSession({ capacity: 12, startsAt: inDays(7) });
    people = await makeLearners(200);
    const started = performance.now();
    const results = await Promise.allSettled(people.map((person) => enroll(person, sessionId, {}, NOW)));
    console.info(`200 concurrent sign-ups on the app pool (10 connections): ${Math.round(performance.now() - started)} ms`);
    await expectFairOutcome(sessionId, results, 12);
    // The answers people got match the line the database keeps.
    const line = await waitingLine(sessionId);
    results.forEach((r, i) => {
      const value = (r as PromiseFulfilledResult<Awaited<ReturnType<typeof enroll>>>).value;
      if (value.status === 'waitlisted') expect(line.indexOf(people[i]!.id) + 1).toBe(value.position);
    });
  });

  it('the same with 200 sign-ups over a dedicated pool of 50 connections', async () => {
    const other = await makeSession({ capacity: 12, startsAt: inDays(8) });
    const crowd = await makeLearners(200);
    const started = performance.now();
    const results = await Promise.allSettled(crowd.map((person) => enroll(person, other, {}, NOW, wideDb)));
    console.info(`200 concurrent sign-ups on a pool of 50 connections: ${Math.round(performance.now() - started)} ms`);
    await expectFairOutcome(other, results, 12);
  });

  it('5 cancellations racing confirm exactly the 5 oldest waiting people, each once', async () => {
    const lineBefore = await waitingLine(sessionId);
    const confirmed = (await signUpsOf(sessionId)).filter((r) => r.status === 'confirmed').slice(0, 5);
    const leaving = confirmed.map((c) => people.find((p) => p.id === c.userId)!);
    const results = await Promise.allSettled(leaving.map((person) => cancelEnrollment(person, sessionId, {}, NOW, wideDb)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(results.map((r) => (r as PromiseFulfilledResult<{ promoted: number }>).value.promoted)).toEqual([1, 1, 1, 1, 1]);
    const rows = await signUpsOf(sessionId);
    const nowConfirmed = rows.filter((r) => r.status === 'confirmed').map((r) => r.userId);
    expect(nowConfirmed).toHaveLength(12);
    expect(nowConfirmed).toEqual(expect.arrayContaining(lineBefore.slice(0, 5)));
    expect(await waitingLine(sessionId)).toEqual(lineBefore.slice(5));
    const told = await db
      .select({ recipientId: outbox.recipientId })
      .from(outbox)
      .where(and(eq(outbox.sessionId, sessionId), eq(outbox.kind, 'promoted')));
    expect(told.map((t) => t.recipientId).sort()).toEqual(lineBefore.slice(0, 5).sort());
  });

  it('one person pressing the button ten times at once gets one sign-up and nine clear refusals', async () => {
    const other = await makeSession({ capacity: 3, startsAt: inDays(9) });
    const [person] = await makeLearners(1);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => enroll(person!, other, {}, NOW, wideDb)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    }
    expect(await db.select().from(enrollments).where(eq(enrollments.sessionId, other))).toHaveLength(1);
  });

  it('sign-ups and cancellations mixed at once never overbook nor leave a seat free while people wait', async () => {
    const other = await makeSession({ capacity: 12, startsAt: inDays(10) });
    const first = await makeLearners(30);
    for (const person of first) await enroll(person, other, {}, NOW);
    const newcomers = await makeLearners(60);
    const confirmedIds = (await signUpsOf(other)).filter((r) => r.status === 'confirmed').map((r) => r.userId);
    const leavers = first.filter((p) => confirmedIds.includes(p.id)).slice(0, 8);
    const waitersLeaving = first.filter((p) => !confirmedIds.includes(p.id)).slice(0, 5);
    const results = await Promise.allSettled([
      ...newcomers.map((p) => enroll(p, other, {}, NOW, wideDb)),
      ...leavers.map((p) => cancelEnrollment(p, other, {}, NOW, wideDb)),
      ...waitersLeaving.map((p) => cancelEnrollment(p, other, {}, NOW)),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const counts = await sessionCounts(other);
    expect(counts).toEqual({ capacity: 12, confirmedCount: 12, waitlistCount: 30 + 60 - 12 - 8 - 5, seatsLeft: 0 });
    // Every seat freed went to exactly one waiting person (a waiting person promoted just before
    // leaving frees a seat in turn), and each promoted person was told once.
    const cancels = results.slice(newcomers.length).map((r) => (r as PromiseFulfilledResult<{ previousStatus: string; promoted: number }>).value);
    const freed = cancels.filter((c) => c.previousStatus === 'confirmed').length;
    expect(cancels.reduce((sum, c) => sum + c.promoted, 0)).toBe(freed);
    const promotions = await db.select().from(outbox).where(and(eq(outbox.sessionId, other), eq(outbox.kind, 'promoted')));
    expect(promotions).toHaveLength(freed);
    expect(new Set(promotions.map((p) => p.recipientId)).size).toBe(freed);
    const stillThere = await db.select().from(enrollments).where(and(eq(enrollments.sessionId, other), inArray(enrollments.userId, leavers.map((l) => l.id))));
    expect(stillThere.every((e) => e.status === 'cancelled')).toBe(true);
  });
});
