import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api-actor';
import { updateWorkshop } from '@/lib/catalogue/workshops-admin';
import { apiRoute, readJson } from '@/lib/http/problem';

// PATCH /api/v1/workshops/{slug} → 200 the workshop, edited, published or archived.
export const PATCH = apiRoute<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const { slug } = await params;
  const body = await readJson(request);
  return NextResponse.json(await updateWorkshop(await getApiActor(request), slug, body));
});
