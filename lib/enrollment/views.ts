import 'server-only';
import { and, asc, desc, eq, gt, lte, ne } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { attendance, enrollments, places, sessions, workshops } from '@/db/schema';
import { assertCan, can, type Actor } from '@/lib/auth/policy';
import { isUuid } from '@/lib/ids';
import { closedReason, sessionColumns, signupClosesAt, waitlistPosition, type ClosedReason, type EnrollmentStatus, type LockedSession } from './rules';
import { seatCounts, seatsLeft } from './seats';

// What pages and the API show of sign-ups: a session's live figures, the session page's panel,
// and a person's own sign-ups. Reads only; the changes are in ./index.ts.

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
