import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute, readJson } from '@/lib/http/problem';
import { createResource } from '@/lib/resources/writes';
import { getResource, parseResourceSearch, searchResources } from '@/lib/resources/reads';
import { resourceDetailJson, resourceListJson } from '@/lib/resources/api';

// GET /api/v1/resources?q=&theme=&type=&audience=&level=&licence=&place=&sort=&page=
export const GET = apiRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    input[key] = values.length > 1 ? values : values[0]!;
  }
  const actor = await getApiActor(request);
  return NextResponse.json(resourceListJson(await searchResources(actor, parseResourceSearch(input))));
});

// POST /api/v1/resources → 201 the new resource.
export const POST = apiRoute(async (request) => {
  const actor = await getApiActor(request);
  const body = await readJson(request);
  const { slug } = await createResource(actor, body);
  return NextResponse.json(resourceDetailJson(await getResource(actor, slug)), { status: 201, headers: { location: `/api/v1/resources/${slug}` } });
});
