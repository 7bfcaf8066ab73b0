import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getStatsRoute } from '@/app/api/v1/stats/route';
import { GET as getActivitiesRoute } from '@/app/api/v1/activities/route';
import { queryCounter } from '@/db';
import { loadActor } from '@/lib/accounts';
import { activityDraftFromSession } from '@/lib/activities/drafts';
import { createActivity } from '@/lib/activities/writes';
import { getActivity, listActivities } from '@/lib/activities/reads';
import type { Actor } from '@/lib/auth/policy';
import { ForbiddenError, UnauthenticatedError } from '@/lib/errors';
import { computeStats, statsFor, toPublicStats, type Stats } from '@/lib/stats/impact';
import { createStatShare, revokeStatShare, sharedStats } from '@/lib/stats/shares';
import { parisToUtc } from '@/lib/time';
import { db, migrateTestDatabase } from '../helpers/db';
import { sessionCookie } from '../helpers/session';
import { attendance, enrollments, placeStaff, places, sessions, userRoles, users, workshops } from '@/db/schema';

// A small network whose every figure is computed by hand below.
//
// Period: 1 January – 31 March 2026 (Paris), "now" 15 April 2026.
// Places: P1 "lieu-a" (Saint-Étienne), P2 "lieu-b" (Roanne). Mediators M1 (staff of P1), M2 (staff
// of P2); coordinator C. Learners L1 (Saint-Étienne), L2 (Firminy), L3 (no commune), L4 (Roanne),
// L5, L6. Workshop W: themes e-mail + navigation, beginner, 120 min.
//
// Sessions (capacity, status, start in Paris time):
//   S1 P1  8 done       20 Feb 2026 14:00  sign-ups L1 L2 L3 confirmed, L4 cancelled;
//                                           attendance L1 present, L2 late, L3 absent, L4 walk-in present
//   S2 P1  6 done       10 Mar 2026 09:30  L1 L2 confirmed, L5 waiting list; L1 excused, L2 unmarked
//   S3 P1  6 cancelled  17 Mar 2026        (not held)
//   S4 P1 10 done        5 Dec 2025        L2 confirmed and present (before the period)
//   S5 P2 10 done        3 Mar 2026 14:00  L4 L6 confirmed; L4 present, L6 absent
//   S6 P1  4 done        1 Jan 2026 00:30  L3 confirmed and present (first minutes of the period)
//   S7 P1  9 done        1 Apr 2026 00:15  L1 confirmed (first minutes after the period)
//
// Activities:
//   A1 P1 M1 individual 10 Jan 2026  30 min  démarches + e-mail (sub-theme logement), L1
//   A2 P1 M1 individual  5 Feb 2026  15 min  navigation, anonymous woman 60-69 retired from Firminy
//   A3 P1 M1 collective 20 Feb 2026 120 min  from S1: e-mail + navigation, L1 L2 L4 + 5 anonymous
//                                            (3 women, 1 man, 1 not given; 2 aged 70+; 4 retired)
//   A4 P2 M2 collective  3 Mar 2026  90 min  sécurité + e-mail, L4 + 2 anonymous (nothing given)
//   A5 P1 M1 individual 15 Dec 2025  60 min  bureautique, L2 (before the period)
//   A6 P2 M2 individual 31 Mar 2026 180 min  IA, anonymous man 18-24 unemployed, no commune
//   A7 P1 M1 individual 15 Mar 2026  45 min  démarches, L3

const NOW = new Date('2026-04-15T10:00:00Z');
const PERIOD = { from: '2026-01-01', to: '2026-03-31' };

const ids = {} as Record<string, string>;
const actors = {} as Record<'m1' | 'm2' | 'c' | 'learner', Actor>;
let a3 = '';

const at = (y: number, mo: number, d: number, h: number, mi: number) => parisToUtc({ year: y, month: mo, day: d, hour: h, minute: mi });

async function buildNetwork() {
  const [p1, p2] = await db
    .insert(places)
    .values([
      { slug: 'lieu-a', pivot: '11111111100011', name: 'Lieu A', commune: 'Saint-Étienne', postalCode: '42000', address: '1 rue A' },
      { slug: 'lieu-b', pivot: '22222222200022', name: 'Lieu B', commune: 'Roanne', postalCode: '42300', address: '2 rue B' },
    ])
    .returning({ id: places.id });
  ids.p1 = p1!.id;
  ids.p2 = p2!.id;
  const people = [
    ['m1', 'Mona Médiatrice', null],
    ['m2', 'Marc Médiateur', null],
    ['c', 'Chloé Coordination', null],
    ['l1', 'Léon Un', 'Saint-Étienne'],
    ['l2', 'Lise Deux', 'Firminy'],
    ['l3', 'Luc Trois', null],
    ['l4', 'Lou Quatre', 'Roanne'],
    ['l5', 'Lina Cinq', 'Roanne'],
    ['l6', 'Loïc Six', 'Roanne'],
  ] as const;
  const rows = await db
    .insert(users)
    .values(people.map(([key, name, commune]) => ({ name, commune, email: `${key}@exemple.fr` })))
    .returning({ id: users.id });
  people.forEach(([key], i) => (ids[key] = rows[i]!.id));
  await db.insert(userRoles).values([
    { userId: ids.m1!, role: 'mediator' },
    { userId: ids.m2!, role: 'mediator' },
    { userId: ids.c!, role: 'coordinator' },
  ]);
  await db.insert(placeStaff).values([
    { placeId: ids.p1!, userId: ids.m1! },
    { placeId: ids.p2!, userId: ids.m2! },
  ]);
  const [w] = await db
    .insert(workshops)
    .values({ slug: 'w', title: 'Mes e-mails sans souci', summary: 'Résumé', themes: ['e-mail', 'navigation'], level: 'beginner', durationMinutes: 120, status: 'published' })
    .returning({ id: workshops.id });
  const session = (key: string, place: string, start: Date, capacity: number, status: 'done' | 'cancelled') => ({
    key,
    row: { workshopId: w!.id, placeId: ids[place]!, startsAt: start, endsAt: new Date(start.getTime() + 120 * 60000), capacity, status, closedAt: status === 'done' ? start : null },
  });
  const list = [
    session('s1', 'p1', at(2026, 2, 20, 14, 0), 8, 'done'),
    session('s2', 'p1', at(2026, 3, 10, 9, 30), 6, 'done'),
    session('s3', 'p1', at(2026, 3, 17, 14, 0), 6, 'cancelled'),
    session('s4', 'p1', at(2025, 12, 5, 14, 0), 10, 'done'),
    session('s5', 'p2', at(2026, 3, 3, 14, 0), 10, 'done'),
    session('s6', 'p1', at(2026, 1, 1, 0, 30), 4, 'done'),
    session('s7', 'p1', at(2026, 4, 1, 0, 15), 9, 'done'),
  ];
  const inserted = await db.insert(sessions).values(list.map((s) => s.row)).returning({ id: sessions.id });
  list.forEach((s, i) => (ids[s.key] = inserted[i]!.id));
  const e = (s: string, l: string, status: 'confirmed' | 'waitlisted' | 'cancelled') => ({ sessionId: ids[s]!, userId: ids[l]!, status });
  await db
    .insert(enrollments)
    .values([
      e('s1', 'l1', 'confirmed'),
      e('s1', 'l2', 'confirmed'),
      e('s1', 'l3', 'confirmed'),
      e('s1', 'l4', 'cancelled'),
      e('s2', 'l1', 'confirmed'),
      e('s2', 'l2', 'confirmed'),
      e('s2', 'l5', 'waitlisted'),
      e('s4', 'l2', 'confirmed'),
      e('s5', 'l4', 'confirmed'),
      e('s5', 'l6', 'confirmed'),
      e('s6', 'l3', 'confirmed'),
      e('s7', 'l1', 'confirmed'),
    ]);
  const m = (s: string, l: string, status: 'present' | 'late' | 'excused' | 'absent' | 'unmarked', walkIn = false) => ({ sessionId: ids[s]!, userId: ids[l]!, status, walkIn });
  await db
    .insert(attendance)
    .values([
      m('s1', 'l1', 'present'),
      m('s1', 'l2', 'late'),
      m('s1', 'l3', 'absent'),
      m('s1', 'l4', 'present', true),
      m('s2', 'l1', 'excused'),
      m('s2', 'l2', 'unmarked'),
      m('s4', 'l2', 'present'),
      m('s5', 'l4', 'present'),
      m('s5', 'l6', 'absent'),
      m('s6', 'l3', 'present'),
    ]);
  for (const key of ['m1', 'm2', 'c', 'l1'] as const) actors[key === 'l1' ? 'learner' : key] = (await loadActor(ids[key]!))!;
}

async function logActivities() {
  const { m1, m2 } = actors;
  const individual = { kind: 'individual', placeType: 'place' };
  await createActivity(m1, { ...individual, date: '2026-01-10', durationMinutes: 30, placeId: ids.p1, themes: ['demarches', 'e-mail'], adminThemes: ['logement'], equipment: ['computer'], learnerId: ids.l1, autonomy: 'partly-autonomous', completion: 'done' }, NOW);
  await createActivity(m1, { ...individual, placeType: 'remote', date: '2026-02-05', durationMinutes: 15, placeId: ids.p1, themes: ['navigation'], anonymousPerson: { gender: 'female', ageBand: '60-69', socialStatus: 'retired', commune: 'Firminy' } }, NOW);
  const draft = await activityDraftFromSession(m1, ids.s1!);
  a3 = (
    await createActivity(
      m1,
      {
        kind: 'collective',
        date: draft.date,
        durationMinutes: draft.durationMinutes,
        placeType: draft.placeType,
        placeId: draft.placeId,
        sessionId: draft.sessionId,
        themes: draft.themes,
        title: draft.title,
        level: draft.level,
        participantIds: draft.participants.map((p) => p.id),
        anonymousParticipants: { count: 5, gender: { female: 3, male: 1 }, ageBand: { '70-plus': 2 }, socialStatus: { retired: 4 } },
      },
      NOW,
    )
  ).id;
  await createActivity(m2, { kind: 'collective', placeType: 'place', date: '2026-03-03', durationMinutes: 90, placeId: ids.p2, themes: ['securite', 'e-mail'], title: 'Déjouer les arnaques', level: 'intermediate', participantIds: [ids.l4], anonymousParticipants: { count: 2 } }, NOW);
  await createActivity(m1, { ...individual, date: '2025-12-15', durationMinutes: 60, placeId: ids.p1, themes: ['bureautique'], learnerId: ids.l2 }, NOW);
  await createActivity(m2, { ...individual, placeType: 'home', date: '2026-03-31', durationMinutes: 180, placeId: ids.p2, themes: ['ia'], anonymousPerson: { gender: 'male', ageBand: '18-24', socialStatus: 'unemployed', commune: '' } }, NOW);
  await createActivity(m1, { ...individual, date: '2026-03-15', durationMinutes: 45, placeId: ids.p1, themes: ['demarches'], learnerId: ids.l3 }, NOW);
}

const values = (rows: { key: string; value: number | null }[]) => Object.fromEntries(rows.filter((r) => r.value !== 0).map((r) => [r.key, r.value]));

describe('impact statistics on a known dataset', () => {
  beforeAll(async () => {
    await migrateTestDatabase();
    await buildNetwork();
    await logActivities();
  });

  it('prefills the activity of a closed session from its workshop and its attendance', async () => {
    const a = await getActivity(actors.m1, a3);
    expect(a).toMatchObject({ kind: 'collective', date: '2026-02-20', durationMinutes: 120, title: 'Mes e-mails sans souci', level: 'beginner', themes: ['e-mail', 'navigation'], sessionId: ids.s1 });
    // Present and late people, the walk-in included; not the absent L3.
    expect(a.participants.map((p) => p.id).sort()).toEqual([ids.l1, ids.l2, ids.l4].sort());
    // The anonymous breakdowns are completed with "not given" up to the head count.
    expect(a.anonymousParticipants).toEqual({ count: 5, gender: { female: 3, male: 1, unknown: 1 }, ageBand: { '70-plus': 2, unknown: 3 }, socialStatus: { retired: 4, unknown: 1 } });
    expect(a.participantCount).toBe(8);
  });

  it('computes every figure of the whole network by hand', async () => {
    const stats = await statsFor(actors.c, PERIOD, NOW);
    expect(stats.scope).toEqual({ kind: 'network' });
    // A1 A2 A3 A4 A6 A7 (A5 is before the period); individual A1 A2 A6 A7, collective A3 A4.
    expect(stats.activities).toEqual({ total: 6, individual: 4, collective: 2 });
    // 30 + 15 + 120 + 90 + 180 + 45 = 480 min (8 h).
    expect(stats.minutes).toBe(480);
    // Known: L1 (A1, A3), L2 (A3), L4 (A3, A4), L3 (A7) = 4 people once each.
    // Anonymous: A2 1 + A6 1 + A3 5 + A4 2 = 9. Total 13.
    expect(stats.people).toEqual({ total: 13, known: 4, anonymous: 9 });
    // First activity ever: L1 A1 (Jan), L3 A7 (Mar), L4 A3 (Feb) are new; L2's first was A5 (Dec 2025).
    expect(stats.newLearners).toBe(3);
    // Held: S1 S2 S5 S6 (S3 cancelled, S4 before, S7 after the period in Paris time).
    // Seats 8 + 6 + 10 + 4 = 28; confirmed S1 3 + S2 2 + S5 2 + S6 1 = 8 (cancelled and waiting list left out).
    // Marked: present S1 L1, S1 L4 (walk-in), S5 L4, S6 L3 = 4; late S1 L2 = 1; excused S2 L1 = 1;
    // absent S1 L3, S5 L6 = 2; S2 L2 unmarked is left out: 8 marked.
    expect(stats.sessions).toEqual({
      held: 4,
      seatsOffered: 28,
      confirmedSignups: 8,
      present: 4,
      late: 1,
      excused: 1,
      absent: 2,
      fillRate: 8 / 28,
      attendanceRate: 5 / 8,
      noShowRate: 2 / 8,
    });
  });

  it('computes every distribution and the month-by-month trend by hand', async () => {
    const d = (await statsFor(actors.c, PERIOD, NOW)).distributions;
    // Activities per theme: e-mail A1 A3 A4; démarches A1 A7; navigation A2 A3; IA A6; sécurité A4.
    // Largest first, ties by code.
    expect(d.theme).toEqual([
      { key: 'e-mail', value: 3 },
      { key: 'demarches', value: 2 },
      { key: 'navigation', value: 2 },
      { key: 'ia', value: 1 },
      { key: 'securite', value: 1 },
    ]);
    // People per gender: 4 known "not given"; A2 woman; A6 man; A3 3 women, 1 man, 1 not given; A4 2 not given.
    expect(values(d.gender)).toEqual({ female: 4, male: 2, unknown: 7 });
    expect(d.gender.map((r) => r.key)).toEqual(['female', 'male', 'unknown']);
    // Age: 4 known not given; A2 60-69; A6 18-24; A3 2 aged 70+ and 3 not given; A4 2 not given.
    expect(values(d.ageBand)).toEqual({ '18-24': 1, '60-69': 1, '70-plus': 2, unknown: 9 });
    // Status: 4 known not given; A2 retired; A6 unemployed; A3 4 retired, 1 not given; A4 2 not given.
    expect(values(d.socialStatus)).toEqual({ retired: 5, unemployed: 1, unknown: 7 });
    // Commune: known L1 Saint-Étienne, L2 Firminy, L3 none, L4 Roanne; A2 Firminy; A6 none;
    // collective anonymous (5 + 2) none. None: 1 + 1 + 7 = 9.
    expect(d.commune).toEqual([
      { key: '', value: 9 },
      { key: 'Firminy', value: 2 },
      { key: 'Roanne', value: 1 },
      { key: 'Saint-Étienne', value: 1 },
    ]);
    // Durations: 15 → under 30; 30 and 45 → 30 min to 1 h; 90 and 120 → 1 h to 2 h; 180 → over 2 h.
    expect(d.durationBand).toEqual([
      { key: 'under-30', value: 1 },
      { key: '30-60', value: 2 },
      { key: '60-120', value: 2 },
      { key: 'over-120', value: 1 },
    ]);
    // Places: P1 A1 A2 A3 A7; P2 A4 A6.
    expect(d.place).toEqual([
      { key: ids.p1, label: 'Lieu A', value: 4 },
      { key: ids.p2, label: 'Lieu B', value: 2 },
    ]);
    // Months: January A1 (30 min); February A2 + A3 (15 + 120); March A4 + A6 + A7 (90 + 180 + 45).
    expect((await statsFor(actors.c, PERIOD, NOW)).months).toEqual([
      { month: '2026-01', individual: 1, collective: 0, minutes: 30 },
      { month: '2026-02', individual: 1, collective: 1, minutes: 135 },
      { month: '2026-03', individual: 2, collective: 1, minutes: 315 },
    ]);
  });

  it('computes the figures of one place', async () => {
    const p1 = await statsFor(actors.c, { ...PERIOD, place: 'lieu-a' }, NOW);
    // A1 A2 A3 A7: 30 + 15 + 120 + 45 = 210 min. Known L1 L2 L3 L4; anonymous A2 1 + A3 5.
    expect(p1.activities).toEqual({ total: 4, individual: 3, collective: 1 });
    expect(p1.minutes).toBe(210);
    expect(p1.people).toEqual({ total: 10, known: 4, anonymous: 6 });
    // New at this place: L1, L3, L4 (L2 came for A5 in December).
    expect(p1.newLearners).toBe(3);
    // Held S1 S2 S6: seats 18, confirmed 3 + 2 + 1; marked present 3, late 1, excused 1, absent 1.
    expect(p1.sessions).toMatchObject({ held: 3, seatsOffered: 18, confirmedSignups: 6, present: 3, late: 1, excused: 1, absent: 1, fillRate: 6 / 18, attendanceRate: 4 / 6, noShowRate: 1 / 6 });

    const p2 = await statsFor(actors.c, { ...PERIOD, place: 'lieu-b' }, NOW);
    // A4 A6: 90 + 180 min. Known L4 (first activity ever A3 in February, first here A4: new here).
    expect(p2.activities).toEqual({ total: 2, individual: 1, collective: 1 });
    expect(p2.minutes).toBe(270);
    expect(p2.people).toEqual({ total: 4, known: 1, anonymous: 3 });
    expect(p2.newLearners).toBe(1);
    // S5: 10 seats, 2 confirmed, L4 present, L6 absent.
    expect(p2.sessions).toMatchObject({ held: 1, seatsOffered: 10, confirmedSignups: 2, fillRate: 0.2, attendanceRate: 0.5, noShowRate: 0.5 });
  });

  it('gives a mediator their own work and their places by default, and counts a period with nothing as zeros', async () => {
    const mine = await statsFor(actors.m2, PERIOD, NOW);
    expect(mine.scope).toMatchObject({ kind: 'mediator', mediatorId: ids.m2, placeIds: [ids.p2] });
    expect(mine.activities.total).toBe(2);
    expect(mine.sessions.held).toBe(1);
    const empty = await statsFor(actors.m2, { from: '2024-01-01', to: '2024-12-31' }, NOW);
    expect(empty.activities).toEqual({ total: 0, individual: 0, collective: 0 });
    expect(empty.sessions).toMatchObject({ held: 0, fillRate: null, attendanceRate: null, noShowRate: null });
    expect(empty.months).toHaveLength(12);
  });

  it('computes the statistics in a fixed number of queries, whatever the amount of data', async () => {
    const before = queryCounter.count;
    await computeStats({ kind: 'network' }, PERIOD);
    const small = queryCounter.count - before;
    await createActivity(actors.m1, { kind: 'individual', placeType: 'place', date: '2025-11-20', durationMinutes: 30, placeId: ids.p1, themes: ['sante', 'culture'], anonymousPerson: {} }, NOW);
    const again = queryCounter.count;
    const stats = await computeStats({ kind: 'network' }, PERIOD);
    expect(queryCounter.count - again).toBe(small);
    // The four queries, side by side, each with the setting that keeps the database from
    // compiling them.
    expect(small).toBe(8);
    // (The new activity is dated before the period: the figures above stay true.)
    expect(stats.activities.total).toBe(6);
  });
});

describe('who may see which activities and statistics', () => {
  beforeAll(async () => {
    // Same database as above (one per file): the network is already there.
    if (!ids.p1) {
      await migrateTestDatabase();
      await buildNetwork();
      await logActivities();
    }
  });

  it('keeps a mediator to the activities and statistics of their own places', async () => {
    const list = await listActivities(actors.m2, {});
    // M2 sees A4 and A6 (P2), not P1's.
    expect(list.items.map((a) => a.placeName)).toEqual(['Lieu B', 'Lieu B']);
    await expect(listActivities(actors.m2, { place: 'lieu-a' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getActivity(actors.m2, a3)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(statsFor(actors.m2, { place: 'lieu-a' }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(statsFor(actors.learner, {}, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(statsFor(null, {}, NOW)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('answers the API with 401 without a session and 403 for another place', async () => {
    const m2 = await sessionCookie(ids.m2!);
    const call = (route: typeof getStatsRoute, url: string, cookie?: string) => route(new Request(`http://localhost${url}`, { headers: cookie ? { cookie } : {} }), {});

    expect((await call(getStatsRoute, '/api/v1/stats')).status).toBe(401);
    const forbidden = await call(getStatsRoute, '/api/v1/stats?place=lieu-a', m2);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toBe('application/problem+json');
    expect((await call(getActivitiesRoute, '/api/v1/activities?place=lieu-a', m2)).status).toBe(403);
    expect((await call(getStatsRoute, '/api/v1/stats?place=nulle-part', m2)).status).toBe(404);

    const bad = await call(getStatsRoute, '/api/v1/stats?from=2026-04-01&to=2026-01-01', m2);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.to[0]).toMatch(/date de fin/);

    const own = await call(getStatsRoute, `/api/v1/stats?place=lieu-b&from=${PERIOD.from}&to=${PERIOD.to}`, m2);
    expect(own.status).toBe(200);
    const body = (await own.json()) as Stats;
    expect(body.activities.total).toBe(2);
    expect(body.distributions.theme.map((r) => r.key).sort()).toEqual(['e-mail', 'ia', 'securite']);

    const list = await call(getActivitiesRoute, '/api/v1/activities', m2);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { total: number }).total).toBe(2);
  });

  it('shows aggregates only on a shared link, hides small counts of people, and stops once revoked', async () => {
    const share = await createStatShare(actors.c, { place: 'lieu-b', ...PERIOD }, NOW);
    expect(share.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const shown = await sharedStats(share.token);
    expect(shown).not.toBeNull();
    expect(shown!.activities.total).toBe(2);
    // Gender at P2: L4 not given, A4 2 not given, A6 1 man → male 1 is hidden, and so is the next
    // smallest (not given, 3) so that it cannot be worked out from the total.
    expect(values(shown!.distributions.gender)).toEqual({ male: null, unknown: null });
    // Commune: none 3 (A4 2, A6 1), Roanne 1 (L4) → Roanne goes into "others", too small to show.
    expect(shown!.distributions.commune).toEqual([
      { key: '', value: 3 },
      { key: 'others', value: null },
    ]);
    // No person's name or id anywhere.
    const text = JSON.stringify(shown);
    for (const key of ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'm1', 'm2', 'c']) expect(text).not.toContain(ids[key]!);
    for (const name of ['Lou Quatre', 'Marc Médiateur', 'Chloé Coordination']) expect(text).not.toContain(name);

    await revokeStatShare(actors.c, share.id, NOW);
    expect(await sharedStats(share.token)).toBeNull();
    expect(await sharedStats('not-a-token')).toBeNull();
    await expect(createStatShare(actors.m1, { place: 'lieu-a', ...PERIOD })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('keeps public statistics of the network in the same shape as the private ones', async () => {
    const stats = await statsFor(actors.c, PERIOD, NOW);
    const pub = toPublicStats(stats);
    expect(pub.activities).toEqual(stats.activities);
    // Age bands with 1 or 2 people (18-24, 60-69, 70+) are hidden.
    expect(values(pub.distributions.ageBand)).toEqual({ '18-24': null, '60-69': null, '70-plus': null, unknown: 9 });
  });
});
