import Link from 'next/link';
import type { Translate } from '@/lib/i18n';
import type { Period } from '@/lib/stats/period';
import { PlaceSelect, type PlaceChoice } from '../PlaceSelect';


const href = (path: string, params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
};

// The place and period of a statistics page, as a plain GET form (the URL says what is shown,
// so a page can be bookmarked or sent), with shortcuts for the usual periods.
export function PeriodForm({
  t,
  path,
  period,
  place,
  places,
  presets,
  errors,
}: {
  t: Translate;
  path: string;
  period: Period;
  place?: string;
  places?: { choices: PlaceChoice[]; allLabel: string };
  presets: { thisMonth: Period; thisYear: Period; last12Months: Period };
  errors?: Record<string, string[]>;
}) {
  const shortcuts = [
    { label: t('stats.thisMonth'), period: presets.thisMonth },
    { label: t('stats.thisYear'), period: presets.thisYear },
    { label: t('stats.last12Months'), period: presets.last12Months },
  ];
  // "du" and "au" in the URL; errors come back under the period's own names.
  const dateFields = [
    { id: 'du', name: 'from', label: t('stats.from') },
    { id: 'au', name: 'to', label: t('stats.to') },
  ] as const;
  const fieldError = (name: string) =>
    errors?.[name]?.length ? (
      <p id={`${name}-erreur`} className="mt-1 font-semibold text-red-800">
        {errors[name]!.join(' ')}
      </p>
    ) : null;
  return (
    <section aria-labelledby="filtres" className="card no-print mb-6">
      <h2 id="filtres" className="mb-3 text-xl font-bold">
        {t('stats.filtersTitle')}
      </h2>
      <form method="get" action={path} className="flex flex-wrap items-end gap-3">
        {places && places.choices.length > 0 && <PlaceSelect label={t('stats.place')} places={places.choices} value={place} allLabel={places.allLabel} />}
        {dateFields.map((field) => (
          <div key={field.id}>
            <label htmlFor={field.id} className="mb-1 block font-semibold">
              {field.label}
            </label>
            <input
              id={field.id}
              name={field.id}
              type="date"
              defaultValue={period[field.name]}
              aria-invalid={errors?.[field.name] ? true : undefined}
              aria-describedby={errors?.[field.name] ? `${field.name}-erreur` : undefined}
              className="block min-h-12 rounded-lg border-2 border-slate-500 px-3"
            />
            {fieldError(field.name)}
          </div>
        ))}
        <button type="submit" className="btn">
          {t('stats.show')}
        </button>
      </form>
      <nav aria-label={t('stats.presets')} className="mt-3">
        <p className="mb-1 font-semibold">{t('stats.presets')}</p>
        <ul className="flex flex-wrap gap-2">
          {shortcuts.map((s) => {
            const current = s.period.from === period.from && s.period.to === period.to;
            return (
              <li key={s.label}>
                <Link
                  href={href(path, { lieu: place, du: s.period.from, au: s.period.to })}
                  aria-current={current ? 'true' : undefined}
                  className={current ? 'btn min-h-12' : 'btn-secondary min-h-12'}
                >
                  {s.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </section>
  );
}

export { href as statsHref };
