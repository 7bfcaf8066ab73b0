import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryCounter } from '@/db';
import { CACHE_TTL_SECONDS, cached, cacheStats } from '@/lib/cache';
import { getPublicSession } from '@/lib/catalogue';
import { enroll } from '@/lib/enrollment';
import { loadActor } from '@/lib/accounts';
import { createStatShare, revokeStatShare, sharedStats } from '@/lib/stats/shares';
import { db, onPostgres, seededTestDatabase } from '../helpers/db';
import { makeLearners, makeSession } from '../helpers/enrollment-fixtures';

// The data cache of the public pages: entries dropped by the notifications that the database
// triggers send on writes (migration 0013), shared loads, and the shared statistics page that
// cannot make the database compute the statistics more than once per link and TTL.

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const until = async (check: () => Promise<boolean>, ms = 3000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
};

describe('data cache', () => {
  beforeAll(async () => {
    process.env.COMPTOIR_DATA_CACHE = 'on';
    await seededTestDatabase();
  });
  afterAll(() => {
    process.env.COMPTOIR_DATA_CACHE = 'off';
  });

  it('serves a shared link from the cache, one computation for many visitors, and forgets it once revoked', async () => {
    const [coordinator] = await rows<{ id: string }>(sql`select u.id from users u join user_roles r on r.user_id = u.id where r.role = 'coordinator' limit 1`);
    const actor = (await loadActor(coordinator!.id))!;
    const share = await createStatShare(actor, { place: '', from: '2025-01-01', to: '2025-12-31' });

    const before = queryCounter.count;
    const visitors = await Promise.all(Array.from({ length: 50 }, () => sharedStats(share.token)));
    const first = queryCounter.count - before;
    // One share lookup, then the statistics (four queries, each after its setting), once for 50
    // visitors.
    expect(first).toBe(9);
    for (const v of visitors) expect(v).toEqual(visitors[0]);
    const again = queryCounter.count;
    expect(await sharedStats(share.token)).toEqual(visitors[0]);
    expect(queryCounter.count).toBe(again);

    await revokeStatShare(actor, share.id);
    expect(await sharedStats(share.token)).toBeNull();
  });

  it('drops exactly the entries whose tags a write notifies, whoever wrote', async () => {
    const [row] = await rows<{ id: string }>(sql`select s.id from sessions s where exists (select 1 from enrollments e where e.session_id = s.id) limit 1`);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cached(`t:session`, [`session:${row!.id}`], load)).toBe(1);
    expect(await cached(`t:other`, ['session:00000000-0000-0000-0000-000000000000'], load)).toBe(2);
    expect(await cached(`t:session`, [`session:${row!.id}`], load)).toBe(1);
    // A sign-up change, written in SQL as another instance would: the trigger notifies at commit.
    await db.execute(sql`update enrollments set status = status where session_id = ${row!.id}`);
    await db.execute(sql`update sessions set capacity = capacity where id = ${row!.id}`);
    expect(await until(async () => (await cached(`t:session`, [`session:${row!.id}`], load)) !== 1)).toBe(true);
    // The other entry stays.
    expect(await cached(`t:other`, ['session:00000000-0000-0000-0000-000000000000'], load)).toBe(2);
    expect(cacheStats().hits).toBeGreaterThan(0);
  });

  it('does not keep a load that started before an invalidation of its tags', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = cached('t:slow', ['place:x'], async () => {
      await gate;
      return 'old';
    });
    const { invalidateLocal } = await import('@/lib/cache');
    invalidateLocal(['place:x']);
    release();
    expect(await slow).toBe('old');
    expect(await cached('t:slow', ['place:x'], async () => 'new')).toBe('new');
  });

  it('shows a sign-up made on this instance on the cached session data at once', async () => {
    const sessionId = await makeSession({ capacity: 5, startsAt: new Date(Date.now() + 7 * 86400_000) });
    const [learner] = await makeLearners(1);
    expect((await getPublicSession(sessionId)).confirmedCount).toBe(0);
    const before = queryCounter.count;
    expect((await getPublicSession(sessionId)).confirmedCount).toBe(0);
    expect(queryCounter.count).toBe(before);
    await enroll(learner!, sessionId);
    expect(await until(async () => (await getPublicSession(sessionId)).confirmedCount === 1, 1000)).toBe(true);
  });

  it.skipIf(!onPostgres)(
    `on PostgreSQL only (instances share nothing but the database): shows a sign-up made by another process within ${CACHE_TTL_SECONDS} s`,
    { timeout: 90_000 },
    async () => {
      const sessionId = await makeSession({ capacity: 5, startsAt: new Date(Date.now() + 8 * 86400_000) });
      const [learner] = await makeLearners(1);
      expect((await getPublicSession(sessionId)).seatsLeft).toBe(5);
      const { stdout } = await promisify(execFile)('node_modules/.bin/tsx', ['--conditions=react-server', 'tests/helpers/other-instance.ts', sessionId, learner!.id], {
        env: { ...process.env, LOG_LEVEL: 'silent' },
        timeout: 60_000,
      });
      expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ status: 'confirmed' });
      const committed = Date.now();
      // The other process has committed: this one's cached entry goes on the notification.
      expect(await until(async () => (await getPublicSession(sessionId)).seatsLeft === 4, CACHE_TTL_SECONDS * 1000)).toBe(true);
      // The notification, not the TTL: the entry was cached seconds before (the other process took
      // that long to start), so an expiry would come later than this.
      expect(Date.now() - committed).toBeLessThan(3000);
    },
  );
});
