import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute } from '@/lib/http/problem';
import { statsFor } from '@/lib/stats/impact';

// GET /api/v1/stats?from=&to=&place= → the statistics of a place, of the caller's work, or of the network.
export const GET = apiRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const stats = await statsFor(await getApiActor(request), { place: params.get('place'), from: params.get('from'), to: params.get('to') });
  return NextResponse.json(stats);
});
