import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { activities, activityParticipants, attendance, enrollments, places, sessions, users, workshops } from '@/db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/db/seed/seed';
import { verifyCredentials } from '@/lib/accounts';
import { listSessionsToRecord } from '@/lib/activities/reads';
import { statsFor } from '@/lib/stats/impact';
import { THEMES } from '@/lib/vocabulary';
import { demoActor } from '../helpers/actors';
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

  it('never puts two people with the same name on the sign-ups of one place', async () => {
    const namesakes = await db
      .select({ placeId: sessions.placeId, name: users.name, people: sql<number>`count(distinct ${users.id})::int` })
      .from(enrollments)
      .innerJoin(sessions, eq(sessions.id, enrollments.sessionId))
      .innerJoin(users, eq(users.id, enrollments.userId))
      .groupBy(sessions.placeId, users.name)
      .having(sql`count(distinct ${users.id}) > 1`);
    expect(namesakes).toEqual([]);
    const [people] = await db.select({ n: count() }).from(users);
    expect(people!.n).toBeGreaterThan(60);
  });

  it('keeps the demo accounts as the design names them', async () => {
    const rows = await db.select({ email: users.email, name: users.name }).from(users).where(sql`${users.email} like '%@comptoir.test' and ${users.email} not like 'mediateur.%'`);
    expect(Object.fromEntries(rows.map((r) => [r.email, r.name]))).toEqual({
      [DEMO_ACCOUNTS.admin]: 'Alice Administratrice',
      [DEMO_ACCOUNTS.coordinator]: 'Claire Coordination',
      [DEMO_ACCOUNTS.mediator]: 'Mehdi Médiateur',
      [DEMO_ACCOUNTS.learner]: 'Annie Apprenante',
    });
  });

  it('logs a year of activities: at least one per session held, and every month some', async () => {
    const stats = await statsFor(await demoActor('coordinator'), {}, NOW);
    expect(stats.sessions.held).toBeGreaterThan(100);
    expect(stats.activities.total).toBeGreaterThanOrEqual(stats.sessions.held);
    expect(stats.activities.collective).toBeGreaterThanOrEqual(stats.sessions.held / 2);
    expect(stats.activities.individual).toBeGreaterThan(stats.activities.collective);
    expect(stats.months).toHaveLength(12);
    for (const month of stats.months) expect(month.individual + month.collective, month.month).toBeGreaterThan(0);
    expect(stats.people.known).toBeGreaterThan(20);
    // Every place of the network has its share.
    expect(stats.distributions.place.filter((p) => p.key !== '' && p.value >= 50)).toHaveLength(10);
  });

  it('records each session closed more than three weeks ago once, with the people marked present or late; the later ones wait to be recorded', async () => {
    const threeWeeksAgo = new Date(NOW.getTime() - 21 * 86400000);
    const closed = await db.select({ id: sessions.id, startsAt: sessions.startsAt }).from(sessions).where(eq(sessions.status, 'done'));
    const reports = await db
      .select({ sessionId: activities.sessionId, kind: activities.kind, participants: sql<number>`(select count(*) from ${activityParticipants} p where p.activity_id = ${activities.id})::int` })
      .from(activities)
      .where(sql`${activities.sessionId} is not null`);
    const bySession = new Map(reports.map((r) => [r.sessionId!, r]));
    expect(reports).toHaveLength(bySession.size);
    const older = closed.filter((s) => s.startsAt < threeWeeksAgo);
    expect(older.length).toBeGreaterThan(50);
    for (const s of closed) expect(bySession.has(s.id), s.startsAt.toISOString()).toBe(s.startsAt < threeWeeksAgo);
    const attendees = await db
      .select({ sessionId: attendance.sessionId, n: count() })
      .from(attendance)
      .where(sql`${attendance.status} in ('present', 'late')`)
      .groupBy(attendance.sessionId);
    const present = new Map(attendees.map((a) => [a.sessionId, a.n]));
    for (const s of older) expect(bySession.get(s.id)).toEqual({ sessionId: s.id, kind: 'collective', participants: present.get(s.id) ?? 0 });
    expect((await listSessionsToRecord(await demoActor('mediator'))).length).toBeGreaterThan(0);
  });
});
