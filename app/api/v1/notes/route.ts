import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute, readJson } from '@/lib/http/problem';
import { createNote, listNotes, noteJson } from '@/lib/notes';

// GET /api/v1/notes?workshop=&session=&q=&page= → { items, total }: the notes the caller may read.
export const GET = apiRoute(async (request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { items, total } = await listNotes(await getApiActor(request), query);
  return NextResponse.json({ items: items.map(noteJson), total });
});

// POST /api/v1/notes → 201 the note; 403 for someone who may not write on that workshop.
export const POST = apiRoute(async (request) => {
  const body = await readJson(request);
  const note = await createNote(await getApiActor(request), body);
  return NextResponse.json(noteJson(note), { status: 201, headers: { location: `/api/v1/notes/${note.id}` } });
});
