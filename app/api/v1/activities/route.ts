import { NextResponse } from 'next/server';
import { createActivity, SessionAlreadyRecordedError } from '@/lib/activities/writes';
import { getActivity, listActivities } from '@/lib/activities/reads';
import { getApiActor, requireApiActor } from '@/lib/auth/api';
import { apiRoute, problem, readJson } from '@/lib/http/problem';

// GET /api/v1/activities?place=&from=&to=&kind=&mine=&page= → the activity log the caller may read.
export const GET = apiRoute(async (request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await listActivities(await getApiActor(request), query));
});

// POST /api/v1/activities → 201 the recorded activity; 409 if its session is already recorded.
export const POST = apiRoute(async (request) => {
  const actor = await requireApiActor(request);
  const body = await readJson(request);
  try {
    const { id } = await createActivity(actor, body);
    return NextResponse.json(await getActivity(actor, id), { status: 201, headers: { location: `/api/v1/activities/${id}` } });
  } catch (error) {
    if (error instanceof SessionAlreadyRecordedError) return problem(409, error.message, { activityId: error.activityId });
    throw error;
  }
});
