import { publicOrigin } from '@/lib/http/origin';
import { apiRoute } from '@/lib/http/problem';
import { latestPublicResources } from '@/lib/resources/reads';
import { atomFeed } from '@/lib/resources/feed';

// GET /ressources/atom.xml: the newest public resources, for the network's other sites.
export const GET = apiRoute(async (): Promise<Response> => {
  const origin = publicOrigin();
  return new Response(atomFeed(await latestPublicResources(), origin), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
});
