import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute, readJson } from '@/lib/http/problem';
import { reportResource } from '@/lib/resources/ratings-and-reports';

type Context = { params: Promise<{ slug: string }> };

// POST /api/v1/resources/{slug}/reports { reason, comment? } → 201.
export const POST = apiRoute(async (request, { params }: Context) => {
  const { slug } = await params;
  const actor = await getApiActor(request);
  return NextResponse.json(await reportResource(actor, slug, await readJson(request)), { status: 201 });
});
