import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute } from '@/lib/http/problem';
import { markUseful } from '@/lib/notes';

type Context = { params: Promise<{ id: string }> };

// POST /api/v1/notes/{id}/useful → { usefulCount, created }: one "utile" per person.
export const POST = apiRoute(async (request, { params }: Context) => {
  const { id } = await params;
  const result = await markUseful(await getApiActor(request), id);
  return NextResponse.json(result, { status: result.created ? 201 : 200 });
});
