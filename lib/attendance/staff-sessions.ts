import 'server-only';
import { and, desc, eq, gt, inArray, lte, ne, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { attendance, places, sessions, workshops } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { confirmedSeats, sessionRow } from '@/lib/enrollment/seats';
import { type AttendanceCounts, placeScopeOf, countAttendance } from './roster';

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
