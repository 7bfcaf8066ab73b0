import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api-actor';
import { createWorkshop } from '@/lib/catalogue/workshops-admin';
import { apiRoute, readJson } from '@/lib/http/problem';

// POST /api/v1/workshops → 201 the new workshop (a mediator for the places they staff, a coordinator).
export const POST = apiRoute(async (request) => {
  const body = await readJson(request);
  const workshop = await createWorkshop(await getApiActor(request), body);
  return NextResponse.json(workshop, { status: 201, headers: { location: `/api/v1/workshops/${workshop.slug}` } });
});
