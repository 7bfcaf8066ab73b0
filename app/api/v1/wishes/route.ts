import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute, readJson } from '@/lib/http/problem';
import { createWish, listWishes } from '@/lib/wishes';

// GET /api/v1/wishes?kind=&theme=&commune=&page= → { items, total }; anyone reads.
export const GET = apiRoute(async (request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { items, total } = await listWishes(await getApiActor(request), query);
  return NextResponse.json({ items: items.map(({ meToo: _m, mine: _mine, ...rest }) => rest), total });
});

// POST /api/v1/wishes { kind, title, themes, commune } → 201 { id }; signed in.
export const POST = apiRoute(async (request) => {
  const body = await readJson(request);
  const { id } = await createWish(await getApiActor(request), body);
  return NextResponse.json({ id }, { status: 201 });
});
