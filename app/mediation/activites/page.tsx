import type { Metadata } from 'next';
import Link from 'next/link';
import { FormMessage } from '@/app/_components/FormMessage';
import { PlaceSelect } from '@/app/_components/PlaceSelect';
import { listActivities, listSessionsToRecord, loggablePlaces } from '@/lib/activities/reads';
import { themeLabel, vocab } from '@/lib/activities/labels';
import { requirePageAccess } from '@/lib/auth/guard';
import { placeScope } from '@/lib/auth/policy';
import { formatDuration, formatSessionTime } from '@/lib/format/dates';
import { formatCalendarDate } from '@/lib/format/numbers';
import { pageData, param } from '@/lib/http/page';
import { getLocale, getT } from '@/lib/i18n';
import { RecordSessionButton } from './RecordSessionButton';

export const metadata: Metadata = { title: 'Activités' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ActivitiesPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePageAccess('activity:log', '/mediation/activites');
  const sp = await searchParams;
  const place = param(sp.lieu);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(param(sp.page) ?? '1', 10) || 1));
  const networkWide = placeScope(actor) === 'all';
  const [t, locale, places, toRecord, list] = await Promise.all([
    getT(),
    getLocale(),
    loggablePlaces(actor),
    listSessionsToRecord(actor, { limit: 5 }),
    // A mediator sees their own activities, or all those of one of their places.
    pageData(listActivities(actor, { place, page, mine: !networkWide && !place ? 'true' : undefined })),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...(place ? { lieu: place } : {}), ...extra }).toString();

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{networkWide ? t('activities.titleNetwork') : t('activities.title')}</h1>
      <p className="mb-4">{t('activities.intro')}</p>
      <div className="mb-6 flex flex-wrap gap-3">
        <Link href="/mediation/activites/nouvelle" className="btn">
          {t('activities.new')}
        </Link>
        <Link href="/mediation/statistiques" className="btn-secondary">
          {t('activities.seeStats')}
        </Link>
      </div>
      {param(sp.supprimee) && <FormMessage tone="success" message={t('activityDetail.deleted')} />}

      <section aria-labelledby="a-enregistrer" className="mb-8">
        <h2 id="a-enregistrer" className="mb-1 text-2xl font-bold">
          {t('activities.toRecordTitle')}
        </h2>
        {toRecord.length === 0 ? (
          <p className="text-slate-700">{t('activities.noneToRecord')}</p>
        ) : (
          <>
            <p className="mb-3">{t('activities.toRecordIntro')}</p>
            <ul className="grid gap-3">
              {toRecord.map((s) => (
                <li key={s.id} className="card flex flex-wrap items-center justify-between gap-3">
                  <div>
                    <p className="font-semibold">{s.title}</p>
                    <p>{formatSessionTime(s.startsAt, s.endsAt, locale)}</p>
                    <p className="text-slate-700">
                      {s.placeName} · {t('activities.presentCount', { count: s.presentCount })}
                    </p>
                  </div>
                  <RecordSessionButton sessionId={s.id} context={`${s.title}, ${formatSessionTime(s.startsAt, s.endsAt, locale)}`} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="enregistrees">
        <h2 id="enregistrees" className="mb-3 text-2xl font-bold">
          {t('activities.listTitle')}
        </h2>
        {(networkWide || places.length > 0) && (
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
            <PlaceSelect label={t('activities.filterPlace')} places={places} value={place} allLabel={networkWide ? t('activities.allPlaces') : t('activities.mineOnly')} />
            <button type="submit" className="btn-secondary">
              {t('activities.filter')}
            </button>
          </form>
        )}
        <p className="mb-3 text-slate-700">{t('activities.count', { count: list.total })}</p>
        {list.items.length === 0 ? (
          <p>{t('activities.empty')}</p>
        ) : (
          <ul className="grid gap-3">
            {list.items.map((a) => (
              <li key={a.id} className="card">
                <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{vocab(t, 'kinds', a.kind)}</p>
                <p className="text-lg font-semibold">
                  <Link href={`/mediation/activites/${a.id}`}>{a.kind === 'collective' ? a.title : (a.learnerName ?? t('activities.anonymousPerson'))}</Link>
                </p>
                <p>
                  {formatCalendarDate(a.date, locale)} · {formatDuration(a.durationMinutes)} · {a.placeName ?? t('activities.noPlace')}
                </p>
                <p className="text-slate-700">{a.themes.map((code) => themeLabel(t, code)).join(', ')}</p>
                <p className="text-slate-700">
                  {t('activities.participants', { count: a.participantCount })}
                  {!a.mine ? ` · ${t('activities.by', { name: a.mediatorName })}` : ''}
                  {a.sessionId ? ` · ${t('activities.fromSession')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 && (
          <nav aria-label={t('activities.pageOf', { page, pages })} className="mt-4 flex flex-wrap items-center gap-3">
            {page > 1 && (
              <Link href={`/mediation/activites?${query({ page: String(page - 1) })}`} className="btn-secondary">
                {t('activities.previous')}
              </Link>
            )}
            <span>{t('activities.pageOf', { page, pages })}</span>
            {page < pages && (
              <Link href={`/mediation/activites?${query({ page: String(page + 1) })}`} className="btn-secondary">
                {t('activities.next')}
              </Link>
            )}
          </nav>
        )}
        {list.total > 0 && (
          <p className="mt-6 flex flex-wrap gap-3">
            <a href={`/mediation/activites/export?${query({ format: 'csv', ...(networkWide || place ? {} : { mine: 'true' }) })}`} className="btn-secondary">
              {t('activities.exportCsv')}
            </a>
            <a href={`/mediation/activites/export?${query({ format: 'xlsx', ...(networkWide || place ? {} : { mine: 'true' }) })}`} className="btn-secondary">
              {t('activities.exportXlsx')}
            </a>
          </p>
        )}
      </section>
    </>
  );
}
