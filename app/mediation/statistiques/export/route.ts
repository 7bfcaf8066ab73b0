import { getActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/problem';
import { downloadResponse, exportStats } from '@/lib/stats/export';

// GET …/statistiques/export?format=csv|xlsx&lieu=&du=&au=: the statistics shown on the page, as a file.
export const GET = apiRoute(async (request) => {
  const url = new URL(request.url);
  const format = url.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  const get = (...names: string[]) => names.map((n) => url.searchParams.get(n)).find(Boolean) ?? undefined;
  return downloadResponse(await exportStats(await getActor(), { place: get('lieu'), from: get('du', 'from'), to: get('au', 'to') }, format));
});
