import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { dateText, seatsText, whenText } from '@/app/_components/catalogue-text';
import { catalogueFilterOptions, getPublicWorkshop, workshopFilters, type SessionFilters } from '@/lib/catalogue';
import { queryInput } from '@/lib/catalogue/search-schema';
import { NotFoundError } from '@/lib/errors';
import { formatDuration } from '@/lib/format/dates';
import { getLocale, getT, type Locale, type MessageKey, type Translate } from '@/lib/i18n';
import { Carnet } from './carnet/Carnet';
import { WorkshopSupports } from '@/app/ressources/_components/WorkshopSupports';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Once per request for the metadata and the page; an unknown slug renders the 404 page.
const load = cache(async (slug: string, filters: SessionFilters = {}) => {
  try {
    return await getPublicWorkshop(slug, { filters });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const workshop = await load((await params).slug);
  return { title: workshop.title, description: workshop.summary };
}

// "Roanne · À partir du 1er décembre 2026": the place and dates kept from the search, in words.
async function filtersText(filters: SessionFilters, t: Translate, locale: Locale): Promise<string> {
  const place = filters.place ? (await catalogueFilterOptions(filters.place)).selected?.label : undefined;
  return [place, filters.from && `${t('catalogue.from')} ${dateText(filters.from, locale)}`, filters.to && `${t('catalogue.to')} ${dateText(filters.to, locale)}`].filter(Boolean).join(' · ');
}

export default async function WorkshopPage({ params, searchParams }: Props) {
  const search = await searchParams;
  const { filters } = workshopFilters(queryInput(search));
  const [workshop, t, locale] = await Promise.all([load((await params).slug, filters), getT(), getLocale()]);
  const chosen = await filtersText(filters, t, locale);
  return (
    <>
      <p className="no-print mb-1">
        <Link href="/ateliers" className="inline-flex min-h-11 items-center">
          ← {t('workshop.backToCatalogue')}
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{workshop.title}</h1>
      <p className="mb-3 text-lg">{workshop.summary}</p>
      <p className="mb-6 text-slate-700">
        {t('catalogue.level', { level: t(`levels.${workshop.level}` as MessageKey) })} · {t('catalogue.duration', { duration: formatDuration(workshop.durationMinutes) })}
      </p>

      <div className="grid items-start gap-8 md:grid-cols-2">
        {/* Choosing a date is what this page is for: the sessions come first. */}
        <section aria-labelledby="seances-titre">
          <h2 id="seances-titre" className="mb-2 text-2xl font-bold">
            {t('workshop.upcoming')}
          </h2>
          {chosen && (
            <p className="mb-3 rounded-lg bg-brand-50 p-3">
              {t('workshop.chosen', { filters: chosen })}{' '}
              <Link href={`/ateliers/${workshop.slug}`} className="inline-flex min-h-11 items-center">
                {t('workshop.otherPlaces', { count: workshop.upcomingCount })}
              </Link>
            </p>
          )}
          {workshop.upcomingSessions.length === 0 ? (
            <p className="text-slate-700">{chosen ? t('workshop.noneForChoice') : t('workshop.noUpcoming')}</p>
          ) : (
            <>
              <p className="mb-2 text-slate-700">{t('workshop.chooseDate')}</p>
              <ul className="grid gap-2">
                {workshop.upcomingSessions.map((s) => (
                  <li key={s.id} className="border-l-4 border-brand-100 pl-3">
                    <Link href={`/seances/${s.id}`} className="inline-block py-1 text-lg font-semibold">
                      {whenText(s.startsAt, s.endsAt, locale)}
                    </Link>
                    <span className="block text-slate-700">
                      {s.placeName}, {s.commune}
                    </span>
                    <span className={`block ${s.seatsLeft === 0 ? 'text-accent-700' : ''}`}>{seatsText(t, s.seatsLeft)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="mt-4 text-slate-700">{t('workshop.past', { count: workshop.pastSessionCount })}</p>
        </section>

        <div>
          <dl className="mb-6 grid gap-x-6 gap-y-3 rounded-xl bg-brand-50 p-4">
            <div>
              <dt className="font-semibold">{t('workshop.themes')}</dt>
              <dd>{workshop.themes.map((code) => t(`themes.${code}` as MessageKey)).join(', ')}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t('workshop.audiences')}</dt>
              <dd>{workshop.audiences.map((code) => t(`audiences.${code}` as MessageKey)).join(', ')}</dd>
            </div>
          </dl>
          <h2 className="mb-2 text-2xl font-bold">{t('workshop.description')}</h2>
          {workshop.description.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i} className="mb-3 whitespace-pre-line">
              {paragraph}
            </p>
          ))}
          {workshop.prerequisites && (
            <>
              <h2 className="mt-6 mb-2 text-xl font-bold">{t('workshop.prerequisites')}</h2>
              <p className="whitespace-pre-line">{workshop.prerequisites}</p>
            </>
          )}
          {workshop.toBring && (
            <>
              <h2 className="mt-6 mb-2 text-xl font-bold">{t('workshop.toBring')}</h2>
              <p className="whitespace-pre-line">{workshop.toBring}</p>
            </>
          )}
          <h2 className="mt-6 mb-2 text-xl font-bold">{t('workshop.places')}</h2>
          {workshop.places.length === 0 ? (
            <p className="text-slate-700">{t('workshop.noPlaces')}</p>
          ) : (
            <ul className="grid gap-1">
              {workshop.places.map((place) => (
                <li key={place.slug}>
                  <Link href={`/lieux/${place.slug}`} className="inline-flex min-h-11 items-center">
                    {place.name}, {place.commune}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <WorkshopSupports workshop={workshop} />

      {/* Below the first screen (issue 14): the sessions stay what the page is for. */}
      <Carnet workshop={{ id: workshop.id, slug: workshop.slug }} q={typeof search.carnet === 'string' ? search.carnet.slice(0, 200) : undefined} />
    </>
  );
}
