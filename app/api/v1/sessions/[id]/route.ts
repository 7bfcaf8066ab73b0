import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api-actor';
import { patchSession } from '@/lib/catalogue/sessions-admin';
import { apiRoute, readJson } from '@/lib/http/problem';

// PATCH /api/v1/sessions/{id} → 200 the session, edited, or cancelled with `{ status: "cancelled" }`.
export const PATCH = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  const body = await readJson(request);
  return NextResponse.json(await patchSession(await getApiActor(request), id, body));
});
