import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { listMyEnrollments, type MyEnrollment } from '@/lib/enrollment';
import { apiRoute } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

const view = (e: MyEnrollment) => ({
  sessionId: e.sessionId,
  workshop: { title: e.workshopTitle, slug: e.workshopSlug },
  place: { name: e.placeName },
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt.toISOString(),
  status: e.status,
  position: e.position,
  sessionStatus: e.sessionStatus,
  attendance: e.attendance,
});

// GET /api/v1/me/enrollments — the signed-in person's own sign-ups, upcoming and past.
export const GET = apiRoute(async (request) => {
  const mine = await listMyEnrollments(await getApiActor(request));
  return NextResponse.json({ upcoming: mine.upcoming.map(view), past: mine.past.map(view) }, { headers: { 'cache-control': 'private, no-store' } });
});
