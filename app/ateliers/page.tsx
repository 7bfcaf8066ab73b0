import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { loadCataloguePage, workshopFilters } from '@/lib/catalogue';
import { queryInput, type CatalogueQuery } from '@/lib/catalogue/search-schema';
import { dateText } from '@/app/_components/catalogue-text';
import { getLocale, getT, type Locale, type MessageKey, type Translate } from '@/lib/i18n';
import { SearchForm } from './_components/SearchForm';
import { WorkshopCard } from './_components/WorkshopCard';

export const metadata: Metadata = { title: 'Ateliers' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The URL of a results page with the same (valid) criteria.
function pageHref(query: CatalogueQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'place', 'theme', 'level', 'from', 'to'] as const) if (query[key]) params.set(key, String(query[key]));
  if (query.seats) params.set('seats', '1');
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/ateliers?${search}` : '/ateliers';
}

// "smartphone · Roanne · Débutant": the criteria in words, for a printed or shared page.
function summaryOf(query: CatalogueQuery, placeLabel: string | undefined, t: Translate, locale: Locale): string {
  return [
    query.q,
    placeLabel,
    query.theme && t(`themes.${query.theme}` as MessageKey),
    query.level && t(`levels.${query.level}` as MessageKey),
    query.from && `${t('catalogue.from')} ${dateText(query.from, locale)}`,
    query.to && `${t('catalogue.to')} ${dateText(query.to, locale)}`,
    query.seats && t('catalogue.seats'),
  ]
    .filter(Boolean)
    .join(' · ');
}

export default async function CataloguePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const values = queryInput(raw);
  // The form sends every field, even empty ones: keep the shared address short and readable.
  if (Object.keys(values).length !== Object.values(raw).flat().filter((v) => v !== undefined).length) {
    const clean = new URLSearchParams(values).toString();
    redirect(clean ? `/ateliers?${clean}` : '/ateliers');
  }
  const [t, locale, result] = await Promise.all([getT(), getLocale(), loadCataloguePage(values)]);
  const { query, items, total, page, pageCount, options } = result;
  // A bad page number simply shows the first page; only the form's fields get a message.
  const { page: _page, ...errors } = result.errors;
  // The place filter, as the "where" list names it (the filter left out if it was invalid).
  const placeLabel = query.place ? options.selected?.label : undefined;
  const summary = summaryOf(query, placeLabel, t, locale);
  const hasErrors = Object.keys(errors).length > 0;
  const keep = workshopFilters(query).search;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('catalogue.title')}</h1>
      <p className="mb-6">{t('catalogue.intro')}</p>
      {hasErrors && (
        <p role="alert" className="mb-4 rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
          {t('catalogue.fixFilters')}
        </p>
      )}
      <SearchForm t={t} values={values} query={query} errors={errors} options={options} />

      <section aria-labelledby="resultats-titre">
        <h2 id="resultats-titre" className="mb-1 text-2xl font-bold">
          {total === 0 ? t('catalogue.none') : t('catalogue.found', { count: total })}
        </h2>
        {summary && <p className="mb-4 text-slate-700">{t('catalogue.searchSummary', { summary })}</p>}
        {total === 0 && <p className="mb-4">{t('catalogue.noneHint')}</p>}
        {total > 0 && items.length === 0 && (
          <p className="mb-4">
            {t('catalogue.pageEmpty')} <Link href={pageHref(query, 1)}>{t('catalogue.firstPage')}</Link>
          </p>
        )}
        <ul className="grid gap-4 md:grid-cols-2">
          {items.map((item) => (
            <WorkshopCard key={item.id} item={item} t={t} locale={locale} keep={keep} />
          ))}
        </ul>
        {pageCount > 1 && (
          <nav aria-label={t('catalogue.pagination')} className="no-print mt-6 flex flex-wrap items-center gap-3">
            {page > 1 && (
              <Link href={pageHref(query, Math.min(page - 1, pageCount))} rel="prev" className="btn-secondary">
                {t('catalogue.previous')}
              </Link>
            )}
            <p>{t('catalogue.pageOf', { page, pages: pageCount })}</p>
            {page < pageCount && (
              <Link href={pageHref(query, page + 1)} rel="next" className="btn-secondary">
                {t('catalogue.next')}
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
