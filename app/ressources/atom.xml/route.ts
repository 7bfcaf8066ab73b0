import { latestPublicResources } from '@/lib/resources';
import { atomFeed } from '@/lib/resources/feed';

// GET /ressources/atom.xml: the newest public resources, for the network's other sites.
export async function GET(request: Request): Promise<Response> {
  const origin = process.env.APP_URL?.replace(/\/+$/, '') || new URL(request.url).origin;
  return new Response(atomFeed(await latestPublicResources(), origin), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
}
