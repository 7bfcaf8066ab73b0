import { fileResponse } from '@/lib/http/download';
import { apiRoute } from '@/lib/http/problem';
import { placesCsv } from '@/lib/places';

// GET /api/v1/places.csv: the active places as a CSV file of the national standard.
export const GET = apiRoute(async (request) => {
  const csv = await placesCsv(Object.fromEntries(new URL(request.url).searchParams));
  return fileResponse(csv, { type: 'text/csv; charset=utf-8', filename: 'lieux-mediation-numerique-comptoir.csv', cache: null });
});
