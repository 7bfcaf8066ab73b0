import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { seatsText, whenText } from '@/app/_components/catalogue-text';
import { getPublicWorkshop } from '@/lib/catalogue';
import { NotFoundError } from '@/lib/errors';
import { formatDuration } from '@/lib/format/dates';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';

type Props = { params: Promise<{ slug: string }> };

// Once per request for the metadata and the page; an unknown slug renders the 404 page.
const load = cache(async (slug: string) => {
  try {
    return await getPublicWorkshop(slug);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const workshop = await load((await params).slug);
  return { title: workshop.title, description: workshop.summary };
}

export default async function WorkshopPage({ params }: Props) {
  const [workshop, t, locale] = await Promise.all([load((await params).slug), getT(), getLocale()]);
  const past = workshop.pastSessionCount;
  return (
    <>
      <p className="no-print mb-2">
        <Link href="/ateliers" className="inline-flex min-h-12 items-center">
          ← {t('workshop.backToCatalogue')}
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{workshop.title}</h1>
      <p className="mb-6 text-lg">{workshop.summary}</p>

      <dl className="mb-8 grid gap-x-6 gap-y-3 rounded-xl bg-brand-50 p-4 sm:grid-cols-2">
        <div>
          <dt className="font-semibold">{t('workshop.level')}</dt>
          <dd>{t(`levels.${workshop.level}` as MessageKey)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t('workshop.duration')}</dt>
          <dd>{formatDuration(workshop.durationMinutes)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t('workshop.themes')}</dt>
          <dd>{workshop.themes.map((code) => t(`themes.${code}` as MessageKey)).join(', ')}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t('workshop.audiences')}</dt>
          <dd>{workshop.audiences.map((code) => t(`audiences.${code}` as MessageKey)).join(', ')}</dd>
        </div>
      </dl>

      <div className="grid gap-8 md:grid-cols-2">
        <div>
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

        <section aria-labelledby="seances-titre">
          <h2 id="seances-titre" className="mb-2 text-2xl font-bold">
            {t('workshop.upcoming')}
          </h2>
          {workshop.upcomingSessions.length === 0 ? (
            <p className="text-slate-700">{t('workshop.noUpcoming')}</p>
          ) : (
            <ul className="grid gap-3">
              {workshop.upcomingSessions.map((s) => {
                const when = whenText(s.startsAt, s.endsAt, locale);
                return (
                  <li key={s.id} className="card">
                    <p className="font-semibold">{when}</p>
                    <p className="text-slate-700">
                      {s.placeName}, {s.commune}
                    </p>
                    <p className={`mb-2 ${s.seatsLeft === 0 ? 'text-accent-700' : ''}`}>{seatsText(t, s.seatsLeft)}</p>
                    <Link href={`/seances/${s.id}`} className="btn">
                      {t('workshop.signUp')}
                      <span className="sr-only"> : {when}, {s.commune}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
          <p className="mt-4 text-slate-700">{t('workshop.past', { count: past })}</p>
        </section>
      </div>
    </>
  );
}
