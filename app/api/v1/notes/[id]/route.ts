import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute, readJson } from '@/lib/http/problem';
import { deleteNote, getNote, noteJson, updateNote } from '@/lib/notes';

type Context = { params: Promise<{ id: string }> };

// GET /api/v1/notes/{id} → the note and its replies, if the caller may read it (404 otherwise).
export const GET = apiRoute(async (request, { params }: Context) => {
  const { id } = await params;
  return NextResponse.json(noteJson(await getNote(await getApiActor(request), id)));
});

// PATCH /api/v1/notes/{id} → the author edits `{ body, visibility }`; staff of the place send
// `{ hidden, hiddenReason }`; the asker sends `{ helped }` on a reply.
export const PATCH = apiRoute(async (request, { params }: Context) => {
  const { id } = await params;
  const body = await readJson(request);
  return NextResponse.json(noteJson(await updateNote(await getApiActor(request), id, body)));
});

// DELETE /api/v1/notes/{id} → 204; the author only.
export const DELETE = apiRoute(async (request, { params }: Context) => {
  const { id } = await params;
  await deleteNote(await getApiActor(request), id);
  return new NextResponse(null, { status: 204 });
});
