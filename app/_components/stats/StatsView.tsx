import { vocab, themeLabel, type VocabList } from '@/lib/activities/labels';
import { formatHours, formatMonth, formatNumber, formatPercent } from '@/lib/format/numbers';
import type { Locale, Translate } from '@/lib/i18n';
import { PUBLIC_MIN_CELL, type PublicStats, type Stats } from '@/lib/stats/impact';
import { BarChart, TrendChart, type BarRow } from './Charts';

type Row = { key: string; label?: string; value: number | null };

const TOP = 10;

// The figures and charts of a statistics page, shared by the mediator's and the coordinator's
// pages, the yearly report and the public shared page.
export function StatsView({
  stats,
  t,
  locale,
  publicView = false,
  definitionsOpen = false,
}: {
  stats: Stats | PublicStats;
  t: Translate;
  locale: Locale;
  publicView?: boolean;
  // The yearly report prints how each figure is computed.
  definitionsOpen?: boolean;
}) {
  const n = (value: number) => formatNumber(value, locale);
  const pct = (ratio: number | null) => (ratio === null ? t('stats.noValue') : formatPercent(ratio, locale));
  const s = stats.sessions;

  const figures: { label: string; value: string; detail?: string }[] = [
    { label: t('stats.activities'), value: n(stats.activities.total) },
    { label: t('stats.individual'), value: n(stats.activities.individual) },
    { label: t('stats.collective'), value: n(stats.activities.collective) },
    { label: t('stats.people'), value: n(stats.people.total), detail: t('stats.peopleDetail', { known: n(stats.people.known), anonymous: n(stats.people.anonymous) }) },
    { label: t('stats.newLearners'), value: n(stats.newLearners) },
    { label: t('stats.hours'), value: t('stats.hoursValue', { hours: formatHours(stats.minutes, locale) }) },
    { label: t('stats.sessionsHeld'), value: n(s.held) },
    { label: t('stats.seatsOffered'), value: n(s.seatsOffered) },
    { label: t('stats.fillRate'), value: pct(s.fillRate) },
    { label: t('stats.attendanceRate'), value: pct(s.attendanceRate) },
    { label: t('stats.noShowRate'), value: pct(s.noShowRate) },
  ];

  const toBars = (rows: Row[], labelOf: (r: Row) => string, total: number): BarRow[] =>
    rows.map((r) => ({
      label: labelOf(r),
      value: r.value,
      valueText: r.value === null ? t('stats.suppressed', { n: PUBLIC_MIN_CELL }) : n(r.value),
      shareText: r.value !== null && total > 0 ? formatPercent(r.value / total, locale) : undefined,
    }));

  // Long lists (communes, places) keep their ten largest rows in the chart; the table has all.
  const top = (bars: BarRow[], total: number): BarRow[] => {
    if (bars.length <= TOP + 1) return bars;
    const rest = bars.slice(TOP);
    const value = rest.reduce((a, r) => a + (r.value ?? 0), 0);
    return [...bars.slice(0, TOP), { label: t('stats.others', { count: rest.length }), value, valueText: n(value), shareText: total > 0 ? formatPercent(value / total, locale) : undefined }];
  };

  const labels = { showTable: t('stats.showTable'), category: t('stats.category'), value: t('stats.value'), share: t('stats.share') };
  const list = (key: VocabList) => (r: Row) => vocab(t, key, r.key);
  const d = stats.distributions;
  const activitiesTotal = stats.activities.total;
  const peopleTotal = stats.people.total;
  const empty = t('stats.empty');

  const charts: { id: string; title: string; unit: string; bars: BarRow[]; grouped?: boolean }[] = [
    { id: 'thematiques', title: t('stats.theme'), unit: t('stats.unitActivities'), bars: toBars(d.theme, (r) => themeLabel(t, r.key), activitiesTotal) },
    { id: 'ages', title: t('stats.ageBand'), unit: t('stats.unitPeople'), bars: toBars(d.ageBand, list('ageBands'), peopleTotal) },
    { id: 'genres', title: t('stats.gender'), unit: t('stats.unitPeople'), bars: toBars(d.gender, list('genders'), peopleTotal) },
    { id: 'statuts', title: t('stats.socialStatus'), unit: t('stats.unitPeople'), bars: toBars(d.socialStatus, list('socialStatuses'), peopleTotal) },
    {
      id: 'communes',
      title: t('stats.commune'),
      unit: t('stats.unitPeople'),
      grouped: true,
      bars: toBars(d.commune, (r) => (r.key === '' ? t('stats.unknownCommune') : r.key === 'others' && publicView ? t('stats.otherCommunes', { n: PUBLIC_MIN_CELL }) : r.key), peopleTotal),
    },
    { id: 'durees', title: t('stats.durationBand'), unit: t('stats.unitActivities'), bars: toBars(d.durationBand, list('durationBands'), activitiesTotal) },
  ];
  if (stats.scope.kind !== 'place') {
    charts.push({ id: 'lieux', title: t('stats.placeChart'), unit: t('stats.unitActivities'), grouped: true, bars: toBars(d.place, (r) => r.label ?? t('stats.noPlace'), activitiesTotal) });
  }

  return (
    <>
      <section aria-labelledby="chiffres-cles" className="mb-8">
        <h2 id="chiffres-cles" className="mb-3 text-2xl font-bold">
          {t('stats.figuresTitle')}
        </h2>
        <dl className="figures mb-4 grid gap-2 sm:grid-cols-2 sm:gap-3 lg:grid-cols-3">
          {figures.map((f) => (
            <div key={f.label} className="card flex flex-wrap items-baseline justify-between gap-x-3 px-4 py-2 sm:block sm:p-4">
              <dt className="leading-snug text-slate-700">{f.label}</dt>
              <dd className="text-2xl font-bold sm:text-3xl">{f.value}</dd>
              {f.detail && <dd className="w-full text-sm text-slate-700">{f.detail}</dd>}
            </div>
          ))}
        </dl>
        <details className="card" open={definitionsOpen}>
          <summary className="inline-flex min-h-12 cursor-pointer items-center font-semibold text-brand-800 underline">{t('stats.definitionsTitle')}</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            <li>{t('stats.defActivities')}</li>
            <li>{t('stats.defPeople')}</li>
            <li>{t('stats.defNewLearners')}</li>
            <li>{t('stats.defHours')}</li>
            <li>{t('stats.defSessions')}</li>
            <li>{t('stats.defFillRate')}</li>
            <li>{t('stats.defAttendance')}</li>
            <li>{t('stats.defDistributions')}</li>
            {publicView && <li>{t('stats.suppressedNote', { max: PUBLIC_MIN_CELL - 1 })}</li>}
          </ul>
        </details>
      </section>
      <section aria-labelledby="en-detail">
        <h2 id="en-detail" className="mb-3 text-2xl font-bold">
          {t('stats.chartsTitle')}
        </h2>
        {publicView && <p className="mb-3">{t('stats.suppressedNote', { max: PUBLIC_MIN_CELL - 1 })}</p>}
        <TrendChart
          id="mois"
          title={t('stats.trend')}
          unit={t('stats.unitActivities')}
          empty={empty}
          months={stats.months.map((m) => ({
            label: formatMonth(m.month, locale),
            individual: m.individual,
            collective: m.collective,
            totalText: n(m.individual + m.collective),
            hoursText: formatHours(m.minutes, locale),
          }))}
          labels={{
            legend: t('stats.legend'),
            individual: t('stats.legendIndividual'),
            collective: t('stats.legendCollective'),
            showTable: t('stats.showTable'),
            month: t('stats.month'),
            individualColumn: t('stats.individual'),
            collectiveColumn: t('stats.collective'),
            hours: t('stats.hours'),
          }}
        />
        <div className="charts grid gap-x-4 md:grid-cols-2">
          {charts.map((c) => (
            <BarChart key={c.id} id={c.id} title={c.title} unit={c.unit} rows={c.grouped ? top(c.bars, c.id === 'lieux' ? activitiesTotal : peopleTotal) : c.bars} tableRows={c.bars} labels={labels} empty={empty} />
          ))}
        </div>
      </section>
    </>
  );
}
