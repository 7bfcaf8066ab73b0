import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute, readJson } from '@/lib/http/problem';
import { setWorkshopResources } from '@/lib/resources/workshop-supports';

type Context = { params: Promise<{ slug: string }> };

// PUT /api/v1/workshops/{slug}/resources { resources: [slug] } → the workshop's supports.
export const PUT = apiRoute(async (request, { params }: Context) => {
  const { slug } = await params;
  const actor = await getApiActor(request);
  return NextResponse.json(await setWorkshopResources(actor, slug, await readJson(request)));
});
