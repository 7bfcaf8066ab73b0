import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/problem';
import { listPlacesForApi } from '@/lib/places';

// GET /api/v1/places[?commune=&service=][&format=standard]: the network's active places, as
// objects for apps, or as rows of the national standard with format=standard.
export const GET = apiRoute(async (request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const result = await listPlacesForApi(query);
  return NextResponse.json(result.format === 'standard' ? result.rows : { items: result.items });
});
