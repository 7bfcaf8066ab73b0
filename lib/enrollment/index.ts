import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { db, type Database, type Executor, type Transaction } from '@/db';
import { attendance, enrollments, places, sessions, users, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { inPeopleScope } from '@/lib/auth/people-scope';
import { assertCan, assertSignedIn, can, type Actor } from '@/lib/auth/policy';
import { ConflictError, ForbiddenError, NotFoundError, UserError, isUniqueViolation } from '@/lib/errors';
import { formatDay, formatTime } from '@/lib/format/dates';
import { loadSessionInfo, notify, notifySessionCancelled, preloadNotification, type NotifyInput, type SessionInfo } from '@/lib/notifications';
import { parseInput } from '@/lib/validation';
import { enrollInputSchema } from './schema';
import { confirmedSeats, seatCounts, seatsLeft, waitlistCount } from './seats';
import { isUuid } from '@/lib/ids';

// Sign-ups ("inscriptions"). Every change of a session's sign-ups happens in a transaction that
// first locks the session row (SELECT … FOR UPDATE): sign-ups, cancellations and promotions of
// one session are thus applied one after the other, on every app instance, so the confirmed
// count can never exceed the capacity and each freed seat goes to exactly one waiting person.
// The unique (session, person) index backs "one sign-up per person".

export type EnrollmentStatus = 'confirmed' | 'waitlisted' | 'cancelled';
export type EnrollResult = { status: 'confirmed' | 'waitlisted'; position?: number };
export type CancelResult = { status: 'cancelled'; previousStatus: 'confirmed' | 'waitlisted'; promoted: number };

const SESSION_NOT_FOUND = 'Cette séance n’existe pas ou a été supprimée.';
const PERSON_NOT_FOUND = 'Cette personne n’existe pas.';
const ONLY_YOURSELF = 'Vous ne pouvez inscrire ou désinscrire que vous-même.';

export type LockedSession = {
  id: string;
  placeId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  status: 'scheduled' | 'cancelled' | 'done';
  signupCutoffHours: number;
};

const sessionColumns = {
  id: sessions.id,
  placeId: sessions.placeId,
  startsAt: sessions.startsAt,
  endsAt: sessions.endsAt,
  capacity: sessions.capacity,
  status: sessions.status,
  signupCutoffHours: sessions.signupCutoffHours,
};


// Locks the session row until the end of the transaction; unknown ids are 404.
export async function lockSession(tx: Transaction, sessionId: string): Promise<LockedSession> {
  if (!isUuid(sessionId)) throw new NotFoundError(SESSION_NOT_FOUND);
  const [session] = await tx.select(sessionColumns).from(sessions).where(eq(sessions.id, sessionId)).for('update');
  if (!session) throw new NotFoundError(SESSION_NOT_FOUND);
  return session;
}

// Sign-up closes `signupCutoffHours` before the start.
export function signupClosesAt(session: Pick<LockedSession, 'startsAt' | 'signupCutoffHours'>): Date {
  return new Date(session.startsAt.getTime() - session.signupCutoffHours * 3600_000);
}

export type ClosedReason = 'cancelled' | 'over' | 'cutoff' | null;

// Why nobody can sign up now, or null when sign-up is open. Staff signing someone up at the desk
// are not bound by the cut-off (it exists so the place can prepare), only by the start.
export function closedReason(session: Pick<LockedSession, 'status' | 'startsAt' | 'signupCutoffHours'>, now: Date, { staff = false } = {}): ClosedReason {
  if (session.status === 'cancelled') return 'cancelled';
  if (session.status === 'done' || now >= session.startsAt) return 'over';
  if (!staff && now >= signupClosesAt(session)) return 'cutoff';
  return null;
}

function assertOpen(session: LockedSession, now: Date, staff: boolean) {
  const reason = closedReason(session, now, { staff });
  if (reason === 'cancelled') throw new UserError('Cette séance est annulée : on ne peut plus s’y inscrire.', { status: 409 });
  if (reason === 'over') throw new UserError('Cette séance a déjà commencé ou est passée : on ne peut plus s’y inscrire.', { status: 409 });
  if (reason === 'cutoff') {
    const closesAt = signupClosesAt(session);
    throw new UserError(`Les inscriptions à cette séance sont closes depuis ${formatDay(closesAt)} à ${formatTime(closesAt)}.`, { status: 409 });
  }
}

async function countsIn(tx: Executor, sessionId: string) {
  const [row] = await tx
    .select({ confirmed: confirmedSeats(sessionId), waiting: waitlistCount(sessionId) })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  return { confirmed: row?.confirmed ?? 0, waiting: row?.waiting ?? 0 };
}

// 1-based place in the waiting line: order of arrival (waitlistedAt), ties broken by id.
// (The outer row is named in full: drizzle leaves columns unqualified in single-table queries.)
const waitlistPosition = sql<number | null>`case when "enrollments"."status" = 'waitlisted' then (
  select count(*)::int from ${enrollments} w
  where w.session_id = "enrollments"."session_id" and w.status = 'waitlisted'
    and (w.waitlisted_at, w.id) <= ("enrollments"."waitlisted_at", "enrollments"."id")
) end`;

async function positionOf(tx: Executor, enrollmentId: string): Promise<number | undefined> {
  const [row] = await tx.select({ position: waitlistPosition }).from(enrollments).where(eq(enrollments.id, enrollmentId));
  return row?.position ?? undefined;
}

// The back of the line: never earlier than the last person already waiting, whatever the clocks
// of the app instances say. Runs under the session lock, so it follows the order of arrival.
function backOfTheLine(sessionId: string, now: Date) {
  const at = now.toISOString();
  return sql`greatest(${at}::timestamptz, (select max(w.waitlisted_at) + interval '1 millisecond' from ${enrollments} w where w.session_id = ${sessionId} and w.status = 'waitlisted'))`;
}

// Confirms waiting people, oldest first, while seats are free. Runs under the session lock.
async function promoteLocked(tx: Transaction, session: LockedSession, actorId: string | null, now: Date, info?: SessionInfo | null): Promise<string[]> {
  const { confirmed } = await countsIn(tx, session.id);
  const free = session.capacity - confirmed;
  if (free <= 0) return [];
  const next = await tx
    .select({ id: enrollments.id, userId: enrollments.userId })
    .from(enrollments)
    .where(and(eq(enrollments.sessionId, session.id), eq(enrollments.status, 'waitlisted')))
    .orderBy(asc(enrollments.waitlistedAt), asc(enrollments.id))
    .limit(free);
  if (next.length === 0) return [];
  await tx
    .update(enrollments)
    .set({ status: 'confirmed', confirmedAt: now, updatedAt: now })
    .where(inArray(enrollments.id, next.map((n) => n.id)));
  await writeAudit(tx,
    next.map((n) => ({ actorId, action: 'enrollment.promote', entityType: 'enrollment', entityId: n.id, before: { status: 'waitlisted' }, after: { status: 'confirmed' }, at: now })),
  );
  await notify(tx, { kind: 'promoted', sessionId: session.id, userIds: next.map((n) => n.userId), now, preloaded: info ? { session: info, people: [] } : undefined });
  return next.map((n) => n.userId);
}

// For the session editor: after raising a session's capacity (in the same transaction), give the
// new seats to the waiting line and tell those people. Returns the promoted people's ids.
export async function fillFreeSeats(tx: Transaction, sessionId: string, actorId: string | null, now: Date): Promise<string[]> {
  const session = await lockSession(tx, sessionId);
  if (closedReason(session, now, { staff: true })) return [];
  return promoteLocked(tx, session, actorId, now);
}

type Person = { id: string; name: string };

// The person a staff member signs up: only someone in their people scope (lib/auth/people-scope);
// anyone else is "unknown" (404), whether or not the account exists.
async function findPerson(tx: Executor, userId: string, actor: Actor): Promise<Person> {
  const [person] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt), inPeopleScope(actor, users.id)));
  if (!person) throw new NotFoundError(PERSON_NOT_FOUND);
  return person;
}

function alreadyMessage(self: boolean, status: EnrollmentStatus, position?: number) {
  if (status === 'waitlisted') {
    return self
      ? `Vous êtes déjà sur la liste d’attente de cette séance (position ${position}).`
      : `Cette personne est déjà sur la liste d’attente de cette séance (position ${position}).`;
  }
  return self ? 'Vous êtes déjà inscrit à cette séance.' : 'Cette personne est déjà inscrite à cette séance.';
}

// Counts of the session and this person's sign-up, in one query (under the lock).
async function stateOf(tx: Executor, sessionId: string, userId: string) {
  const [row] = await tx
    .select({
      confirmed: confirmedSeats(sessionId),
      waiting: waitlistCount(sessionId),
      mineId: sql<string | null>`(select e.id::text from ${enrollments} e where e.session_id = ${sessionId} and e.user_id = ${userId})`,
      mineStatus: sql<EnrollmentStatus | null>`(select e.status::text from ${enrollments} e where e.session_id = ${sessionId} and e.user_id = ${userId})`,
    })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  return { confirmed: row?.confirmed ?? 0, waiting: row?.waiting ?? 0, mine: row?.mineId ? { id: row.mineId, status: row.mineStatus! } : null };
}

// The sign-up itself, for a session already locked by the caller's transaction. A cancelled
// sign-up of the same person is re-activated (and goes to the back of the line if full).
export async function enrollLocked(
  tx: Transaction,
  { actor, session, learner, now, preloaded }: { actor: Actor; session: LockedSession; learner: Person; now: Date; preloaded?: NotifyInput['preloaded'] },
): Promise<EnrollResult> {
  const self = learner.id === actor.id;
  assertOpen(session, now, !self);
  let state = await stateOf(tx, session.id, learner.id);
  const existing = state.mine;
  if (existing && existing.status !== 'cancelled') {
    throw new ConflictError(alreadyMessage(self, existing.status, await positionOf(tx, existing.id)));
  }
  // Seats freed without a promotion (a capacity raised elsewhere) go to the waiting line first.
  if (state.confirmed < session.capacity && state.waiting > 0) {
    await promoteLocked(tx, session, actor.id, now, preloaded?.session);
    state = await stateOf(tx, session.id, learner.id);
  }
  const status = state.confirmed < session.capacity ? ('confirmed' as const) : ('waitlisted' as const);
  const values = {
    status,
    source: self ? ('self' as const) : ('staff' as const),
    createdById: actor.id,
    confirmedAt: status === 'confirmed' ? now : null,
    waitlistedAt: status === 'waitlisted' ? backOfTheLine(session.id, now) : null,
    cancelledAt: null,
    updatedAt: now,
  };
  const [row] = existing
    ? await tx.update(enrollments).set(values).where(eq(enrollments.id, existing.id)).returning({ id: enrollments.id })
    : await tx
        .insert(enrollments)
        .values({ ...values, sessionId: session.id, userId: learner.id, createdAt: now })
        .returning({ id: enrollments.id });
  await writeAudit(tx, {
    actorId: actor.id,
    action: existing ? 'enrollment.reactivate' : 'enrollment.create',
    entityType: 'enrollment',
    entityId: row!.id,
    before: existing ? { status: existing.status } : null,
    after: { sessionId: session.id, userId: learner.id, status, source: values.source },
    at: now,
  });
  // The newcomer is always last in line (see backOfTheLine).
  const position = status === 'waitlisted' ? state.waiting + 1 : undefined;
  await notify(tx, { kind: status === 'confirmed' ? 'enrolled' : 'waitlisted', sessionId: session.id, userIds: [learner.id], now, position, preloaded });
  return position ? { status, position } : { status };
}


// Signs the actor up (no learnerId), or — for a mediator of the session's place or a
// coordinator — the learner named by learnerId. Confirmed while seats are free, otherwise on
// the waiting list with a position.
export async function enroll(actor: Actor | null, sessionId: string, input: unknown = {}, now = new Date(), database: Database = db): Promise<EnrollResult> {
  assertSignedIn(actor);
  const { learnerId } = parseInput(enrollInputSchema, input);
  const onBehalf = learnerId !== undefined && learnerId !== actor.id;
  if (onBehalf && !can(actor, 'enrollment:on-behalf', 'any-place')) throw new ForbiddenError(ONLY_YOURSELF);
  if (!onBehalf) assertCan(actor, 'enrollment:self');
  const learnerOf = onBehalf ? learnerId : actor.id;
  // What the confirmation message needs is read before the lock, to keep the locked part short.
  const preloaded = isUuid(sessionId) ? await preloadNotification(database, sessionId, [learnerOf], now) : undefined;
  try {
    return await database.transaction(async (tx) => {
      const session = await lockSession(tx, sessionId);
      if (onBehalf) assertCan(actor, 'enrollment:on-behalf', { placeId: session.placeId });
      const learner = onBehalf ? await findPerson(tx, learnerId, actor) : { id: actor.id, name: actor.name };
      return enrollLocked(tx, { actor, session, learner, now, preloaded });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(alreadyMessage(!onBehalf, 'confirmed'));
    throw error;
  }
}

// Cancels the actor's own sign-up (until the session starts), or — for staff of the place —
// someone else's. A freed seat goes at once, in the same transaction, to the oldest waiting
// person, who is told. Leaving the waiting list works the same way.
export async function cancelEnrollment(actor: Actor | null, sessionId: string, input: unknown = {}, now = new Date(), database: Database = db): Promise<CancelResult> {
  assertSignedIn(actor);
  const { learnerId } = parseInput(enrollInputSchema, input);
  const onBehalf = learnerId !== undefined && learnerId !== actor.id;
  if (onBehalf && !can(actor, 'enrollment:on-behalf', 'any-place')) throw new ForbiddenError(ONLY_YOURSELF);
  if (!onBehalf) assertCan(actor, 'enrollment:self');
  const userId = onBehalf ? learnerId : actor.id;
  const info = isUuid(sessionId) ? await loadSessionInfo(database, sessionId) : null;
  return database.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (onBehalf) assertCan(actor, 'enrollment:on-behalf', { placeId: session.placeId });
    const [current] = await tx
      .select({ id: enrollments.id, status: enrollments.status })
      .from(enrollments)
      .where(and(eq(enrollments.sessionId, session.id), eq(enrollments.userId, userId), ne(enrollments.status, 'cancelled')));
    if (!current || current.status === 'cancelled') {
      throw new NotFoundError(onBehalf ? 'Cette personne n’est pas inscrite à cette séance.' : 'Vous n’êtes pas inscrit à cette séance.');
    }
    if (!onBehalf && now >= session.startsAt) {
      throw new UserError('La séance a commencé : il n’est plus possible d’annuler. Prévenez le lieu si vous ne pouvez pas venir.', { status: 409 });
    }
    if (onBehalf && now >= session.endsAt) throw new UserError('Cette séance est terminée : son émargement fait foi.', { status: 409 });
    await tx.update(enrollments).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(enrollments.id, current.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'enrollment.cancel',
      entityType: 'enrollment',
      entityId: current.id,
      before: { status: current.status },
      after: { status: 'cancelled', by: onBehalf ? 'staff' : 'self' },
      at: now,
    });
    if (onBehalf) await notify(tx, { kind: 'cancelled-by-staff', sessionId: session.id, userIds: [userId], now, preloaded: { session: info, people: [] } });
    const promoted = current.status === 'confirmed' && !closedReason(session, now, { staff: true }) ? await promoteLocked(tx, session, actor.id, now, info) : [];
    return { status: 'cancelled', previousStatus: current.status, promoted: promoted.length };
  });
}

// For the session editor, inside the transaction that cancels a session: tells everyone still
// signed up, then cancels their sign-ups. Returns how many sign-ups were cancelled.
export async function cancelSessionEnrollments(tx: Transaction, sessionId: string, actorId: string | null, now: Date): Promise<number> {
  await notifySessionCancelled(tx, sessionId, now);
  const cancelled = await tx
    .update(enrollments)
    .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
    .where(and(eq(enrollments.sessionId, sessionId), inArray(enrollments.status, ['confirmed', 'waitlisted'])))
    .returning({ id: enrollments.id });
  if (cancelled.length > 0) {
    await writeAudit(tx,
      cancelled.map((c) => ({ actorId, action: 'enrollment.cancel', entityType: 'enrollment', entityId: c.id, after: { status: 'cancelled', by: 'session-cancelled' }, at: now })),
    );
  }
  return cancelled.length;
}

export type SessionCounts = { capacity: number; confirmedCount: number; waitlistCount: number; seatsLeft: number };

// Live figures of a session (for GET /api/v1/sessions/{id} and the session page); null if unknown.
export async function sessionCounts(sessionId: string, database: Executor = db): Promise<SessionCounts | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await database
    .select({
      capacity: sessions.capacity,
      ...seatCounts(),
    })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  if (!row) return null;
  return { ...row, seatsLeft: seatsLeft(row.capacity, row.confirmedCount) };
}

export type EnrollmentPanelView = SessionCounts & {
  sessionId: string;
  placeId: string;
  sessionStatus: LockedSession['status'];
  startsAt: Date;
  closesAt: Date;
  closed: ClosedReason;
  // The signed-in person's own sign-up, if any.
  mine: { status: 'confirmed' | 'waitlisted'; position: number | null } | null;
  canCancel: boolean;
  canEnrollOthers: boolean;
};

// What the enrollment panel of the session page shows to this actor (or a visitor).
export async function enrollmentPanel(actor: Actor | null, sessionId: string, now = new Date()): Promise<EnrollmentPanelView | null> {
  if (!isUuid(sessionId)) return null;
  const [session] = await db.select(sessionColumns).from(sessions).where(eq(sessions.id, sessionId));
  if (!session) return null;
  const [counts, mineRows] = await Promise.all([
    sessionCounts(sessionId),
    actor
      ? db
          .select({ status: enrollments.status, position: waitlistPosition })
          .from(enrollments)
          .where(and(eq(enrollments.sessionId, sessionId), eq(enrollments.userId, actor.id), ne(enrollments.status, 'cancelled')))
      : Promise.resolve([]),
  ]);
  const mine = mineRows[0] && mineRows[0].status !== 'cancelled' ? { status: mineRows[0].status, position: mineRows[0].position } : null;
  return {
    ...counts!,
    sessionId,
    placeId: session.placeId,
    sessionStatus: session.status,
    startsAt: session.startsAt,
    closesAt: signupClosesAt(session),
    closed: closedReason(session, now),
    mine,
    canCancel: !!mine && session.status === 'scheduled' && now < session.startsAt,
    canEnrollOthers: can(actor, 'enrollment:on-behalf', { placeId: session.placeId }) && !closedReason(session, now, { staff: true }),
  };
}

export type MyEnrollment = {
  id: string;
  sessionId: string;
  workshopTitle: string;
  workshopSlug: string;
  placeName: string;
  startsAt: Date;
  endsAt: Date;
  status: EnrollmentStatus;
  // On the waiting list: 1-based position; otherwise null.
  position: number | null;
  sessionStatus: 'scheduled' | 'cancelled' | 'done';
  attendance: 'unmarked' | 'present' | 'late' | 'excused' | 'absent' | null;
  // The person may still cancel it themselves (the session has not started).
  canCancel: boolean;
};

function enrollmentsOf(userId: string) {
  return db
    .select({
      id: enrollments.id,
      sessionId: sessions.id,
      workshopTitle: workshops.title,
      workshopSlug: workshops.slug,
      placeName: places.name,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      status: enrollments.status,
      position: waitlistPosition,
      sessionStatus: sessions.status,
      attendance: attendance.status,
    })
    .from(enrollments)
    .innerJoin(sessions, eq(sessions.id, enrollments.sessionId))
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .leftJoin(attendance, and(eq(attendance.sessionId, sessions.id), eq(attendance.userId, enrollments.userId)))
    .where(eq(enrollments.userId, userId))
    .$dynamic();
}

// The signed-in person's own sign-ups, split into upcoming and past.
export async function listMyEnrollments(actor: Actor | null, now = new Date()): Promise<{ upcoming: MyEnrollment[]; past: MyEnrollment[] }> {
  assertCan(actor, 'myspace:view');
  const userId = actor!.id;
  const [upcomingRows, pastRows] = await Promise.all([
    enrollmentsOf(userId)
      .where(and(eq(enrollments.userId, userId), gt(sessions.endsAt, now), ne(enrollments.status, 'cancelled')))
      .orderBy(asc(sessions.startsAt)),
    enrollmentsOf(userId)
      .where(and(eq(enrollments.userId, userId), lte(sessions.endsAt, now), eq(enrollments.status, 'confirmed')))
      .orderBy(desc(sessions.startsAt))
      .limit(50),
  ]);
  const withCancel = (e: Omit<MyEnrollment, 'canCancel'>): MyEnrollment => ({ ...e, canCancel: e.status !== 'cancelled' && e.sessionStatus === 'scheduled' && now < e.startsAt });
  return { upcoming: upcomingRows.map(withCancel), past: pastRows.map(withCancel) };
}
