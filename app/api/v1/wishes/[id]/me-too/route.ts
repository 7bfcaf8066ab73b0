import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute } from '@/lib/http/problem';
import { meToo } from '@/lib/wishes';

type Context = { params: Promise<{ id: string }> };

// POST /api/v1/wishes/{id}/me-too → { meTooCount, created }: once per person.
export const POST = apiRoute(async (request, { params }: Context) => {
  const { id } = await params;
  const result = await meToo(await getApiActor(request), id);
  return NextResponse.json(result, { status: result.created ? 201 : 200 });
});
