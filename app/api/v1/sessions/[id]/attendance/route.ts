import { NextResponse } from 'next/server';
import { getRoster, markAttendance, rosterCsvResponse } from '@/lib/attendance';
import { toRosterView } from '@/lib/attendance/views';
import { requireApiActor } from '@/lib/auth/api';
import { apiRoute, readJson } from '@/lib/http/problem';

type Context = { params: Promise<{ id: string }> };

// GET /api/v1/sessions/{id}/attendance → the roster (staff of the place, coordinators);
// ?format=csv → the same as a spreadsheet.
export const GET = apiRoute<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const roster = await getRoster(actor, (await params).id);
  if (new URL(request.url).searchParams.get('format') === 'csv') return rosterCsvResponse(roster);
  return NextResponse.json(toRosterView(roster), { headers: { 'cache-control': 'private, no-store' } });
});

// PUT /api/v1/sessions/{id}/attendance [{ personId, status }] → the roster after marking.
export const PUT = apiRoute<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const body = await readJson(request);
  const { id } = await params;
  await markAttendance(actor, id, body);
  return NextResponse.json(toRosterView(await getRoster(actor, id)), { headers: { 'cache-control': 'private, no-store' } });
});

