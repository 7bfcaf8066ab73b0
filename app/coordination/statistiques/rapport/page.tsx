import type { Metadata } from 'next';
import { PlaceSelect } from '@/app/_components/PlaceSelect';
import { StatsView } from '@/app/_components/stats/StatsView';
import { loggablePlaces } from '@/lib/activities/reads';
import { requirePageAccess } from '@/lib/auth/guard';
import { placeScope } from '@/lib/auth/policy';
import { formatCalendarDate } from '@/lib/format/numbers';
import { pageData, param } from '@/lib/http/page';
import { getLocale, getT } from '@/lib/i18n';
import { statsFor } from '@/lib/stats/impact';
import { parisToday, yearPeriod } from '@/lib/stats/period';
import { PrintButton } from './PrintButton';

export const metadata: Metadata = { title: 'Rapport d’activité' };

type Search = Promise<Record<string, string | string[] | undefined>>;

// The yearly report of a place (or of the network) for funders: one printable A4 document.
export default async function ReportPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const place = param(sp.lieu);
  const now = new Date();
  const thisYear = Number(parisToday(now).slice(0, 4));
  const asked = Number.parseInt(param(sp.annee) ?? '', 10);
  const year = asked >= 2000 && asked <= thisYear + 1 ? asked : thisYear;
  const actor = await requirePageAccess('activity:log', `/coordination/statistiques/rapport?${new URLSearchParams({ ...(place ? { lieu: place } : {}), annee: String(year) })}`);
  const [t, locale, places, stats] = await Promise.all([getT(), getLocale(), loggablePlaces(actor), pageData(statsFor(actor, { place, ...yearPeriod(year) }, now))]);
  const networkWide = placeScope(actor) === 'all';
  const scopeName =
    stats.scope.kind === 'place' ? t('stats.scopePlace', { name: stats.scope.place.name, commune: stats.scope.place.commune }) : stats.scope.kind === 'network' ? t('stats.reportNetwork') : t('stats.scopeMine');
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  return (
    <>
      <form method="get" className="no-print card mb-6 flex flex-wrap items-end gap-3">
        <PlaceSelect label={t('stats.place')} places={places} value={place} allLabel={networkWide ? t('stats.scopeNetwork') : t('stats.scopeMine')} />
        <div>
          <label htmlFor="annee" className="mb-1 block font-semibold">
            {t('stats.reportYear')}
          </label>
          <select id="annee" name="annee" defaultValue={String(year)} className="block min-h-12 rounded-lg border-2 border-slate-500 bg-white px-3">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t('stats.reportChoose')}
        </button>
        <PrintButton label={t('stats.print')} />
      </form>
      <article className="report">
        <div className="mb-6 border-b-2 border-brand-800 pb-3">
          <p className="text-lg font-semibold text-brand-800">Comptoir</p>
          <h1 className="text-3xl font-bold">{t('stats.reportTitle', { year })}</h1>
          <p className="text-xl">{scopeName}</p>
          <p>{t('stats.periodText', { from: formatCalendarDate(stats.period.from, locale), to: formatCalendarDate(stats.period.to, locale) })}</p>
        </div>
        <StatsView stats={stats} t={t} locale={locale} definitionsOpen />
        <p className="mt-6 text-sm text-slate-700">{t('stats.reportEdited', { date: formatCalendarDate(parisToday(now), locale) })}</p>
      </article>
    </>
  );
}
