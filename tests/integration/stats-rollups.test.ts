import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedActivities } from '@/db/seed/activities';
import { computeStats, type StatsScope } from '@/lib/stats/impact';
import { db, seededTestDatabase } from '../helpers/db';

// The statistics read daily rollups kept by triggers (migration 0013). Whatever the writes —
// inserts, edits that move an activity to another day or place, participants replaced, deletions,
// an account erased — the figures must be those of the raw activity log, for periods that start
// and end in the middle of a month (the network's place distribution mixes monthly and daily
// rollups there).

const NOW = new Date('2026-04-15T10:00:00Z');

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

// The figures straight from the raw tables, written independently of lib/stats.
async function raw(from: string, to: string, placeId?: string) {
  const scope = placeId ? sql`a.place_id = ${placeId}` : sql`true`;
  const [totals] = await rows<{ n: number; minutes: number }>(
    sql`select count(*)::int as n, coalesce(sum(a.duration_minutes), 0)::int as minutes from activities a where a.date between ${from} and ${to} and ${scope}`,
  );
  const perPlace = await rows<{ key: string; n: number }>(
    sql`select coalesce(a.place_id::text, '') as key, count(*)::int as n from activities a where a.date between ${from} and ${to} and ${scope} group by 1`,
  );
  const themes = await rows<{ key: string; n: number }>(
    sql`select t as key, count(*)::int as n from activities a, unnest(a.themes) t where a.date between ${from} and ${to} and ${scope} group by 1`,
  );
  const [known] = await rows<{ n: number }>(sql`
    select count(distinct u)::int as n from (
      select p.user_id as u from activity_participants p join activities a on a.id = p.activity_id where a.date between ${from} and ${to} and ${scope}
      union all select a.learner_id from activities a where a.learner_id is not null and a.date between ${from} and ${to} and ${scope}) x`);
  return {
    total: totals!.n,
    minutes: totals!.minutes,
    place: Object.fromEntries(perPlace.map((r) => [r.key, r.n])),
    theme: Object.fromEntries(themes.map((r) => [r.key, r.n])),
    known: known!.n,
  };
}

async function fromRollups(from: string, to: string, scope: StatsScope) {
  const stats = await computeStats(scope, { from, to });
  return {
    total: stats.activities.total,
    minutes: stats.minutes,
    place: Object.fromEntries(stats.distributions.place.map((r) => [r.key, r.value])),
    theme: Object.fromEntries(stats.distributions.theme.map((r) => [r.key, r.value])),
    known: stats.people.known,
  };
}

let places: { id: string; slug: string; name: string; commune: string }[] = [];

async function expectSameAsRaw() {
  // Partial months at both ends, whole months, and one day.
  for (const [from, to] of [
    ['2025-06-17', '2026-02-09'],
    ['2025-09-01', '2026-01-31'],
    ['2026-01-20', '2026-01-20'],
    ['2025-11-05', '2025-12-24'],
  ] as const) {
    expect(await fromRollups(from, to, { kind: 'network' })).toEqual(await raw(from, to));
    for (const place of places.slice(0, 3)) expect(await fromRollups(from, to, { kind: 'place', place })).toEqual(await raw(from, to, place.id));
  }
}

describe('statistics rollups', () => {
  beforeAll(async () => {
    await seededTestDatabase();
    await seedActivities(db, { now: NOW, months: 12 });
    places = await rows(sql`select p.id, p.slug, p.name, p.commune from places p where exists (select 1 from activities a where a.place_id = p.id) order by p.slug`);
  });

  it('gives the raw figures after a bulk load', async () => {
    const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from activities`);
    expect(count!.n).toBeGreaterThan(100);
    expect(places.length).toBeGreaterThan(2);
    await expectSameAsRaw();
  });

  it('follows edits, moves, participant changes, deletions and erased accounts', async () => {
    const [first, second] = places;
    // Move a tenth of the first place's activities to the second place, a few days later.
    await db.execute(sql`update activities set place_id = ${second!.id}, date = date + 3
      where id in (select id from activities where place_id = ${first!.id} order by id limit (select count(*) / 10 from activities where place_id = ${first!.id}))`);
    // New themes and durations.
    await db.execute(sql`update activities set themes = array['securite', 'sante'], duration_minutes = duration_minutes + 7
      where id in (select id from activities order by id desc limit 25)`);
    // One known participant less on some collective activities, one more on others.
    await db.execute(sql`delete from activity_participants where (activity_id, user_id) in (select activity_id, user_id from activity_participants order by activity_id limit 20)`);
    await db.execute(sql`insert into activity_participants (activity_id, user_id)
      select a.id, (select u.id from users u order by u.id limit 1) from activities a where a.kind = 'collective' order by a.id desc limit 15 on conflict do nothing`);
    // Some activities deleted, one without a place.
    await db.execute(sql`delete from activities where id in (select id from activities order by date, id limit 30)`);
    await db.execute(sql`update activities set place_id = null where id in (select id from activities order by id limit 5)`);
    // An account erased: its participations go (cascade), its individual activities lose it.
    await db.execute(sql`delete from users where id = (select p.user_id from activity_participants p group by 1 order by count(*) desc, 1 limit 1)
      and not exists (select 1 from activities a where a.mediator_id = users.id)`);
    await expectSameAsRaw();
  });
});
