import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attendance, enrollments, places, sessions, workshops } from '@/db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/db/seed/seed';
import { verifyCredentials } from '@/lib/accounts';
import { THEMES } from '@/lib/vocabulary';
import { db, seededTestDatabase } from '../helpers/db';

const NOW = new Date('2026-11-28T10:00:00Z');

describe('demo seed', () => {
  beforeAll(() => seededTestDatabase({ now: NOW }));

  it('creates the four demo accounts with their roles and the demo password', async () => {
    const expected = { admin: ['learner', 'admin'], coordinator: ['learner', 'coordinator'], mediator: ['learner', 'mediator'], learner: ['learner'] };
    for (const [role, email] of Object.entries(DEMO_ACCOUNTS)) {
      const user = await verifyCredentials({ email, password: DEMO_PASSWORD });
      expect(user?.roles).toEqual(expected[role as keyof typeof expected]);
    }
  });

  it('creates at least eight places in real Loire communes, with valid postal codes', async () => {
    const rows = await db.select({ commune: places.commune, postalCode: places.postalCode }).from(places);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const communes = new Set(rows.map((r) => r.commune));
    for (const c of ['Saint-Étienne', 'Roanne', 'Montbrison', 'Firminy', 'Saint-Chamond', 'Rive-de-Gier', 'Feurs', 'Andrézieux-Bouthéon']) expect(communes).toContain(c);
    for (const r of rows) expect(r.postalCode).toMatch(/^42\d{3}$/);
  });

  it('creates 30 published workshops spread over the themes', async () => {
    const rows = await db.select({ themes: workshops.themes }).from(workshops).where(eq(workshops.status, 'published'));
    expect(rows).toHaveLength(30);
    const used = new Set(rows.flatMap((r) => r.themes));
    expect(used.size).toBeGreaterThanOrEqual(THEMES.length - 1);
    for (const theme of used) expect(THEMES).toContain(theme);
  });

  it('creates past sessions with attendance and upcoming sessions with sign-ups, never overbooked', async () => {
    const [past] = await db.select({ n: count() }).from(sessions).where(and(lt(sessions.endsAt, NOW), eq(sessions.status, 'done')));
    const [upcoming] = await db.select({ n: count() }).from(sessions).where(and(gt(sessions.startsAt, NOW), eq(sessions.status, 'scheduled')));
    const [marked] = await db.select({ n: count() }).from(attendance);
    expect(past!.n).toBeGreaterThan(20);
    expect(upcoming!.n).toBeGreaterThan(20);
    expect(marked!.n).toBeGreaterThan(50);
    const overbooked = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(sql`${sessions.capacity} < (select count(*) from ${enrollments} e where e.session_id = ${sessions.id} and e.status = 'confirmed')`);
    expect(overbooked).toEqual([]);
  });

  it('puts a beginners’ smartphone workshop in Roanne next month', async () => {
    const rows = await db
      .select({ id: sessions.id })
      .from(sessions)
      .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
      .innerJoin(places, eq(places.id, sessions.placeId))
      .where(and(eq(workshops.slug, 'debuter-avec-son-smartphone'), eq(places.commune, 'Roanne'), gt(sessions.startsAt, NOW)));
    expect(rows.length).toBeGreaterThan(0);
  });
});
