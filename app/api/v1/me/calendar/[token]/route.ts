import { calendarFeed } from '@/lib/calendar/feed';
import { NotFoundError } from '@/lib/errors';
import { fileResponse } from '@/lib/http/download';
import { apiRoute } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ token: string }> };

// GET /api/v1/me/calendar/{token}.ics — the private calendar feed (no cookie: the token is the key).
export const GET = apiRoute<Context>(async (_request, { params }) => {
  const { token } = await params;
  const ics = token.endsWith('.ics') ? await calendarFeed(token.slice(0, -'.ics'.length)) : null;
  if (!ics) throw new NotFoundError('Ce lien d’agenda n’existe pas ou a été supprimé.');
  return fileResponse(ics, {
    type: 'text/calendar; charset=utf-8',
    filename: 'comptoir.ics',
    inline: true,
    cache: 'private, max-age=300',
    headers: { 'x-robots-tag': 'noindex' },
  });
});
