import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getT } from '@/lib/i18n';
import { listDirectoryPage } from '@/lib/places';
import { Contact } from './_components/Contact';
import { LoireMap } from './_components/LoireMap';
import { OpeningHours } from './_components/OpeningHours';

export const metadata: Metadata = { title: 'Lieux' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PlacesPage({ searchParams }: Props) {
  const query = await searchParams;
  const [t, locale, directory] = await Promise.all([
    getT(),
    getLocale(),
    listDirectoryPage({
      commune: typeof query.commune === 'string' ? query.commune : undefined,
      service: typeof query.service === 'string' ? query.service : undefined,
      page: typeof query.page === 'string' ? query.page : undefined,
    }),
  ]);
  const { places: numbered, communes, services, filter, total, page, pageCount, map, mapByCommune } = directory;
  const filtered = Boolean(filter.commune || filter.service);
  const pageHref = (n: number) =>
    `/lieux?${new URLSearchParams({ ...(filter.commune ? { commune: filter.commune } : {}), ...(filter.service ? { service: filter.service } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`;
  const colon = locale === 'fr' ? ' :' : ':';

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('places.title')}</h1>
      <p className="mb-6">{t('places.intro')}</p>

      <form method="get" action="/lieux" className="card mb-6 grid gap-4 md:grid-cols-[1fr_1fr_auto] md:items-end" role="search" aria-labelledby="filtre-titre">
        <h2 id="filtre-titre" className="text-xl font-bold md:col-span-3">
          {t('places.filterTitle')}
        </h2>
        <div className="grid gap-1">
          <label htmlFor="commune" className="font-semibold">
            {t('places.commune')}
          </label>
          <select id="commune" name="commune" defaultValue={filter.commune ?? ''} className="min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3">
            <option value="">{t('places.allCommunes')}</option>
            {communes.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1">
          <label htmlFor="service" className="font-semibold">
            {t('places.service')}
          </label>
          <select id="service" name="service" defaultValue={filter.service ?? ''} className="min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3">
            <option value="">{t('places.allServices')}</option>
            {services.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn">
          {t('places.filterSubmit')}
        </button>
      </form>

      <p className="mb-4 text-lg font-semibold" role="status">
        {t('places.count', { count: total })}
        {filtered && (
          <>
            {' · '}
            <Link href="/lieux">{t('places.filterReset')}</Link>
          </>
        )}
      </p>

      {total === 0 ? (
        <p>{t('places.none')}</p>
      ) : (
        <div className="grid gap-6 md:grid-cols-[minmax(0,22rem)_1fr] md:items-start">
          <section aria-labelledby="carte-titre" className="md:sticky md:top-4">
            <h2 id="carte-titre" className="mb-2 text-xl font-bold">
              {t('places.mapTitle')}
            </h2>
            <p className="mb-2 text-slate-700">{mapByCommune ? t('directoryPages.mapHintCommunes') : t('places.mapHint')}</p>
            <LoireMap
              title={t('places.mapTitle')}
              labelledBy="carte-titre"
              places={map.map((p) => ({
                key: p.key,
                href: p.href,
                number: p.number,
                latitude: p.latitude,
                longitude: p.longitude,
                label: mapByCommune ? t('directoryPages.communeLink', { commune: p.commune, count: p.count }) : t('places.mapLink', { name: p.name, commune: p.commune }),
              }))}
            />
          </section>

          <section aria-labelledby="liste-titre">
            <h2 id="liste-titre" className="mb-3 text-xl font-bold">
              {t('places.listTitle')}
            </h2>
            <ul className="grid gap-4">
              {numbered.map((p) => (
                <li key={p.id} className="card">
                  <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{p.commune}</p>
                  <h3 className="mb-1 text-xl font-bold">
                    {p.number !== null && (
                      <span aria-hidden="true" className="mr-2 inline-flex h-7 min-w-7 items-center justify-center rounded-full bg-accent-700 px-1 text-sm text-white">
                        {p.number}
                      </span>
                    )}
                    <Link href={`/lieux/${p.slug}`}>{p.name}</Link>
                  </h3>
                  {p.summary && <p className="mb-2">{p.summary}</p>}
                  <p className="mb-2">
                    <span className="sr-only">{t('places.address')}{colon} </span>
                    {p.address}
                    {p.addressComplement ? `, ${p.addressComplement}` : ''}, {p.postalCode} {p.commune}
                  </p>
                  <h4 className="font-semibold">{t('places.hours')}</h4>
                  <div className="mb-2">
                    <OpeningHours text={p.openingHours} locale={locale} t={t} />
                  </div>
                  {p.services.length > 0 && (
                    <p className="mb-1">
                      <span className="font-semibold">{t('places.services')}{colon}</span> {p.services.join(', ')}
                    </p>
                  )}
                  <p className="mb-1">
                    <span className="font-semibold">{t('places.publics')}{colon}</span> {p.publics.length > 0 ? p.publics.join(', ') : t('places.everyone')}
                  </p>
                  <Contact phone={p.phone} emails={p.emails} t={t} />
                </li>
              ))}
            </ul>
            {pageCount > 1 && (
              <nav aria-label={t('directoryPages.pagesLabel')} className="mt-6 flex flex-wrap items-center gap-4">
                {page > 1 && (
                  <Link className="btn" href={pageHref(page - 1)} rel="prev">
                    {t('directoryPages.previous')}
                  </Link>
                )}
                <p>{t('directoryPages.status', { page, pageCount })}</p>
                {page < pageCount && (
                  <Link className="btn" href={pageHref(page + 1)} rel="next">
                    {t('directoryPages.next')}
                  </Link>
                )}
              </nav>
            )}
          </section>
        </div>
      )}

      <p className="mt-8 text-slate-700">
        {t('places.openData')} <a href="/api/v1/places.csv">{t('places.openDataLink')}</a>
      </p>
    </>
  );
}
