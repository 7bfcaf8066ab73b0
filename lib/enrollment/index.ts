import 'server-only';
import { and, asc, desc, eq, gt, lte, ne } from 'drizzle-orm';
import { db } from '@/db';
import { attendance, enrollments, places, sessions, workshops } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/policy';

export type MyEnrollment = {
  id: string;
  sessionId: string;
  workshopTitle: string;
  workshopSlug: string;
  placeName: string;
  startsAt: Date;
  endsAt: Date;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  sessionStatus: 'scheduled' | 'cancelled' | 'done';
  attendance: 'unmarked' | 'present' | 'late' | 'excused' | 'absent' | null;
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
  const [upcoming, past] = await Promise.all([
    enrollmentsOf(userId)
      .where(and(eq(enrollments.userId, userId), gt(sessions.endsAt, now), ne(enrollments.status, 'cancelled')))
      .orderBy(asc(sessions.startsAt)),
    enrollmentsOf(userId)
      .where(and(eq(enrollments.userId, userId), lte(sessions.endsAt, now), eq(enrollments.status, 'confirmed')))
      .orderBy(desc(sessions.startsAt))
      .limit(50),
  ]);
  return { upcoming, past };
}
