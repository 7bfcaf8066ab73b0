import type { Metadata } from 'next';
import Link from 'next/link';
import { EnrollmentPanel } from './EnrollmentPanel';
import { EnrollmentPanelSlot } from './EnrollmentPanelSlot';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { hoursText, whenText } from '@/app/_components/catalogue-text';
import { getPublicSession } from '@/lib/catalogue';
import { NotFoundError } from '@/lib/errors';
import { formatDayWithYear, formatDuration } from '@/lib/format/dates';
import { isSharedRender } from '@/lib/http/shared-render';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';

type Props = { params: Promise<{ id: string }> };

// Once per request for the metadata and the page; an unknown or malformed id renders the 404 page.
const load = cache(async (id: string) => {
  try {
    return await getPublicSession(id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const session = await load((await params).id);
  return { title: session.workshop.title };
}

export default async function SessionPage({ params }: Props) {
  const { id } = await params;
  const [session, t, locale, shared] = await Promise.all([load(id), getT(), getLocale(), isSharedRender()]);
  const { workshop, place } = session;
  const when = whenText(session.startsAt, session.endsAt, locale);
  return (
    <>
      <p className="no-print mb-1">
        <Link href={`/ateliers/${workshop.slug}`} className="inline-flex min-h-11 items-center">
          ← {workshop.title}
        </Link>
      </p>
      <h1 className="mb-1 text-3xl font-bold">{workshop.title}</h1>
      <p className="text-xl">{when}</p>
      <p className="mb-4 text-slate-700">
        {place.name}, {place.commune}
      </p>
      {session.status === 'cancelled' ? (
        <p role="status" className="mb-4 rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
          {t('session.cancelled')}
        </p>
      ) : (
        !session.upcoming && <p className="mb-4 rounded-lg border-2 border-slate-500 bg-slate-50 p-3 font-semibold">{t('session.past')}</p>
      )}

      {/* What the page is for comes first: signing up (or where one stands). */}
      <div className="grid items-start gap-6 md:grid-cols-2">
        <div id="inscription">
          {/* Shared by everyone signed in (server.mjs): each browser asks for its own panel. */}
          <EnrollmentPanelSlot sessionId={session.id} deferred={shared} labels={{ title: t('enrollmentPanel.title'), loading: t('enrollmentPanel.loading'), failed: t('enrollmentPanel.loadFailed') }}>
            {shared ? null : <EnrollmentPanel sessionId={session.id} workshopSlug={workshop.slug} />}
          </EnrollmentPanelSlot>
        </div>

        <section aria-labelledby="infos-titre" className="card">
          <h2 id="infos-titre" className="mb-3 text-2xl font-bold">
            {t('session.detailsTitle')}
          </h2>
          <dl className="grid gap-4">
            <div>
              <dt className="font-semibold">{t('session.when')}</dt>
              <dd>
                {formatDayWithYear(session.startsAt, locale)}
                <br />
                {hoursText(session.startsAt, session.endsAt, locale)}
                <br />
                {t('session.duration', { duration: formatDuration(workshop.durationMinutes) })}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t('session.where')}</dt>
              <dd>
                <Link href={`/lieux/${place.slug}`}>{place.name}</Link>
                <br />
                {place.address}
                {place.addressComplement && (
                  <>
                    <br />
                    {place.addressComplement}
                  </>
                )}
                <br />
                {place.postalCode} {place.commune}
              </dd>
            </div>
            {place.accessInfo && (
              <div>
                <dt className="font-semibold">{t('session.access')}</dt>
                <dd>{place.accessInfo}</dd>
              </div>
            )}
            <div>
              <dt className="font-semibold">{t('session.trainers')}</dt>
              <dd>{session.trainers.length ? session.trainers.join(', ') : t('session.noTrainer')}</dd>
            </div>
          </dl>
          {session.status !== 'cancelled' && (
            <div className="no-print mt-5">
              <a href={`/api/v1/sessions/${session.id}.ics`} download className="btn-secondary" aria-describedby="agenda-aide">
                {t('session.addToCalendar')}
              </a>
              <p id="agenda-aide" className="mt-1 text-sm text-slate-700">
                {t('session.addToCalendarHint')}
              </p>
            </div>
          )}
        </section>
      </div>

      <section aria-labelledby="atelier-titre" className="mt-8">
        <h2 id="atelier-titre" className="mb-2 text-2xl font-bold">
          {t('session.about')}
        </h2>
        <p className="mb-1">{workshop.summary}</p>
        <p className="mb-3 text-slate-700">{t('catalogue.level', { level: t(`levels.${workshop.level}` as MessageKey) })}</p>
        <Link href={`/ateliers/${workshop.slug}`} className="inline-flex min-h-12 items-center">
          {t('session.seeWorkshop')}
        </Link>
      </section>
    </>
  );
}
