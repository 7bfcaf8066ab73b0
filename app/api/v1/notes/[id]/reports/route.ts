import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute, readJson } from '@/lib/http/problem';
import { reportNote } from '@/lib/notes';

type Context = { params: Promise<{ id: string }> };

// POST /api/v1/notes/{id}/reports { reason, comment? } → 201 (200 when already reported by the caller).
export const POST = apiRoute(async (request, { params }: Context) => {
  const { id } = await params;
  const body = await readJson(request);
  const { created } = await reportNote(await getApiActor(request), id, body);
  return NextResponse.json({ created }, { status: created ? 201 : 200 });
});
