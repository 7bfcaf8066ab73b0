import { NextResponse } from 'next/server';
import { searchCatalogue } from '@/lib/catalogue';
import { catalogueJson } from '@/lib/catalogue/api-views';
import { queryInput } from '@/lib/catalogue/search-schema';
import { apiRoute } from '@/lib/http/problem';

// GET /api/v1/workshops?q=&theme=&level=&place=&from=&to=&seats=&page= → the catalogue with upcoming sessions.
export const GET = apiRoute(async (request) => {
  const result = await searchCatalogue(queryInput(new URL(request.url).searchParams));
  return NextResponse.json(catalogueJson(result));
});
