import Link from 'next/link';
import { loggablePlaces } from '@/lib/activities/reads';
import { placeScope, type Actor } from '@/lib/auth/policy';
import { ValidationError } from '@/lib/errors';
import { formatCalendarDate } from '@/lib/format/numbers';
import { pageData, param } from '@/lib/http/page';
import { getLocale, getT } from '@/lib/i18n';
import { statsFor } from '@/lib/stats/impact';
import { periodPresets, resolvePeriod, type Period } from '@/lib/stats/period';
import { PeriodForm, statsHref } from './PeriodForm';
import { StatsView } from './StatsView';

type Search = Record<string, string | string[] | undefined>;

// The statistics page of a mediator (/mediation/statistiques) or of the coordination
// (/coordination/statistiques): place and period from the URL, figures, charts, downloads.
export async function StatsPage({ actor, search, path, title, intro }: { actor: Actor; search: Search; path: string; title: string; intro: string }) {
  const now = new Date();
  const [t, locale, places] = await Promise.all([getT(), getLocale(), loggablePlaces(actor)]);
  const place = param(search.lieu);
  const presets = periodPresets(now);
  let period: Period = presets.last12Months;
  let errors: Record<string, string[]> | undefined;
  try {
    period = resolvePeriod({ from: param(search.du) ?? param(search.from), to: param(search.au) ?? param(search.to) }, now);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    errors = error.fieldErrors;
  }
  // Another place's statistics: the 403 page.
  const stats = await pageData(statsFor(actor, { place, ...period }, now));
  const networkWide = placeScope(actor) === 'all';
  const scopeName =
    stats.scope.kind === 'place' ? t('stats.scopePlace', { name: stats.scope.place.name, commune: stats.scope.place.commune }) : stats.scope.kind === 'network' ? t('stats.scopeNetwork') : t('stats.scopeMine');
  const query = { lieu: place, du: period.from, au: period.to };
  const year = period.to.slice(0, 4);

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{title}</h1>
      <p className="mb-4">{intro}</p>
      <PeriodForm t={t} path={path} period={period} place={place} places={{ choices: places, allLabel: networkWide ? t('stats.scopeNetwork') : t('stats.scopeMine') }} presets={presets} errors={errors} />
      <p className="mb-6 text-xl">
        <strong>{scopeName}</strong> — {t('stats.periodText', { from: formatCalendarDate(period.from, locale), to: formatCalendarDate(period.to, locale) })}
      </p>
      <StatsView stats={stats} t={t} locale={locale} />
      <section aria-labelledby="telecharger" className="no-print mt-8">
        <h2 id="telecharger" className="mb-3 text-2xl font-bold">
          {t('stats.exportsTitle')}
        </h2>
        <ul className="flex flex-wrap gap-3">
          <li>
            <a href={statsHref(`${path}/export`, { ...query, format: 'csv' })} className="btn-secondary">
              {t('stats.exportCsv')}
            </a>
          </li>
          <li>
            <a href={statsHref(`${path}/export`, { ...query, format: 'xlsx' })} className="btn-secondary">
              {t('stats.exportXlsx')}
            </a>
          </li>
          {(place || networkWide) && (
            <li>
              <Link href={statsHref('/coordination/statistiques/rapport', { lieu: place, annee: year })} className="btn-secondary">
                {t('stats.report', { year })}
              </Link>
            </li>
          )}
          {networkWide && (
            <li>
              <Link href={statsHref('/coordination/statistiques/partages', query)} className="btn-secondary">
                {t('stats.share')}
              </Link>
            </li>
          )}
        </ul>
      </section>
    </>
  );
}
