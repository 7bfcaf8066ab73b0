import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute, readJson } from '@/lib/http/problem';
import { rateResource } from '@/lib/resources/ratings-and-reports';

type Context = { params: Promise<{ slug: string }> };

// PUT /api/v1/resources/{slug}/rating { value: 1..4 } → one rating per person, changeable.
export const PUT = apiRoute(async (request, { params }: Context) => {
  const { slug } = await params;
  const actor = await getApiActor(request);
  return NextResponse.json(await rateResource(actor, slug, await readJson(request)));
});
