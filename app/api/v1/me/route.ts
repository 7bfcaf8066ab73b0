import { NextResponse } from 'next/server';
import { getApiActor, requireApiActor } from '@/lib/auth/api';
import { spacesOf } from '@/lib/auth/spaces';
import { apiRoute, readJson } from '@/lib/http/problem';
import { eraseMyAccount } from '@/lib/privacy';

export const dynamic = 'force-dynamic';

// GET /api/v1/me — who is signed in: name and the spaces they may open (the header of shared
// pages asks it) → 200, or 401 for a visitor.
export const GET = apiRoute(async (request) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ id: actor.id, name: actor.name, spaces: spacesOf(actor) }, { headers: { 'cache-control': 'private, no-store' } });
});

// DELETE /api/v1/me { password } — erases the signed-in person's account (anonymised) → 204.
export const DELETE = apiRoute(async (request) => {
  const actor = await getApiActor(request);
  await eraseMyAccount(actor, await readJson(request));
  return new Response(null, { status: 204 });
});
