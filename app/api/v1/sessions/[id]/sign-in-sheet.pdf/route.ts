import { getRoster } from '@/lib/attendance';
import { requireApiActor } from '@/lib/auth/api';
import { fileResponse, fileSlug } from '@/lib/http/download';
import { apiRoute } from '@/lib/http/problem';
import { renderSignInSheet } from '@/lib/pdf/sign-in-sheet';

// GET /api/v1/sessions/{id}/sign-in-sheet.pdf → the feuille d'émargement; ?blank=1 → the version
// printed before the session.
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const roster = await getRoster(actor, (await params).id);
  const blank = ['1', 'true', 'oui'].includes(new URL(request.url).searchParams.get('blank') ?? '');
  const pdf = await renderSignInSheet({ session: roster.session, people: roster.people, blank, printedAt: new Date() });
  const day = roster.session.startsAt.toISOString().slice(0, 10);
  return fileResponse(pdf, { type: 'application/pdf', inline: true, filename: `emargement-${blank ? 'vierge-' : ''}${fileSlug(roster.session.workshopTitle)}-${day}.pdf` });
});
