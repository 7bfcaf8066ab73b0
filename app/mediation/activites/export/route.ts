import { getActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/problem';
import { downloadResponse, exportActivities } from '@/lib/stats/export';

// GET /mediation/activites/export?format=csv|xlsx&lieu=&mine=true: the activity list as a file.
export const GET = apiRoute(async (request) => {
  const url = new URL(request.url);
  const format = url.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  const query = { place: url.searchParams.get('lieu') || undefined, mine: url.searchParams.get('mine') || undefined, from: url.searchParams.get('du') || undefined, to: url.searchParams.get('au') || undefined };
  return downloadResponse(await exportActivities(await getActor(), query, format));
});
