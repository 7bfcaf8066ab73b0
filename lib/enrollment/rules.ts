import { sql } from 'drizzle-orm';
import { enrollments, sessions } from '@/db/schema';

// The rules about a session's state that both the locked sign-up core (./index.ts) and the read
// views (./views.ts) apply: when sign-up closes, why it is closed, a waiting person's position.

export type EnrollmentStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export type LockedSession = {
  id: string;
  placeId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  status: 'scheduled' | 'cancelled' | 'done';
  signupCutoffHours: number;
};

export const sessionColumns = {
  id: sessions.id,
  placeId: sessions.placeId,
  startsAt: sessions.startsAt,
  endsAt: sessions.endsAt,
  capacity: sessions.capacity,
  status: sessions.status,
  signupCutoffHours: sessions.signupCutoffHours,
};

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

// 1-based place in the waiting line: order of arrival (waitlistedAt), ties broken by id.
// (The outer row is named in full: drizzle leaves columns unqualified in single-table queries.)
export const waitlistPosition = sql<number | null>`case when "enrollments"."status" = 'waitlisted' then (
  select count(*)::int from ${enrollments} w
  where w.session_id = "enrollments"."session_id" and w.status = 'waitlisted'
    and (w.waitlisted_at, w.id) <= ("enrollments"."waitlisted_at", "enrollments"."id")
) end`;
