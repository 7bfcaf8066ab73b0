import type { Metadata } from 'next';
import Link from 'next/link';
import { getActor } from '@/lib/auth/actor';
import { formatDayWithYear } from '@/lib/format/dates';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';
import { listPlaceOptions } from '@/lib/resources/places';
import { mayPublish } from '@/lib/resources/visibility';
import { parseResourceSearch, searchResources } from '@/lib/resources/reads';
import { RESOURCE_SORTS, type ResourceSearch } from '@/lib/resources/schema';
import { AUDIENCES, LEVELS, LICENCES, RESOURCE_TYPES, THEMES } from '@/lib/vocabulary';
import { licenceLabel, ratingLabel, typeLabel } from './_components/text';

export const metadata: Metadata = { title: 'Ressources', alternates: { types: { 'application/atom+xml': '/ressources/atom.xml' } } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FACETS = ['theme', 'type', 'audience', 'level', 'licence'] as const;

// The address of a results page with the same criteria (facets live in the URL).
function pageHref(query: ResourceSearch, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const facet of FACETS) for (const value of query[facet] ?? []) params.append(facet, value);
  if (query.place) params.set('place', query.place);
  if (query.sort) params.set('sort', query.sort);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/ressources?${search}` : '/ressources';
}

const selectClass = 'block min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3 py-2 text-base';

export default async function ResourcesPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  // Empty fields of the GET form are simply left out.
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '' && v !== undefined));
  const query = parseResourceSearch(cleaned, { lenient: true });
  const actor = await getActor();
  const [t, locale, result, placeOptions] = await Promise.all([getT(), getLocale(), searchResources(actor, query), listPlaceOptions()]);
  const { items, total, page, pageCount } = result;
  const first = (values: readonly string[] | undefined) => values?.[0] ?? '';
  const facetSelect = (name: (typeof FACETS)[number], codes: readonly string[], label: (code: string) => string) => (
    <div>
      <label htmlFor={`filtre-${name}`} className="mb-1 block font-semibold">
        {t(`resources.facets.${name}` as MessageKey)}
      </label>
      <select id={`filtre-${name}`} name={name} defaultValue={first(query[name])} className={selectClass}>
        <option value="">{t('resources.facets.any')}</option>
        {codes.map((code) => (
          <option key={code} value={code}>
            {label(code)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('resources.title')}</h1>
      <p className="mb-4">{t('resources.intro')}</p>
      {mayPublish(actor) && (
        <p className="mb-6">
          <Link href="/ressources/nouvelle" className="btn">
            {t('resources.publish')}
          </Link>
        </p>
      )}
      <form action="/ressources" method="get" role="search" aria-labelledby="recherche-ressources" className="no-print mb-8 rounded-xl bg-brand-50 p-4">
        <h2 id="recherche-ressources" className="mb-3 text-xl font-bold">
          {t('resources.searchTitle')}
        </h2>
        <label htmlFor="q" className="mb-1 block font-semibold">
          {t('resources.q')}
        </label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={200} className={selectClass} />
        <details open={FACETS.some((f) => query[f]?.length) || Boolean(query.place)} className="mt-4">
          <summary className="min-h-12 cursor-pointer py-3 font-semibold text-brand-800 underline">{t('resources.more')}</summary>
          <div className="mt-3 grid gap-4 md:grid-cols-3">
            {facetSelect('theme', THEMES, (c) => t(`themes.${c}` as MessageKey))}
            {facetSelect('type', RESOURCE_TYPES, (c) => typeLabel(t, c))}
            {facetSelect('audience', AUDIENCES, (c) => t(`audiences.${c}` as MessageKey))}
            {facetSelect('level', LEVELS, (c) => t(`levels.${c}` as MessageKey))}
            {facetSelect('licence', LICENCES, (c) => licenceLabel(t, c))}
            <div>
              <label htmlFor="filtre-place" className="mb-1 block font-semibold">
                {t('resources.facets.place')}
              </label>
              <select id="filtre-place" name="place" defaultValue={query.place ?? ''} className={selectClass}>
                <option value="">{t('resources.facets.any')}</option>
                {placeOptions.map((p) => (
                  <option key={p.slug} value={p.slug}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </details>
        <div className="mt-4 max-w-sm">
          <label htmlFor="tri" className="mb-1 block font-semibold">
            {t('resources.sort.label')}
          </label>
          <select id="tri" name="sort" defaultValue={query.sort ?? ''} className={selectClass}>
            <option value="">{query.q ? t('resources.sort.relevance') : t('resources.sort.recent')}</option>
            {RESOURCE_SORTS.filter((s) => query.q || s !== 'recent').map((s) => (
              <option key={s} value={s}>
                {t(`resources.sort.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button type="submit" className="btn">
            {t('resources.submit')}
          </button>
          <Link href="/ressources" className="inline-flex min-h-12 items-center px-2">
            {t('resources.reset')}
          </Link>
        </div>
      </form>

      <section aria-labelledby="resultats-ressources">
        <h2 id="resultats-ressources" className="mb-4 text-2xl font-bold">
          {total === 0 ? t('resources.none') : t('resources.found', { count: total })}
        </h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {items.map((r) => (
            <li key={r.id} className="card">
              <h3 className="text-xl font-semibold">
                <Link href={`/ressources/${r.slug}`}>{r.title}</Link>
              </h3>
              <p className="text-slate-700">
                {typeLabel(t, r.type)}
                {r.place ? ` · ${r.place.name}` : ''}
              </p>
              {r.summary && <p className="mt-1">{r.summary}</p>}
              <p className="mt-2 text-sm text-slate-700">
                {[
                  t('resources.updatedOn', { date: formatDayWithYear(r.updatedAt, locale) }),
                  r.rating.average !== null ? t('resources.ratingShort', { label: ratingLabel(t, Math.round(r.rating.average)), count: r.rating.count }) : null,
                  t('resources.downloads', { count: r.downloads }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {(r.visibility !== 'public' || r.toReview || r.hidden) && (
                <p className="mt-1 flex flex-wrap gap-2 text-sm font-semibold">
                  {r.visibility !== 'public' && <span className="rounded bg-slate-100 px-2 py-1">{t(`resources.visibility.${r.visibility}` as MessageKey)}</span>}
                  {r.toReview && <span className="rounded bg-amber-100 px-2 py-1 text-amber-950">{t('resources.toReview')}</span>}
                  {r.hidden && <span className="rounded bg-red-100 px-2 py-1 text-red-900">{t('resources.hidden')}</span>}
                </p>
              )}
            </li>
          ))}
        </ul>
        {pageCount > 1 && (
          <nav aria-label={t('resources.pagination')} className="no-print mt-6 flex flex-wrap items-center gap-3">
            {page > 1 && (
              <Link href={pageHref(query, Math.min(page - 1, pageCount))} rel="prev" className="btn-secondary">
                {t('resources.previous')}
              </Link>
            )}
            <p>{t('resources.pageOf', { page, pages: pageCount })}</p>
            {page < pageCount && (
              <Link href={pageHref(query, page + 1)} rel="next" className="btn-secondary">
                {t('resources.next')}
              </Link>
            )}
          </nav>
        )}
      </section>
      <p className="mt-8">
        <a href="/ressources/atom.xml" className="inline-flex min-h-11 items-center">
          {t('resources.feed')}
        </a>
      </p>
    </>
  );
}
