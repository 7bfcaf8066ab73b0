import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNull, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Executor } from '@/db';
import { attendance, enrollments, places, sessionTrainers, sessions, users, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { inPeopleScope } from '@/lib/auth/people-scope';
import { assertCan, assertSignedIn, can, type Actor } from '@/lib/auth/policy';
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from '@/lib/errors';
import { confirmedSeats, sessionRow } from '@/lib/enrollment/seats';
import { formatDay, formatTime } from '@/lib/format/dates';
import { parseInput } from '@/lib/validation';
import { randomCode } from './codes';
import { attendanceEntityId, loadSession, parseSessionId, placeScopeOf, type SessionRow } from './internal';
import {
  CHECK_IN_CODE_LENGTH,
  learnerSearchSchema,
  markAttendanceSchema,
  selfCheckInSettingsSchema,
  walkInKnownSchema,
  walkInNewSchema,
  type AttendanceStatus,
} from './schema';

export type RosterPerson = {
  personId: string;
  name: string;
  status: AttendanceStatus;
  // Came without a confirmed sign-up (added at the door or checked in by themselves).
  walkIn: boolean;
  // Has a confirmed sign-up for this session.
  enrolled: boolean;
  markedAt: Date | null;
  // Absences without notice at other sessions of the actor's places (every place for coordinators).
  noShows: number;
};

export type WaitingPerson = { personId: string; name: string; position: number };

export type AttendanceCounts = {
  confirmed: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
  unmarked: number;
  walkIns: number;
};

export type RosterSession = {
  id: string;
  workshopTitle: string;
  workshopSlug: string;
  placeId: string;
  placeName: string;
  placeAddress: string;
  placePostalCode: string;
  placeCommune: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  status: 'scheduled' | 'cancelled' | 'done';
  closedAt: Date | null;
  selfCheckIn: boolean;
  checkInCode: string | null;
  lateAfterMinutes: number;
  walkInsAllowed: boolean;
  trainers: string[];
};

export type Roster = { session: RosterSession; people: RosterPerson[]; waitlist: WaitingPerson[]; counts: AttendanceCounts };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' });

export function countAttendance(people: readonly Pick<RosterPerson, 'status' | 'walkIn' | 'enrolled'>[]): AttendanceCounts {
  const counts: AttendanceCounts = { confirmed: 0, present: 0, late: 0, excused: 0, absent: 0, unmarked: 0, walkIns: 0 };
  for (const p of people) {
    if (p.enrolled) counts.confirmed++;
    if (p.walkIn) counts.walkIns++;
    counts[p.status]++;
  }
  return counts;
}

// Confirmed sign-ups and everyone with an attendance row (walk-ins included), as a subquery.
const onRoster = (sessionId: string) =>
  sql`(select ${enrollments.userId} from ${enrollments} where ${enrollments.sessionId} = ${sessionId} and ${enrollments.status} = 'confirmed'
       union select ${attendance.userId} from ${attendance} where ${attendance.sessionId} = ${sessionId})`;

async function sessionHeader(executor: Executor, id: string): Promise<RosterSession> {
  const [row] = await executor
    .select({
      id: sessions.id,
      workshopTitle: workshops.title,
      workshopSlug: workshops.slug,
      placeId: sessions.placeId,
      placeName: places.name,
      placeAddress: places.address,
      placePostalCode: places.postalCode,
      placeCommune: places.commune,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      capacity: sessions.capacity,
      status: sessions.status,
      closedAt: sessions.closedAt,
      selfCheckIn: sessions.selfCheckIn,
      checkInCode: sessions.checkInCode,
      lateAfterMinutes: sessions.lateAfterMinutes,
      walkInsAllowed: sessions.walkInsAllowed,
      trainers: sql<string[]>`coalesce((select array_agg(u.name order by u.name) from ${sessionTrainers} st join ${users} u on u.id = st.user_id where st.session_id = ${sessions.id}), '{}')`,
    })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(eq(sessions.id, id));
  if (!row) throw new NotFoundError('Cette séance n’existe pas.');
  return row;
}

async function rosterPeople(executor: Executor, sessionId: string, scope: string[] | null): Promise<RosterPerson[]> {
  const a2 = alias(attendance, 'a2');
  const s2 = alias(sessions, 's2');
  const noShows = executor
    .select({ n: sql<number>`count(*)::int` })
    .from(a2)
    .innerJoin(s2, eq(s2.id, a2.sessionId))
    .where(and(eq(a2.userId, users.id), eq(a2.status, 'absent'), ne(a2.sessionId, sessionId), scope ? inArray(s2.placeId, scope) : undefined));
  const rows = await executor
    .select({
      personId: users.id,
      name: users.name,
      status: attendance.status,
      walkIn: attendance.walkIn,
      markedAt: attendance.markedAt,
      enrolled: sql<boolean>`exists (select 1 from ${enrollments} e where e.session_id = ${sessionId} and e.user_id = ${users.id} and e.status = 'confirmed')`,
      noShows: sql<number>`(${noShows})`,
    })
    .from(users)
    .leftJoin(attendance, and(eq(attendance.sessionId, sessionId), eq(attendance.userId, users.id)))
    .where(inArray(users.id, onRoster(sessionId)));
  return rows
    .map((r) => ({ ...r, status: r.status ?? 'unmarked', walkIn: r.walkIn ?? false, noShows: Number(r.noShows) }))
    .sort(byName);
}

async function waitingList(executor: Executor, sessionId: string): Promise<WaitingPerson[]> {
  const rows = await executor
    .select({ personId: users.id, name: users.name })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(eq(enrollments.sessionId, sessionId), eq(enrollments.status, 'waitlisted')))
    .orderBy(asc(enrollments.waitlistedAt), asc(enrollments.id));
  return rows.map((r, i) => ({ ...r, position: i + 1 }));
}

// The roster of a session: staff of its place and coordinators only. Three queries, whatever the
// number of people.
export async function getRoster(actor: Actor | null, sessionId: unknown): Promise<Roster> {
  const id = parseSessionId(sessionId);
  const session = await sessionHeader(db, id);
  assertCan(actor, 'attendance:take', { placeId: session.placeId });
  const [people, waitlist] = await Promise.all([rosterPeople(db, id, placeScopeOf(actor)), waitingList(db, id)]);
  const onList = new Set(people.map((p) => p.personId));
  return { session, people, waitlist: waitlist.filter((w) => !onList.has(w.personId)), counts: countAttendance(people) };
}

function assertOpenForAttendance(session: SessionRow) {
  if (session.status === 'cancelled') throw new ConflictError('Cette séance est annulée : pas d’émargement.');
}

// Marking opens MARKING_OPENS_MINUTES_BEFORE the start (people arrive early; the mediator marks
// them as they come in), never days before: a certificate must not exist for what has not happened.
export const MARKING_OPENS_MINUTES_BEFORE = 30;

export function markingOpensAt(session: { startsAt: Date }): Date {
  return new Date(session.startsAt.getTime() - MARKING_OPENS_MINUTES_BEFORE * 60_000);
}

function assertMarkingOpen(session: SessionRow, now: Date) {
  assertOpenForAttendance(session);
  const opensAt = markingOpensAt(session);
  if (now < opensAt) {
    throw new ConflictError(`L’émargement ouvre le ${formatDay(opensAt)} à ${formatTime(opensAt)}, ${MARKING_OPENS_MINUTES_BEFORE} minutes avant le début de l’atelier.`);
  }
}

type Mark = { personId: string; status: AttendanceStatus; walkIn?: boolean };

// Writes statuses and one audit row per change, inside the caller's transaction. After closing,
// the audit action says so: the funders' sheet may already have been printed.
async function writeMarks(tx: Executor, actor: Actor, session: SessionRow, marks: Mark[], now: Date, action?: string): Promise<number> {
  if (marks.length === 0) return 0;
  const ids = marks.map((m) => m.personId);
  const existing = new Map(
    (
      await tx
        .select({ userId: attendance.userId, status: attendance.status, walkIn: attendance.walkIn })
        .from(attendance)
        .where(and(eq(attendance.sessionId, session.id), inArray(attendance.userId, ids)))
    ).map((r) => [r.userId, r]),
  );
  let changed = 0;
  for (const mark of marks) {
    const before = existing.get(mark.personId);
    const walkIn = mark.walkIn ?? before?.walkIn ?? false;
    if (before && before.status === mark.status && before.walkIn === walkIn) continue;
    await tx
      .insert(attendance)
      .values({ sessionId: session.id, userId: mark.personId, status: mark.status, walkIn, markedById: actor.id, markedAt: now })
      .onConflictDoUpdate({
        target: [attendance.sessionId, attendance.userId],
        set: { status: mark.status, walkIn, markedById: actor.id, markedAt: now },
      });
    await writeAudit(tx, {
      actorId: actor.id,
      action: action ?? (session.closedAt ? 'attendance.correct-after-closing' : 'attendance.mark'),
      entityType: 'attendance',
      entityId: attendanceEntityId(session.id, mark.personId),
      before: before ? { status: before.status, walkIn: before.walkIn } : { status: 'unmarked', walkIn: false },
      after: { status: mark.status, walkIn },
      at: now,
    });
    changed++;
  }
  return changed;
}

// Marks one or more people of the roster (PUT /api/v1/sessions/{id}/attendance, the roster's
// buttons). Only people on the roster can be marked; walk-ins are added with addWalkIn.
export async function markAttendance(actor: Actor | null, sessionId: unknown, input: unknown, now = new Date()): Promise<{ changed: number }> {
  assertSignedIn(actor);
  assertCan(actor, 'attendance:take', 'any-place');
  const id = parseSessionId(sessionId);
  const entries = parseInput(markAttendanceSchema, input);
  // The last status sent for a person wins.
  const latest = new Map(entries.map((e, index) => [e.personId, { ...e, index }]));
  return db.transaction(async (tx) => {
    const session = await loadSession(tx, id, { lock: true });
    assertCan(actor, 'attendance:take', { placeId: session.placeId });
    assertMarkingOpen(session, now);
    const ids = [...latest.keys()];
    const known = new Set(
      (
        await tx
          .select({ userId: users.id })
          .from(users)
          .where(and(inArray(users.id, ids), inArray(users.id, onRoster(id))))
      ).map((r) => r.userId),
    );
    const fieldErrors: Record<string, string[]> = {};
    for (const entry of latest.values()) {
      if (!known.has(entry.personId)) fieldErrors[`${entry.index}.personId`] = ['Cette personne n’est pas sur la liste de cette séance. Ajoutez-la comme personne venue sans inscription.'];
    }
    if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);
    const changed = await writeMarks(tx, actor, session, [...latest.values()], now);
    return { changed };
  });
}

async function addWalkInTx(tx: Executor, actor: Actor, session: SessionRow, personId: string, now: Date): Promise<{ personId: string; name: string }> {
  const [person] = await tx
    .select({
      name: users.name,
      confirmed: sql<boolean>`exists (select 1 from ${enrollments} e where e.session_id = ${session.id} and e.user_id = ${users.id} and e.status = 'confirmed')`,
      marked: sql<boolean>`exists (select 1 from ${attendance} a where a.session_id = ${session.id} and a.user_id = ${users.id})`,
    })
    .from(users)
    .where(and(eq(users.id, personId), isNull(users.disabledAt), inPeopleScope(actor, users.id)));
  if (!person) throw new NotFoundError('Cette personne est introuvable parmi les personnes de vos lieux.');
  if (person.confirmed || person.marked) throw new ConflictError(`${person.name} est déjà sur la liste de cette séance : marquez sa présence dans la liste.`);
  await writeMarks(tx, actor, session, [{ personId, status: 'present', walkIn: true }], now, session.closedAt ? 'attendance.walk-in-after-closing' : 'attendance.walk-in');
  return { personId, name: person.name };
}

// "Ajouter une personne venue sans inscription", someone already known: present, walk-in, no
// sign-up and no seat taken.
export async function addWalkIn(actor: Actor | null, sessionId: unknown, input: unknown, now = new Date()): Promise<{ personId: string; name: string }> {
  const { personId } = parseInput(walkInKnownSchema, input);
  const id = parseSessionId(sessionId);
  return db.transaction(async (tx) => {
    const session = await loadSession(tx, id, { lock: true });
    assertCan(actor, 'attendance:take', { placeId: session.placeId });
    assertMarkingOpen(session, now);
    return addWalkInTx(tx, actor, session, personId, now);
  });
}

// A profile with just a name, created at the door with the person's consent (no e-mail, no
// password: they can claim it later), then added as a walk-in.
export async function addNewWalkIn(actor: Actor | null, sessionId: unknown, input: unknown, now = new Date()): Promise<{ personId: string; name: string }> {
  const data = parseInput(walkInNewSchema, input);
  const id = parseSessionId(sessionId);
  return db.transaction(async (tx) => {
    const session = await loadSession(tx, id, { lock: true });
    assertCan(actor, 'attendance:take', { placeId: session.placeId });
    assertMarkingOpen(session, now);
    const [created] = await tx.insert(users).values({ name: data.name, consentAt: now, createdById: actor.id }).returning({ id: users.id });
    await writeAudit(tx, { actorId: actor.id, action: 'user.create-at-desk', entityType: 'user', entityId: created!.id, after: { name: data.name, consentAt: now.toISOString() }, at: now });
    return addWalkInTx(tx, actor, session, created!.id, now);
  });
}

export type WalkInCandidate = { personId: string; name: string; commune: string | null };

// Search by name (accents and case ignored) among the learners of the actor's places, leaving out
// people already on the roster.
export async function searchWalkInCandidates(actor: Actor | null, sessionId: unknown, input: unknown): Promise<WalkInCandidate[]> {
  const id = parseSessionId(sessionId);
  const session = await loadSession(db, id);
  assertCan(actor, 'attendance:take', { placeId: session.placeId });
  const { q } = parseInput(learnerSearchSchema, input);
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ personId: users.id, name: users.name, commune: users.commune })
    .from(users)
    .where(
      and(
        sql`unaccent(${users.name}) ilike unaccent(${pattern})`,
        isNull(users.disabledAt),
        inPeopleScope(actor, users.id),
        notInArray(users.id, onRoster(id)),
      ),
    )
    .orderBy(asc(users.name))
    .limit(10);
}

// "Clôturer la séance": whoever is still unmarked becomes absent, the session is done. Closing
// twice changes nothing. Corrections stay possible afterwards, audit-logged.
export async function closeSession(actor: Actor | null, sessionId: unknown, now = new Date()): Promise<{ markedAbsent: number; alreadyClosed: boolean }> {
  const id = parseSessionId(sessionId);
  return db.transaction(async (tx) => {
    const session = await loadSession(tx, id, { lock: true });
    assertCan(actor, 'attendance:take', { placeId: session.placeId });
    assertOpenForAttendance(session);
    if (session.status === 'done' && session.closedAt) return { markedAbsent: 0, alreadyClosed: true };
    if (session.startsAt > now) throw new ConflictError('La séance n’a pas encore commencé : vous pourrez la clôturer une fois l’atelier commencé.');
    const people = await tx
      .select({ userId: users.id })
      .from(users)
      .leftJoin(attendance, and(eq(attendance.sessionId, id), eq(attendance.userId, users.id)))
      .where(and(inArray(users.id, onRoster(id)), or(isNull(attendance.status), eq(attendance.status, 'unmarked'))));
    await writeMarks(
      tx,
      actor,
      session,
      people.map((p) => ({ personId: p.userId, status: 'absent' as const })),
      now,
      'attendance.absent-at-closing',
    );
    await tx.update(sessions).set({ status: 'done', closedAt: now, updatedAt: now }).where(eq(sessions.id, id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'session.close',
      entityType: 'session',
      entityId: id,
      before: { status: session.status, closedAt: null },
      after: { status: 'done', closedAt: now.toISOString(), markedAbsent: people.map((p) => p.userId) },
      at: now,
    });
    return { markedAbsent: people.length, alreadyClosed: false };
  });
}

// Turns self check-in on or off for a session; the first time, draws a short code that no other
// open session uses (the database's partial unique index settles races).
export async function setSelfCheckIn(actor: Actor | null, sessionId: unknown, input: unknown, now = new Date()): Promise<{ selfCheckIn: boolean; checkInCode: string | null }> {
  const data = parseInput(selfCheckInSettingsSchema, input);
  const id = parseSessionId(sessionId);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const session = await loadSession(tx, id, { lock: true });
        assertCan(actor, 'attendance:take', { placeId: session.placeId });
        assertOpenForAttendance(session);
        const checkInCode = data.enabled ? (session.checkInCode ?? randomCode(CHECK_IN_CODE_LENGTH)) : session.checkInCode;
        await tx.update(sessions).set({ selfCheckIn: data.enabled, lateAfterMinutes: data.lateAfterMinutes, checkInCode, updatedAt: now }).where(eq(sessions.id, id));
        await writeAudit(tx, {
          actorId: actor.id,
          action: 'session.self-check-in',
          entityType: 'session',
          entityId: id,
          before: { selfCheckIn: session.selfCheckIn, lateAfterMinutes: session.lateAfterMinutes },
          after: { selfCheckIn: data.enabled, lateAfterMinutes: data.lateAfterMinutes },
          at: now,
        });
        return { selfCheckIn: data.enabled, checkInCode };
      });
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

export type StaffSessionCounts = { sessionId: string } & AttendanceCounts;

// Attendance figures of many sessions in one query (the /mediation lists). Sessions outside the
// actor's places are left out.
export async function attendanceCountsFor(actor: Actor | null, sessionIds: readonly string[]): Promise<Map<string, AttendanceCounts>> {
  assertCan(actor, 'mediation:view');
  const result = new Map<string, AttendanceCounts>();
  if (sessionIds.length === 0) return result;
  const scope = placeScopeOf(actor!);
  if (scope && scope.length === 0) return result;
  const rows = await db
    .select({
      sessionId: sessions.id,
      confirmed: confirmedSeats(sessionRow),
      present: sql<number>`count(*) filter (where ${attendance.status} = 'present')::int`,
      late: sql<number>`count(*) filter (where ${attendance.status} = 'late')::int`,
      excused: sql<number>`count(*) filter (where ${attendance.status} = 'excused')::int`,
      absent: sql<number>`count(*) filter (where ${attendance.status} = 'absent')::int`,
      walkIns: sql<number>`count(*) filter (where ${attendance.walkIn})::int`,
      unmarkedWalkIns: sql<number>`count(*) filter (where ${attendance.walkIn} and ${attendance.status} = 'unmarked')::int`,
      unmarkedConfirmed: confirmedSeats(
        sessionRow,
        sql`not exists (select 1 from ${attendance} a where a.session_id = seat.session_id and a.user_id = seat.user_id and a.status <> 'unmarked')`,
      ),
    })
    .from(sessions)
    .leftJoin(attendance, eq(attendance.sessionId, sessions.id))
    .where(and(inArray(sessions.id, [...sessionIds]), scope ? inArray(sessions.placeId, scope) : undefined))
    .groupBy(sessions.id);
  for (const { sessionId, unmarkedWalkIns, unmarkedConfirmed, ...counts } of rows) {
    result.set(sessionId, { ...counts, unmarked: unmarkedConfirmed + unmarkedWalkIns });
  }
  return result;
}

export type RecentStaffSession = { id: string; workshopTitle: string; placeName: string; startsAt: Date; endsAt: Date; status: 'scheduled' | 'cancelled' | 'done'; counts: AttendanceCounts };

// Sessions of the actor's places that ended (or were closed) in the last `days` days, newest
// first, with their attendance figures: where a mediator goes back to close a session or correct
// a mark.
export async function listRecentStaffSessions(actor: Actor | null, { now = new Date(), days = 14, limit = 20 } = {}): Promise<RecentStaffSession[]> {
  assertCan(actor, 'mediation:view');
  const scope = placeScopeOf(actor!);
  if (scope && scope.length === 0) return [];
  const rows = await db
    .select({ id: sessions.id, workshopTitle: workshops.title, placeName: places.name, startsAt: sessions.startsAt, endsAt: sessions.endsAt, status: sessions.status })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(
      and(
        scope ? inArray(sessions.placeId, scope) : undefined,
        ne(sessions.status, 'cancelled'),
        // Ended, or closed early by the mediator.
        or(lte(sessions.endsAt, now), eq(sessions.status, 'done')),
        lte(sessions.startsAt, now),
        gt(sessions.endsAt, new Date(now.getTime() - days * 86400000)),
      ),
    )
    .orderBy(desc(sessions.startsAt))
    .limit(limit);
  const counts = await attendanceCountsFor(actor, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, counts: counts.get(r.id) ?? countAttendance([]) }));
}

// Whether the actor may take attendance at this session (for showing links).
export function canTakeAttendance(actor: Actor | null, placeId: string): boolean {
  return can(actor, 'attendance:take', { placeId });
}
