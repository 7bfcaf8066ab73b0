import { NextResponse } from 'next/server';
import { requireApiActor } from '@/lib/auth/api';
import { getPublicWorkshop } from '@/lib/catalogue';
import { workshopJson } from '@/lib/catalogue/api-views';
import { updateWorkshop } from '@/lib/catalogue/workshops-admin';
import { apiRoute, readJson } from '@/lib/http/problem';

type Context = { params: Promise<{ slug: string }> };

// GET /api/v1/workshops/{slug} → one published workshop and its upcoming sessions.
export const GET = apiRoute(async (_request, { params }: Context) => {
  const { slug } = await params;
  return NextResponse.json(workshopJson(await getPublicWorkshop(slug)));
});

// PATCH /api/v1/workshops/{slug} → 200 the workshop, edited, published or archived.
export const PATCH = apiRoute(async (request, { params }: Context) => {
  const { slug } = await params;
  const actor = await requireApiActor(request);
  const body = await readJson(request);
  return NextResponse.json(await updateWorkshop(actor, slug, body));
});
