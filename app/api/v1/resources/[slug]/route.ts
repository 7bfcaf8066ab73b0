import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute, readJson } from '@/lib/http/problem';
import { getResource } from '@/lib/resources/reads';
import { updateResource } from '@/lib/resources/writes';
import { resourceDetailJson } from '@/lib/resources/api';

type Context = { params: Promise<{ slug: string }> };

export const GET = apiRoute(async (request, { params }: Context) => {
  const { slug } = await params;
  return NextResponse.json(resourceDetailJson(await getResource(await getApiActor(request), slug)));
});

export const PATCH = apiRoute(async (request, { params }: Context) => {
  const { slug } = await params;
  const actor = await getApiActor(request);
  const body = await readJson(request);
  await updateResource(actor, slug, body);
  return NextResponse.json(resourceDetailJson(await getResource(actor, slug)));
});
