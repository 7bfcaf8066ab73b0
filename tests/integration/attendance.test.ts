import { and, asc, count, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getAttendanceCsv } from '@/app/api/v1/sessions/[id]/attendance.csv/route';
import { GET as getAttendance, PUT as putAttendance } from '@/app/api/v1/sessions/[id]/attendance/route';
import { queryCounter } from '@/db';
import { attendance, auditLog, enrollments, sessions, users } from '@/db/schema';
import {
  addNewWalkIn,
  addWalkIn,
  attendanceCountsFor,
  checkInSelf,
  closeSession,
  getRoster,
  issueCertificate,
  listMyAttendance,
  listRecentStaffSessions,
  markAttendance,
  previewCheckIn,
  searchWalkInCandidates,
  setSelfCheckIn,
  verifyCertificate,
} from '@/lib/attendance';
import { formatCertificateCode } from '@/lib/attendance/codes';
import { rosterViewSchema } from '@/lib/attendance/openapi';
import { createLearnerAccount, loadActor } from '@/lib/accounts';
import type { Actor } from '@/lib/auth/policy';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '@/lib/errors';
import { demoActor } from '../helpers/actors';
import { db, onPostgres, seededTestDatabase } from '../helpers/db';
import { apiRequest } from '../helpers/session';

// Saturday 28 November 2026, 11:00 in Saint-Étienne: the seeded session of today has just begun.
const NOW = new Date('2026-11-28T10:00:00Z');
const minutes = (n: number) => n * 60000;

let mediator: Actor;
let coordinator: Actor;
let learner: Actor;
let otherMediator: Actor;
let homeId: string;
let todayId: string;

async function attendanceRow(sessionId: string, userId: string) {
  const [row] = await db.select().from(attendance).where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, userId)));
  return row;
}

// A session of the mediator's place, other than today's, in the past or the future.
async function homeSession(when: 'past' | 'future', index = 0) {
  const rows = await db
    .select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .where(and(eq(sessions.placeId, homeId), when === 'past' ? lt(sessions.endsAt, NOW) : gt(sessions.startsAt, NOW), eq(sessions.status, when === 'past' ? 'done' : 'scheduled')))
    .orderBy(when === 'past' ? desc(sessions.startsAt) : asc(sessions.startsAt), asc(sessions.id));
  return rows[index]!;
}

async function confirmedOf(sessionId: string) {
  return (await db.select({ userId: enrollments.userId }).from(enrollments).where(and(eq(enrollments.sessionId, sessionId), eq(enrollments.status, 'confirmed')))).map((r) => r.userId);
}

async function newLearner(name: string) {
  const account = await createLearnerAccount({ name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@exemple.fr`, password: 'un-mot-de-passe' });
  return (await loadActor(account.id))!;
}

beforeAll(async () => {
  await seededTestDatabase({ now: NOW });
  [mediator, coordinator, learner] = await Promise.all([demoActor('mediator'), demoActor('coordinator'), demoActor('learner')]);
  // The demo mediator staffs one place: Au Comptoir Numérique, Saint-Étienne.
  homeId = mediator.staffedPlaceIds[0]!;
  const [today] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.placeId, homeId), eq(sessions.status, 'scheduled'), sql`${sessions.startsAt} <= ${NOW.toISOString()}::timestamptz`, gt(sessions.endsAt, NOW)));
  todayId = today!.id;
  const [other] = await db.select({ email: users.email }).from(users).where(eq(users.email, 'mediateur.epn-mediatheque-roanne@comptoir.test'));
  const otherUser = other ? other : (await db.select({ email: users.email }).from(users).where(sql`${users.email} like 'mediateur.%'`).limit(1))[0]!;
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, otherUser.email!));
  otherMediator = (await loadActor(row!.id))!;
  // Seeding the demo network takes a while on a busy machine.
}, 180_000);

describe('the roster of a session', () => {
  it('lists the confirmed learners, unmarked, and the waiting list apart', async () => {
    const roster = await getRoster(mediator, todayId);
    expect(roster.session.placeId).toBe(homeId);
    expect(roster.session.trainers).toEqual(['Mehdi Médiateur']);
    expect(roster.people).toHaveLength(6);
    expect(roster.people.every((p) => p.status === 'unmarked' && p.enrolled && !p.walkIn)).toBe(true);
    expect(roster.waitlist).toHaveLength(1);
    expect(roster.waitlist[0]!.position).toBe(1);
    expect(roster.counts).toMatchObject({ confirmed: 6, unmarked: 6, present: 0, walkIns: 0 });
  });

  it('is for staff of the session’s place and coordinators only', async () => {
    await expect(getRoster(learner, todayId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getRoster(otherMediator, todayId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getRoster(null, todayId)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect((await getRoster(coordinator, todayId)).people).toHaveLength(6);
    await expect(getRoster(mediator, '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRoster(mediator, 'pas-un-identifiant')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('takes the same number of queries whatever the number of people', async () => {
    const small = await homeSession('past', 0);
    const sizes: number[] = [];
    for (const id of [todayId, small.id]) {
      const before = queryCounter.count;
      await getRoster(mediator, id);
      sizes.push(queryCounter.count - before);
    }
    expect(sizes[0]).toBe(sizes[1]);
    expect(sizes[0]).toBeLessThanOrEqual(3);
  });
});

describe('marking attendance', () => {
  it('saves a status with who marked it and when, and audit-logs the change', async () => {
    const [personId] = await confirmedOf(todayId);
    await markAttendance(mediator, todayId, [{ personId, status: 'present' }], NOW);
    const row = await attendanceRow(todayId, personId!);
    expect(row).toMatchObject({ status: 'present', walkIn: false, markedById: mediator.id, markedAt: NOW });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, `${todayId}:${personId}`));
    expect(audit.at(-1)).toMatchObject({ actorId: mediator.id, action: 'attendance.mark', before: { status: 'unmarked', walkIn: false }, after: { status: 'present', walkIn: false } });
  });

  it('changes nothing and logs nothing when the same status is sent again', async () => {
    const [personId] = await confirmedOf(todayId);
    const [{ n: before }] = (await db.select({ n: count() }).from(auditLog)) as [{ n: number }];
    expect(await markAttendance(mediator, todayId, [{ personId, status: 'present' }], NOW)).toEqual({ changed: 0 });
    const [{ n: after }] = (await db.select({ n: count() }).from(auditLog)) as [{ n: number }];
    expect(after).toBe(before);
  });

  it('refuses people who are not on the roster, unknown statuses and empty lists, and writes nothing', async () => {
    const stranger = await newLearner('Inès Étrangère');
    const error = await markAttendance(mediator, todayId, [{ personId: stranger.id, status: 'present' }], NOW).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors['0.personId'][0]).toMatch(/n’est pas sur la liste/);
    expect(await attendanceRow(todayId, stranger.id)).toBeUndefined();
    const [personId] = await confirmedOf(todayId);
    const bad = await markAttendance(mediator, todayId, [{ personId, status: 'venu' }], NOW).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors)).toEqual(['0.status']);
    await expect(markAttendance(mediator, todayId, [], NOW)).rejects.toBeInstanceOf(ValidationError);
    await expect(markAttendance(mediator, todayId, { personId, status: 'present' }, NOW)).rejects.toBeInstanceOf(ValidationError);
  });

  it('is refused to a learner, to a mediator of another place, and on a cancelled session', async () => {
    const [personId] = await confirmedOf(todayId);
    await expect(markAttendance(learner, todayId, [{ personId, status: 'absent' }], NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(markAttendance(otherMediator, todayId, [{ personId, status: 'absent' }], NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await attendanceRow(todayId, personId!))!.status).toBe('present');
    const future = await homeSession('future', 5);
    await db.update(sessions).set({ status: 'cancelled' }).where(eq(sessions.id, future.id));
    const [someone] = await confirmedOf(future.id);
    if (someone) await expect(markAttendance(mediator, future.id, [{ personId: someone, status: 'present' }], NOW)).rejects.toBeInstanceOf(ConflictError);
    await db.update(sessions).set({ status: 'scheduled' }).where(eq(sessions.id, future.id));
  });
});

describe('people who come without signing up', () => {
  it('adds a known learner as present without a sign-up and without taking a seat', async () => {
    const confirmedBefore = (await confirmedOf(todayId)).length;
    const [{ n: enrollmentsBefore }] = (await db.select({ n: count() }).from(enrollments).where(eq(enrollments.sessionId, todayId))) as [{ n: number }];
    const past = await homeSession('past', 0);
    const onToday = new Set((await getRoster(mediator, todayId)).people.map((p) => p.personId));
    const known = (await confirmedOf(past.id)).find((id) => !onToday.has(id))!;
    const added = await addWalkIn(mediator, todayId, { personId: known }, NOW);
    expect(added.personId).toBe(known);
    expect(await attendanceRow(todayId, known)).toMatchObject({ status: 'present', walkIn: true, markedById: mediator.id });
    expect((await confirmedOf(todayId)).length).toBe(confirmedBefore);
    const [{ n: enrollmentsAfter }] = (await db.select({ n: count() }).from(enrollments).where(eq(enrollments.sessionId, todayId))) as [{ n: number }];
    expect(enrollmentsAfter).toBe(enrollmentsBefore);
    const roster = await getRoster(mediator, todayId);
    expect(roster.people.find((p) => p.personId === known)).toMatchObject({ status: 'present', walkIn: true, enrolled: false });
    expect(roster.counts).toMatchObject({ confirmed: 6, walkIns: 1 });
    await expect(addWalkIn(mediator, todayId, { personId: known }, NOW)).rejects.toBeInstanceOf(ConflictError);
  });

  it('creates a profile with just a name, with consent, and adds it as present', async () => {
    const added = await addNewWalkIn(mediator, todayId, { name: '  Josette Ferrand ', consent: 'on' }, NOW);
    const [user] = await db.select().from(users).where(eq(users.id, added.personId));
    expect(user).toMatchObject({ name: 'Josette Ferrand', email: null, passwordHash: null, createdById: mediator.id, consentAt: NOW });
    expect(await attendanceRow(todayId, added.personId)).toMatchObject({ status: 'present', walkIn: true });
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(inArray(auditLog.entityId, [added.personId, `${todayId}:${added.personId}`]))).map((a) => a.action);
    expect(actions.sort()).toEqual(['attendance.walk-in', 'user.create-at-desk']);
  });

  it('asks for a name and for the person’s consent, and creates nobody without them', async () => {
    const [{ n: before }] = (await db.select({ n: count() }).from(users)) as [{ n: number }];
    const error = await addNewWalkIn(mediator, todayId, { name: 'J' }, NOW).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.name[0]).toMatch(/prénom et le nom/);
    expect(error.fieldErrors.consent[0]).toMatch(/d’accord/);
    const [{ n: after }] = (await db.select({ n: count() }).from(users)) as [{ n: number }];
    expect(after).toBe(before);
  });

  it('finds learners of the mediator’s places by name, accents and case aside, and not those already on the list', async () => {
    const past = await homeSession('past', 1);
    const onToday = new Set((await getRoster(mediator, todayId)).people.map((p) => p.personId));
    const someoneId = (await confirmedOf(past.id)).find((id) => !onToday.has(id))!;
    const [someone] = await db.select({ name: users.name }).from(users).where(eq(users.id, someoneId));
    const lastName = someone!.name.split(' ').at(-1)!;
    const query = lastName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
    const found = await searchWalkInCandidates(mediator, todayId, { q: query });
    expect(found.map((f) => f.personId)).toContain(someoneId);
    for (const f of found) expect(onToday.has(f.personId)).toBe(false);
    // Someone who never came to the mediator's places is not offered.
    const stranger = await newLearner('Zoé Inconnue-Ailleurs');
    expect((await searchWalkInCandidates(mediator, todayId, { q: 'Inconnue-Ailleurs' })).map((f) => f.personId)).not.toContain(stranger.id);
    expect((await searchWalkInCandidates(coordinator, todayId, { q: 'Inconnue-Ailleurs' })).map((f) => f.personId)).toContain(stranger.id);
    await expect(searchWalkInCandidates(mediator, todayId, { q: 'a' })).rejects.toBeInstanceOf(ValidationError);
    await expect(searchWalkInCandidates(learner, todayId, { q: 'Dupont' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('closing a session', () => {
  it('cannot happen before the session starts', async () => {
    const future = await homeSession('future', 0);
    await expect(closeSession(mediator, future.id, NOW)).rejects.toBeInstanceOf(ConflictError);
  });

  it('marks every unmarked person absent and the session done', async () => {
    const people = await confirmedOf(todayId);
    await markAttendance(mediator, todayId, [{ personId: people[1]!, status: 'late' }, { personId: people[2]!, status: 'excused' }], NOW);
    const closedAt = new Date(NOW.getTime() + minutes(90));
    const result = await closeSession(mediator, todayId, closedAt);
    expect(result).toEqual({ markedAbsent: 3, alreadyClosed: false });
    const [session] = await db.select().from(sessions).where(eq(sessions.id, todayId));
    expect(session).toMatchObject({ status: 'done', closedAt });
    const roster = await getRoster(mediator, todayId);
    expect(roster.people.filter((p) => p.status === 'unmarked')).toEqual([]);
    expect(roster.counts).toMatchObject({ confirmed: 6, present: 3, late: 1, excused: 1, absent: 3, unmarked: 0, walkIns: 2 });
    for (const p of people.slice(3)) expect(await attendanceRow(todayId, p)).toMatchObject({ status: 'absent', markedById: mediator.id, markedAt: closedAt });
    const [closing] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, todayId), eq(auditLog.action, 'session.close')));
    expect(closing).toMatchObject({ actorId: mediator.id, before: { status: 'scheduled' }, after: { status: 'done' } });
    expect(await closeSession(mediator, todayId, closedAt)).toEqual({ markedAbsent: 0, alreadyClosed: true });
  });

  it('still lets staff correct a mark afterwards, and logs who changed what from what to what', async () => {
    const people = await confirmedOf(todayId);
    const later = new Date(NOW.getTime() + minutes(200));
    await markAttendance(coordinator, todayId, [{ personId: people[5]!, status: 'excused' }], later);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, `${todayId}:${people[5]}`), eq(auditLog.action, 'attendance.correct-after-closing')));
    expect(entry).toMatchObject({ actorId: coordinator.id, before: { status: 'absent' }, after: { status: 'excused' }, at: later });
    expect(await attendanceRow(todayId, people[5]!)).toMatchObject({ status: 'excused', markedById: coordinator.id, markedAt: later });
  });

  it('shows the same figures in the mediator’s list of recent sessions', async () => {
    const afterwards = new Date(NOW.getTime() + minutes(24 * 60));
    const recent = await listRecentStaffSessions(mediator, { now: afterwards });
    const today = recent.find((s) => s.id === todayId)!;
    expect(today.counts).toEqual((await getRoster(mediator, todayId)).counts);
    const counts = await attendanceCountsFor(mediator, [todayId]);
    expect(counts.get(todayId)).toEqual(today.counts);
    // Another place's mediator gets nothing for it.
    expect((await attendanceCountsFor(otherMediator, [todayId])).size).toBe(0);
  });
});

describe('absences without notice', () => {
  it('counts for each learner their absences at the mediator’s places', async () => {
    const person = (await confirmedOf(todayId))[0]!;
    const before = (await getRoster(mediator, todayId)).people.find((p) => p.personId === person)!.noShows;
    for (const index of [2, 3]) {
      const past = await homeSession('past', index);
      const onRoster = (await getRoster(mediator, past.id)).people.some((p) => p.personId === person);
      if (!onRoster) await addWalkIn(mediator, past.id, { personId: person }, NOW);
      await markAttendance(mediator, past.id, [{ personId: person, status: 'absent' }], NOW);
    }
    const after = (await getRoster(mediator, todayId)).people.find((p) => p.personId === person)!.noShows;
    expect(after).toBe(before + 2);
    // An independent count of the same thing.
    const [{ n }] = (await db
      .select({ n: count() })
      .from(attendance)
      .innerJoin(sessions, eq(sessions.id, attendance.sessionId))
      .where(and(eq(attendance.userId, person), eq(attendance.status, 'absent'), eq(sessions.placeId, homeId), sql`${attendance.sessionId} <> ${todayId}`))) as [{ n: number }];
    expect(after).toBe(n);
  });
});

describe('self check-in', () => {
  let sessionId: string;
  let startsAt: Date;
  let endsAt: Date;
  let code: string;
  let signedUp: Actor;
  let other: Actor;

  beforeAll(async () => {
    const s = await homeSession('future', 1);
    sessionId = s.id;
    startsAt = s.startsAt;
    endsAt = s.endsAt;
    signedUp = await newLearner('Paulette Vial');
    other = await newLearner('Marcel Vial');
    for (const person of [signedUp, other]) {
      await db.insert(enrollments).values({ sessionId, userId: person.id, status: 'confirmed', confirmedAt: NOW, createdById: person.id });
    }
  });

  it('is turned on by staff of the place, with a short code that no other open session uses', async () => {
    await expect(setSelfCheckIn(learner, sessionId, { enabled: 'on' }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    const result = await setSelfCheckIn(mediator, sessionId, { enabled: 'on', lateAfterMinutes: '10' }, NOW);
    expect(result.selfCheckIn).toBe(true);
    expect(result.checkInCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    code = result.checkInCode!;
    // Turning it off and on again keeps the code printed on the screen.
    await setSelfCheckIn(mediator, sessionId, { enabled: '' }, NOW);
    expect((await setSelfCheckIn(mediator, sessionId, { enabled: 'on', lateAfterMinutes: '10' }, NOW)).checkInCode).toBe(code);
    // The database refuses the same code on another open session.
    const another = await homeSession('future', 2);
    await expect(db.update(sessions).set({ checkInCode: code }).where(eq(sessions.id, another.id))).rejects.toThrow();
  });

  it('is refused before the window opens, a quarter of an hour before the start', async () => {
    const early = new Date(startsAt.getTime() - minutes(16));
    const error = await checkInSelf(signedUp, { code }, early).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/Le pointage ouvre .*15 minutes avant le début/);
    expect(await attendanceRow(sessionId, signedUp.id)).toBeUndefined();
  });

  it('marks the signed-in person present from 15 minutes before the start, typed in any case with spaces', async () => {
    const result = await checkInSelf(signedUp, { code: ` ${code.slice(0, 3).toLowerCase()} ${code.slice(3)} ` }, new Date(startsAt.getTime() - minutes(14)));
    expect(result).toMatchObject({ status: 'present', alreadyMarked: false });
    expect(await attendanceRow(sessionId, signedUp.id)).toMatchObject({ status: 'present', walkIn: false, markedById: signedUp.id });
    // Scanning again changes nothing.
    expect(await checkInSelf(signedUp, { code }, new Date(startsAt.getTime() + minutes(30)))).toMatchObject({ status: 'present', alreadyMarked: true });
  });

  it('marks late after the set delay', async () => {
    const result = await checkInSelf(other, { code }, new Date(startsAt.getTime() + minutes(11)));
    expect(result.status).toBe('late');
  });

  it('only ever marks the signed-in person, whatever else is sent', async () => {
    const third = await newLearner('Gisèle Vial');
    await db.insert(enrollments).values({ sessionId, userId: third.id, status: 'confirmed', confirmedAt: NOW, createdById: third.id });
    const walkIn = await newLearner('Roger Passant');
    await checkInSelf(walkIn, { code, personId: third.id, userId: third.id }, new Date(startsAt.getTime() + minutes(1)));
    expect(await attendanceRow(sessionId, third.id)).toBeUndefined();
    expect(await attendanceRow(sessionId, walkIn.id)).toMatchObject({ status: 'present', walkIn: true, markedById: walkIn.id });
  });

  it('refuses someone not signed up when the session takes signed-up people only', async () => {
    await db.update(sessions).set({ walkInsAllowed: false }).where(eq(sessions.id, sessionId));
    const stranger = await newLearner('Sylvie Sansplace');
    const error = await checkInSelf(stranger, { code }, new Date(startsAt.getTime() + minutes(1))).catch((e) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toMatch(/pas inscrit/);
    expect(await attendanceRow(sessionId, stranger.id)).toBeUndefined();
    const preview = await previewCheckIn(stranger, { code }, new Date(startsAt.getTime() + minutes(1)));
    expect(preview.verdict).toMatchObject({ ok: false, reason: 'not-signed-up' });
    await db.update(sessions).set({ walkInsAllowed: true }).where(eq(sessions.id, sessionId));
  });

  it('is refused after the end, with a wrong code, when not signed in, and once the session is closed', async () => {
    const late = new Date(endsAt.getTime() + minutes(1));
    const stranger = await newLearner('Bernard Entard');
    await expect(checkInSelf(stranger, { code }, late)).rejects.toThrow(/terminé/);
    const wrong = code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    await expect(checkInSelf(stranger, { code: wrong }, startsAt)).rejects.toBeInstanceOf(NotFoundError);
    await expect(checkInSelf(stranger, { code: 'O0I1' }, startsAt)).rejects.toBeInstanceOf(ValidationError);
    await expect(checkInSelf(null, { code }, startsAt)).rejects.toBeInstanceOf(UnauthenticatedError);
    await closeSession(mediator, sessionId, new Date(startsAt.getTime() + minutes(5)));
    await expect(checkInSelf(stranger, { code }, new Date(startsAt.getTime() + minutes(6)))).rejects.toThrow(/clôturée/);
  });

  it('is refused when staff have not turned it on', async () => {
    const s = await homeSession('future', 3);
    await db.update(sessions).set({ checkInCode: 'ZZZZZ9' }).where(eq(sessions.id, s.id));
    await expect(checkInSelf(learner, { code: 'ZZZZZ9' }, s.startsAt)).rejects.toThrow(/pas ouvert/);
  });
});

describe('attendance certificates', () => {
  let pastId: string;

  beforeAll(async () => {
    const [row] = await db
      .select({ id: attendance.sessionId })
      .from(attendance)
      .where(and(eq(attendance.userId, learner.id), eq(attendance.status, 'present')))
      .limit(1);
    pastId = row!.id;
  });

  it('lists the learner’s history with statuses and which sessions have a certificate', async () => {
    const history = await listMyAttendance(learner, NOW);
    expect(history.length).toBeGreaterThanOrEqual(2);
    expect(history.filter((h) => h.status === 'present').every((h) => h.certificate)).toBe(true);
    // A walk-in visit is part of the history too.
    const walkIn = (await getRoster(mediator, todayId)).people.find((p) => p.walkIn && p.name !== 'Josette Ferrand')!;
    const theirs = await listMyAttendance((await loadActor(walkIn.personId))!, new Date(NOW.getTime() + minutes(24 * 60)));
    expect(theirs.find((h) => h.sessionId === todayId)).toMatchObject({ status: 'present', walkIn: true, certificate: true });
  });

  it('issues a certificate with a 10-character code, drawn once and kept', async () => {
    const first = await issueCertificate(learner, pastId, {}, NOW);
    expect(first.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    expect(first.personName).toBe('Annie Apprenante');
    expect(first.durationMinutes).toBeGreaterThan(0);
    expect((await issueCertificate(learner, pastId, {}, NOW)).code).toBe(first.code);
    const issued = await db.select().from(auditLog).where(and(eq(auditLog.entityId, `${pastId}:${learner.id}`), eq(auditLog.action, 'certificate.issue')));
    expect(issued).toHaveLength(1);
  });

  it('verifies a code, typed with a dash or in small letters, and shows only what the certificate states', async () => {
    const certificate = await issueCertificate(learner, pastId, {}, NOW);
    const verified = await verifyCertificate(formatCertificateCode(certificate.code).toLowerCase());
    expect(verified).toEqual(certificate);
    expect(Object.keys(verified!).sort()).toEqual(['code', 'durationMinutes', 'endsAt', 'personName', 'placeAddress', 'placeCommune', 'placeName', 'placePostalCode', 'startsAt', 'workshopTitle']);
    expect(await verifyCertificate('ABCDE-23456')).toBeNull();
    expect(await verifyCertificate("' or 1=1 --")).toBeNull();
    expect(await verifyCertificate('')).toBeNull();
  });

  it('is only for people who attended; staff of the place may get one for someone without an account', async () => {
    const absentRow = (await getRoster(mediator, todayId)).people.find((p) => p.status === 'absent')!;
    const absentActor = (await loadActor(absentRow.personId))!;
    await expect(issueCertificate(absentActor, todayId, {}, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const desk = (await getRoster(mediator, todayId)).people.find((p) => p.name === 'Josette Ferrand')!;
    const forDesk = await issueCertificate(mediator, todayId, { personId: desk.personId }, NOW);
    expect(forDesk.personName).toBe('Josette Ferrand');
    await expect(issueCertificate(learner, todayId, { personId: desk.personId }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(issueCertificate(otherMediator, todayId, { personId: desk.personId }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(issueCertificate(null, todayId, {}, NOW)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('stops verifying once the attendance is corrected to an absence', async () => {
    const desk = (await getRoster(mediator, todayId)).people.find((p) => p.name === 'Josette Ferrand')!;
    const certificate = await issueCertificate(mediator, todayId, { personId: desk.personId }, NOW);
    expect(await verifyCertificate(certificate.code)).not.toBeNull();
    await markAttendance(mediator, todayId, [{ personId: desk.personId, status: 'absent' }], NOW);
    expect(await verifyCertificate(certificate.code)).toBeNull();
    await markAttendance(mediator, todayId, [{ personId: desk.personId, status: 'present' }], NOW);
  });
});

describe('GET and PUT /api/v1/sessions/{id}/attendance', () => {
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  it('answers 401 without a session cookie and 403 to a learner, read or write', async () => {
    expect((await getAttendance(await apiRequest(`/api/v1/sessions/${todayId}/attendance`), params(todayId))).status).toBe(401);
    const read = await getAttendance(await apiRequest(`/api/v1/sessions/${todayId}/attendance`, { actor: learner }), params(todayId));
    expect(read.status).toBe(403);
    expect(read.headers.get('content-type')).toContain('application/problem+json');
    const [personId] = await confirmedOf(todayId);
    const write = await putAttendance(await apiRequest(`/api/v1/sessions/${todayId}/attendance`, { method: 'PUT', actor: learner, json: [{ personId, status: 'absent' }] }), params(todayId));
    expect(write.status).toBe(403);
    expect((await attendanceRow(todayId, personId!))!.status).toBe('present');
  });

  it('answers 404 for an unknown session and 400 with the fields for a bad body', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await getAttendance(await apiRequest(`/api/v1/sessions/${unknown}/attendance`, { actor: mediator }), params(unknown))).status).toBe(404);
    expect((await getAttendance(await apiRequest('/api/v1/sessions/abc/attendance', { actor: mediator }), params('abc'))).status).toBe(404);
    const bad = await putAttendance(await apiRequest(`/api/v1/sessions/${todayId}/attendance`, { method: 'PUT', actor: mediator, json: [{ personId: 'x', status: 'là' }] }), params(todayId));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(Object.keys(body.errors).sort()).toEqual(['0.personId', '0.status']);
    const notJson = await putAttendance(await apiRequest(`/api/v1/sessions/${todayId}/attendance`, { method: 'PUT', actor: mediator, body: '{', headers: { 'content-type': 'application/json' } }), params(todayId));
    expect(notJson.status).toBe(400);
  });

  it('lets the mediator read and mark, with codes in and out', async () => {
    const [personId] = await confirmedOf(todayId);
    const response = await putAttendance(await apiRequest(`/api/v1/sessions/${todayId}/attendance`, { method: 'PUT', actor: mediator, json: [{ personId, status: 'late' }] }), params(todayId));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.people.find((p: { personId: string }) => p.personId === personId)).toMatchObject({ status: 'late', enrolled: true });
    expect(body.session.startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // The answer has the shape the OpenAPI document announces.
    const parsed = rosterViewSchema.safeParse(body);
    expect(parsed.error).toBeUndefined();
    const read = await (await getAttendance(await apiRequest(`/api/v1/sessions/${todayId}/attendance`, { actor: coordinator }), params(todayId))).json();
    expect(read.counts).toEqual(body.counts);
  });

  it('exports the roster as a CSV with French headers', async () => {
    const response = await getAttendanceCsv(await apiRequest(`/api/v1/sessions/${todayId}/attendance.csv`, { actor: mediator }), params(todayId));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await response.text();
    const [header, ...rows] = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe('Nom;Statut;Inscription;Venu sans inscription;Absences sans prévenir (autres séances);Noté le');
    expect(rows).toHaveLength((await getRoster(mediator, todayId)).people.length);
    expect(rows.some((r) => r.startsWith('Josette Ferrand;Présent;;oui;'))).toBe(true);
    const viaFormat = await getAttendance(await apiRequest(`/api/v1/sessions/${todayId}/attendance?format=csv`, { actor: mediator }), params(todayId));
    expect(await viaFormat.text()).toBe(text);
    expect((await getAttendanceCsv(await apiRequest(`/api/v1/sessions/${todayId}/attendance.csv`, { actor: learner }), params(todayId))).status).toBe(403);
  });
});

describe.skipIf(!onPostgres)('at the same moment (needs a real PostgreSQL server: TEST_DATABASE_URL)', () => {
  it('draws a single certificate code when the same certificate is downloaded twice at once', async () => {
    const roster = await getRoster(mediator, todayId);
    const person = roster.people.find((p) => p.status === 'present' || p.status === 'late')!;
    await db.update(attendance).set({ certificateCode: null }).where(and(eq(attendance.sessionId, todayId), eq(attendance.userId, person.personId)));
    const results = await Promise.all(Array.from({ length: 5 }, () => issueCertificate(mediator, todayId, { personId: person.personId }, NOW)));
    expect(new Set(results.map((r) => r.code)).size).toBe(1);
  });

  it('leaves nobody unmarked when marks arrive while the session is being closed', async () => {
    const s = await homeSession('past', 4);
    await db.update(sessions).set({ status: 'scheduled', closedAt: null }).where(eq(sessions.id, s.id));
    await db.update(attendance).set({ status: 'unmarked' }).where(eq(attendance.sessionId, s.id));
    const people = await confirmedOf(s.id);
    await Promise.all([
      closeSession(mediator, s.id, NOW),
      ...people.map((personId) => markAttendance(mediator, s.id, [{ personId, status: 'present' }], NOW)),
    ]);
    const rows = await db.select({ status: attendance.status }).from(attendance).where(eq(attendance.sessionId, s.id));
    expect(rows.filter((r) => r.status === 'unmarked')).toEqual([]);
    const [session] = await db.select({ status: sessions.status }).from(sessions).where(eq(sessions.id, s.id));
    expect(session!.status).toBe('done');
  });
});
