import { apiRoute } from '@/lib/http/problem';
import { NotFoundError } from '@/lib/errors';
import { getLocale, getT } from '@/lib/i18n';
import { getPlaceProgramme, monthKey, programmePdf, readMonth } from '@/lib/places';
import { pdfResponse } from '@/lib/pdf/response';

type Context = { params: Promise<{ slug: string }> };

// GET /lieux/[slug]/programme.pdf?mois=2026-12: the monthly programme as an A4 PDF. A month it
// cannot read gives the current month, as the print page does.
export const GET = apiRoute<Context>(async (request, { params }) => {
  const { slug } = await params;
  const { month } = readMonth(new URL(request.url).searchParams.get('mois') ?? undefined);
  const programme = await getPlaceProgramme(slug, month);
  if (!programme) throw new NotFoundError('Ce lieu n’existe pas.');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return pdfResponse(await programmePdf(programme, t, locale), `programme-${programme.place.slug}-${monthKey(month)}.pdf`);
});
