import Link from 'next/link';
import type { CatalogueFilterOptions } from '@/lib/catalogue';
import type { CatalogueQuery } from '@/lib/catalogue/search-schema';
import type { MessageKey, Translate } from '@/lib/i18n';
import { LEVELS, THEMES } from '@/lib/vocabulary';

type Props = {
  t: Translate;
  // What the person typed, valid or not, so that nothing they wrote is lost.
  values: Record<string, string>;
  query: CatalogueQuery;
  errors: Record<string, string[]>;
  options: CatalogueFilterOptions;
};

const fieldClass = (invalid: boolean) => `block min-h-12 w-full rounded-lg border-2 bg-white px-3 py-2 text-base ${invalid ? 'border-red-700' : 'border-slate-500'}`;

function FieldError({ name, errors }: { name: string; errors: Record<string, string[]> }) {
  const messages = errors[name];
  if (!messages?.length) return null;
  return (
    <p id={`${name}-erreur`} className="mt-1 font-semibold text-red-800">
      {messages.join(' ')}
    </p>
  );
}

const described = (name: string, errors: Record<string, string[]>, hint?: string) => [hint, errors[name]?.length ? `${name}-erreur` : undefined].filter(Boolean).join(' ') || undefined;

// The catalogue's search form: a GET form, so the filters live in the URL and it works
// without JavaScript. Words and place first; the other criteria fold away on small screens.
export function SearchForm({ t, values, query, errors, options }: Props) {
  const moreOpen = Boolean(query.theme || query.level || query.from || query.to || query.seats || errors.theme || errors.level || errors.from || errors.to || errors.seats);
  const value = (name: string) => values[name] ?? '';
  // A place given by its slug (a link from its page) or an unknown value gets an option of its own.
  const selected = query.place ? options.selected : undefined;
  const extra = selected && !options.communes.includes(selected.value) ? selected : undefined;
  return (
    <form action="/ateliers" method="get" role="search" aria-labelledby="recherche-titre" className="no-print mb-8 rounded-xl bg-brand-50 p-4">
      <h2 id="recherche-titre" className="mb-3 text-xl font-bold">
        {t('catalogue.searchTitle')}
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="q" className="mb-1 block font-semibold">
            {t('catalogue.q')}
          </label>
          <p id="q-aide" className="mb-1 text-sm text-slate-700">
            {t('catalogue.qHint')}
          </p>
          <input id="q" name="q" type="search" defaultValue={value('q')} maxLength={200} aria-invalid={errors.q ? true : undefined} aria-describedby={described('q', errors, 'q-aide')} className={fieldClass(Boolean(errors.q))} />
          <FieldError name="q" errors={errors} />
        </div>
        <div className="md:self-end">
          <label htmlFor="place" className="mb-1 block font-semibold">
            {t('catalogue.place')}
          </label>
          <select id="place" name="place" defaultValue={selected?.value ?? ''} aria-invalid={errors.place ? true : undefined} aria-describedby={described('place', errors)} className={fieldClass(Boolean(errors.place))}>
            <option value="">{t('catalogue.placeAny')}</option>
            {extra && <option value={extra.value}>{extra.label}</option>}
            {options.communes.map((commune) => (
              <option key={commune} value={commune}>
                {commune}
              </option>
            ))}
          </select>
          <FieldError name="place" errors={errors} />
        </div>
      </div>

      <details open={moreOpen} className="mt-4">
        <summary className="min-h-12 cursor-pointer py-3 font-semibold text-brand-800 underline">{t('catalogue.more')}</summary>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <div>
            <label htmlFor="theme" className="mb-1 block font-semibold">
              {t('catalogue.theme')}
            </label>
            <select id="theme" name="theme" defaultValue={query.theme ?? ''} aria-invalid={errors.theme ? true : undefined} aria-describedby={described('theme', errors)} className={fieldClass(Boolean(errors.theme))}>
              <option value="">{t('catalogue.themeAny')}</option>
              {THEMES.map((code) => (
                <option key={code} value={code}>
                  {t(`themes.${code}` as MessageKey)}
                </option>
              ))}
            </select>
            <FieldError name="theme" errors={errors} />
          </div>
          <div>
            <label htmlFor="level" className="mb-1 block font-semibold">
              {t('catalogue.levelLabel')}
            </label>
            <select id="level" name="level" defaultValue={query.level ?? ''} aria-invalid={errors.level ? true : undefined} aria-describedby={described('level', errors)} className={fieldClass(Boolean(errors.level))}>
              <option value="">{t('catalogue.levelAny')}</option>
              {LEVELS.map((code) => (
                <option key={code} value={code}>
                  {t(`levels.${code}` as MessageKey)}
                </option>
              ))}
            </select>
            <FieldError name="level" errors={errors} />
          </div>
          <div>
            <label htmlFor="from" className="mb-1 block font-semibold">
              {t('catalogue.from')}
            </label>
            <input id="from" name="from" type="date" defaultValue={value('from')} aria-invalid={errors.from ? true : undefined} aria-describedby={described('from', errors, 'dates-aide')} className={fieldClass(Boolean(errors.from))} />
            <FieldError name="from" errors={errors} />
          </div>
          <div>
            <label htmlFor="to" className="mb-1 block font-semibold">
              {t('catalogue.to')}
            </label>
            <input id="to" name="to" type="date" defaultValue={value('to')} aria-invalid={errors.to ? true : undefined} aria-describedby={described('to', errors, 'dates-aide')} className={fieldClass(Boolean(errors.to))} />
            <FieldError name="to" errors={errors} />
          </div>
          <p id="dates-aide" className="text-sm text-slate-700 md:col-span-2">
            {t('catalogue.dateHint')}
          </p>
          <div className="md:col-span-2">
            <label htmlFor="seats" className="flex min-h-12 cursor-pointer items-center gap-3 font-semibold">
              <input id="seats" name="seats" type="checkbox" value="1" defaultChecked={query.seats === true} aria-invalid={errors.seats ? true : undefined} aria-describedby={described('seats', errors)} className="size-6 shrink-0 accent-brand-800" />
              {t('catalogue.seats')}
            </label>
            <FieldError name="seats" errors={errors} />
          </div>
        </div>
      </details>

      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="btn">
          {t('catalogue.submit')}
        </button>
        <Link href="/ateliers" className="inline-flex min-h-12 items-center px-2">
          {t('catalogue.reset')}
        </Link>
      </div>
    </form>
  );
}
