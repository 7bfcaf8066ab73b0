import { NextResponse } from 'next/server';
import { requireApiActor } from '@/lib/auth/api';
import { scheduleSessions } from '@/lib/catalogue/sessions-admin';
import { apiRoute, readJson } from '@/lib/http/problem';

// POST /api/v1/workshops/{slug}/sessions → 201 the session, or every session of a repeating series.
export const POST = apiRoute<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const { slug } = await params;
  const actor = await requireApiActor(request);
  const body = await readJson(request);
  return NextResponse.json(await scheduleSessions(actor, slug, body), { status: 201 });
});
