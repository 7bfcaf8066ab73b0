import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { db, type Database, type Executor, type Transaction } from '@/db';
import { enrollments, sessions, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { inPeopleScope } from '@/lib/auth/people-scope';
import { assertCan, assertSignedIn, can, type Actor } from '@/lib/auth/policy';
import { ConflictError, ForbiddenError, NotFoundError, UserError, isUniqueViolation } from '@/lib/errors';
import { formatDay, formatTime } from '@/lib/format/dates';
import { loadSessionInfo, notify, notifySessionCancelled, preloadNotification, type NotifyInput, type SessionInfo } from '@/lib/notifications';
import { parseInput } from '@/lib/validation';
import { isUuid } from '@/lib/ids';
import { closedReason, sessionColumns, signupClosesAt, waitlistPosition, type EnrollmentStatus, type LockedSession } from './rules';
import { enrollInputSchema } from './schema';
import { confirmedSeats, waitlistCount } from './seats';

export { closedReason, signupClosesAt, type ClosedReason, type EnrollmentStatus, type LockedSession } from './rules';
export { enrollmentPanel, listMyEnrollments, sessionCounts, type EnrollmentPanelView, type MyEnrollment, type SessionCounts } from './views';

// Sign-ups ("inscriptions"). Every change of a session's sign-ups happens in a transaction that
// first locks the session row (SELECT … FOR UPDATE): sign-ups, cancellations and promotions of
// one session are thus applied one after the other, on every app instance, so the confirmed
// count can never exceed the capacity and each freed seat goes to exactly one waiting person.
// The unique (session, person) index backs "one sign-up per person".

export type EnrollResult = { status: 'confirmed' | 'waitlisted'; position?: number };
export type CancelResult = { status: 'cancelled'; previousStatus: 'confirmed' | 'waitlisted'; promoted: number };

const SESSION_NOT_FOUND = 'Cette séance n’existe pas ou a été supprimée.';
const PERSON_NOT_FOUND = 'Cette personne n’existe pas.';
const ONLY_YOURSELF = 'Vous ne pouvez inscrire ou désinscrire que vous-même.';


// Locks the session row until the end of the transaction; unknown ids are 404.
export async function lockSession(tx: Transaction, sessionId: string): Promise<LockedSession> {
  if (!isUuid(sessionId)) throw new NotFoundError(SESSION_NOT_FOUND);
  const [session] = await tx.select(sessionColumns).from(sessions).where(eq(sessions.id, sessionId)).for('update');
  if (!session) throw new NotFoundError(SESSION_NOT_FOUND);
  return session;
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
// anyone else is "unknown" (404, null here), whether or not the account exists.
async function findPerson(tx: Executor, userId: string, actor: Actor): Promise<Person | null> {
  const [person] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt), inPeopleScope(actor, users.id)));
  return person ?? null;
}

function alreadyMessage(self: boolean, status: EnrollmentStatus, position?: number) {
  if (status === 'waitlisted') {
    return self
      ? `Vous êtes déjà sur la liste d’attente de cette séance (position ${position}).`
      : `Cette personne est déjà sur la liste d’attente de cette séance (position ${position}).`;
  }
  return self ? 'Vous êtes déjà inscrit à cette séance.' : 'Cette personne est déjà inscrite à cette séance.';
}

type SignupState = { confirmed: number; waiting: number; mine: { id: string; status: EnrollmentStatus } | null };

// Counts of the session and this person's sign-up, in one query (under the lock: sent after the
// lock statement, on the same connection, it is planned and run only once the lock is held).
async function stateOf(tx: Executor, sessionId: string, userId: string): Promise<SignupState> {
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

// The sign-up itself, for a session already locked by the caller's transaction (with its state
// when the caller already read it under the lock). A cancelled sign-up of the same person is
// re-activated (and goes to the back of the line if full). The three writes — sign-up, audit,
// message — are sent together: one round trip to the database.
export async function enrollLocked(
  tx: Transaction,
  { actor, session, learner, now, preloaded, state: read }: { actor: Actor; session: LockedSession; learner: Person; now: Date; preloaded?: NotifyInput['preloaded']; state?: SignupState },
): Promise<EnrollResult> {
  const self = learner.id === actor.id;
  assertOpen(session, now, !self);
  let state = read ?? (await stateOf(tx, session.id, learner.id));
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
  const id = existing?.id ?? randomUUID();
  // The newcomer is always last in line (see backOfTheLine).
  const position = status === 'waitlisted' ? state.waiting + 1 : undefined;
  // In order on the connection: a refused sign-up (unique index) rejects first, and the rest with it.
  await Promise.all([
    existing
      ? tx.update(enrollments).set(values).where(eq(enrollments.id, id))
      : tx.insert(enrollments).values({ ...values, id, sessionId: session.id, userId: learner.id, createdAt: now }),
    writeAudit(tx, {
      actorId: actor.id,
      action: existing ? 'enrollment.reactivate' : 'enrollment.create',
      entityType: 'enrollment',
      entityId: id,
      before: existing ? { status: existing.status } : null,
      after: { sessionId: session.id, userId: learner.id, status, source: values.source },
      at: now,
    }),
    notify(tx, { kind: status === 'confirmed' ? 'enrolled' : 'waitlisted', sessionId: session.id, userIds: [learner.id], now, position, preloaded }),
  ]);
  return position ? { status, position } : { status };
}

// Signs the actor up (no learnerId), or — for a mediator of the session's place or a
// coordinator — the learner named by learnerId. Confirmed while seats are free, otherwise on
// the waiting list with a position.
//
// The path: the session and the person are read (and the confirmation's calendar file built)
// before the lock; then one transaction sends lock + state (+ the person, on someone's behalf)
// together, then sign-up + audit + message together.
export async function enroll(actor: Actor | null, sessionId: string, input: unknown = {}, now = new Date(), database: Database = db): Promise<EnrollResult> {
  assertSignedIn(actor);
  const { learnerId } = parseInput(enrollInputSchema, input);
  const onBehalf = learnerId !== undefined && learnerId !== actor.id;
  if (onBehalf && !can(actor, 'enrollment:on-behalf', 'any-place')) throw new ForbiddenError(ONLY_YOURSELF);
  if (!onBehalf) assertCan(actor, 'enrollment:self');
  if (!isUuid(sessionId)) throw new NotFoundError(SESSION_NOT_FOUND);
  const learnerOf = onBehalf ? learnerId : actor.id;
  // What the confirmation message needs is read before the lock, to keep the locked part short.
  const preloaded = await preloadNotification(database, sessionId, [learnerOf], now);
  if (!preloaded.session) throw new NotFoundError(SESSION_NOT_FOUND);
  try {
    return await database.transaction(async (tx) => {
      const [session, state, person] = await Promise.all([
        lockSession(tx, sessionId),
        stateOf(tx, sessionId, learnerOf),
        onBehalf ? findPerson(tx, learnerId, actor) : { id: actor.id, name: actor.name },
      ]);
      if (onBehalf) assertCan(actor, 'enrollment:on-behalf', { placeId: session.placeId });
      if (!person) throw new NotFoundError(PERSON_NOT_FOUND);
      return enrollLocked(tx, { actor, session, learner: person, now, preloaded, state });
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
    if (onBehalf) await notify(tx, { kind: 'cancelled-by-staff', sessionId: session.id, userIds: [userId], now, preloaded: { session: info, people: [] } });
    return cancelLocked(tx, { session, enrollment: { id: current.id, status: current.status }, actorId: actor.id, by: onBehalf ? 'staff' : 'self', now, info });
  });
}

// The cancellation itself, for a session already locked by the caller's transaction: the sign-up
// is cancelled, logged, and a freed seat goes to the oldest waiting person. Also used by the
// erasure of an account (lib/privacy), whose future sign-ups are cancelled this way.
export async function cancelLocked(
  tx: Transaction,
  {
    session,
    enrollment,
    actorId,
    by,
    now,
    info,
  }: { session: LockedSession; enrollment: { id: string; status: 'confirmed' | 'waitlisted' }; actorId: string | null; by: string; now: Date; info?: SessionInfo | null },
): Promise<CancelResult> {
  await tx.update(enrollments).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(enrollments.id, enrollment.id));
  await writeAudit(tx, {
    actorId,
    action: 'enrollment.cancel',
    entityType: 'enrollment',
    entityId: enrollment.id,
    before: { status: enrollment.status },
    after: { status: 'cancelled', by },
    at: now,
  });
  const promoted = enrollment.status === 'confirmed' && !closedReason(session, now, { staff: true }) ? await promoteLocked(tx, session, actorId, now, info) : [];
  return { status: 'cancelled', previousStatus: enrollment.status, promoted: promoted.length };
}

export type SessionCancelledEnrollment = { id: string; userId: string; previousStatus: 'confirmed' | 'waitlisted' };

// THE cancellation of a session's sign-ups, inside the transaction that cancels the session:
// tells everyone still signed up (in this transaction: no message for a rolled-back cancel),
// then cancels their sign-ups, each with its own audit row. Returns the sign-ups cancelled.
export async function cancelSessionEnrollments(tx: Transaction, sessionId: string, actorId: string | null, now: Date): Promise<SessionCancelledEnrollment[]> {
  const active = await tx
    .select({ id: enrollments.id, userId: enrollments.userId, status: enrollments.status })
    .from(enrollments)
    .where(and(eq(enrollments.sessionId, sessionId), inArray(enrollments.status, ['confirmed', 'waitlisted'])));
  await notifySessionCancelled(tx, sessionId, now);
  if (active.length === 0) return [];
  await tx
    .update(enrollments)
    .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
    .where(inArray(enrollments.id, active.map((e) => e.id)));
  await writeAudit(
    tx,
    active.map((e) => ({ actorId, action: 'enrollment.cancel', entityType: 'enrollment', entityId: e.id, before: { status: e.status }, after: { status: 'cancelled', by: 'session-cancelled' }, at: now })),
  );
  return active.map((e) => ({ id: e.id, userId: e.userId, previousStatus: e.status as 'confirmed' | 'waitlisted' }));
}

