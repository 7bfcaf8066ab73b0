import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { scheduleSessions } from '@/lib/catalogue/sessions-admin';
import { apiRoute, readJson } from '@/lib/http/problem';

// POST /api/v1/workshops/{slug}/sessions → 201 the session, or every session of a repeating series.
export const POST = apiRoute<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const { slug } = await params;
  const body = await readJson(request);
  return NextResponse.json(await scheduleSessions(await getApiActor(request), slug, body), { status: 201 });
});
