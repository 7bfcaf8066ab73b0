import { NextResponse } from 'next/server';
import { requireApiActor } from '@/lib/auth/api';
import { getPublicSession, sessionCalendar } from '@/lib/catalogue';
import { sessionJson } from '@/lib/catalogue/api-views';
import { patchSession } from '@/lib/catalogue/sessions-admin';
import { publicOrigin } from '@/lib/http/origin';
import { fileResponse } from '@/lib/http/download';
import { apiRoute, readJson } from '@/lib/http/problem';

type Context = { params: Promise<{ id: string }> };

// GET /api/v1/sessions/{id} → the session with its counts; GET /api/v1/sessions/{id}.ics → the
// session as iCalendar (Next.js cannot put a suffix after a dynamic segment, so it arrives here).
export const GET = apiRoute(async (request, { params }: Context) => {
  const { id } = await params;
  if (id.endsWith('.ics')) {
    const { filename, body } = await sessionCalendar(id.slice(0, -'.ics'.length), { baseUrl: publicOrigin() });
    return fileResponse(body, { type: 'text/calendar; charset=utf-8', filename, cache: null });
  }
  return NextResponse.json(sessionJson(await getPublicSession(id)));
});

// PATCH /api/v1/sessions/{id} → 200 the session, edited, or cancelled with `{ status: "cancelled" }`.
export const PATCH = apiRoute(async (request, { params }: Context) => {
  const { id } = await params;
  const actor = await requireApiActor(request);
  const body = await readJson(request);
  return NextResponse.json(await patchSession(actor, id, body));
});
