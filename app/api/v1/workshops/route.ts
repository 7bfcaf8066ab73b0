import { NextResponse } from 'next/server';
import { requireApiActor } from '@/lib/auth/api';
import { searchCatalogue } from '@/lib/catalogue';
import { catalogueJson } from '@/lib/catalogue/api-views';
import { queryInput } from '@/lib/catalogue/search-schema';
import { createWorkshop } from '@/lib/catalogue/workshops-admin';
import { apiRoute, readJson } from '@/lib/http/problem';

// GET /api/v1/workshops?q=&theme=&level=&place=&from=&to=&seats=&page= → the catalogue with upcoming sessions.
export const GET = apiRoute(async (request) => {
  const result = await searchCatalogue(queryInput(new URL(request.url).searchParams));
  return NextResponse.json(catalogueJson(result));
});

// POST /api/v1/workshops → 201 the new workshop (a mediator for the places they staff, a coordinator).
export const POST = apiRoute(async (request) => {
  const actor = await requireApiActor(request);
  const body = await readJson(request);
  const workshop = await createWorkshop(actor, body);
  return NextResponse.json(workshop, { status: 201, headers: { location: `/api/v1/workshops/${workshop.slug}` } });
});
