import Link from 'next/link';
import { catalogueCounts, catalogueFilterOptions, searchCatalogue } from '@/lib/catalogue';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';
import type { Theme } from '@/lib/vocabulary';
import { SessionList } from './_components/SessionList';

// Shortcuts into the catalogue for what people ask about most.
const POPULAR_THEMES: Theme[] = ['materiel', 'e-mail', 'demarches', 'securite', 'sante', 'insertion-pro'];

export default async function HomePage() {
  const [t, locale, counts, catalogue, options] = await Promise.all([getT(), getLocale(), catalogueCounts(), searchCatalogue({}, { pageSize: 100 }), catalogueFilterOptions()]);
  const next = catalogue.items
    .flatMap((w) => w.nextSessions.slice(0, 1).map((s) => ({ id: s.id, title: w.title, startsAt: s.startsAt, endsAt: s.endsAt, place: `${s.placeName}, ${s.commune}`, href: `/seances/${s.id}` })))
    .sort((a, b) => +a.startsAt - +b.startsAt)
    .slice(0, 6);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('home.title')}</h1>
      <p className="mb-6 text-lg">{t('home.intro')}</p>
      <form action="/ateliers" method="get" role="search" className="mb-8 rounded-xl bg-brand-50 p-4">
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-0 flex-[2_1_16rem]">
            <label htmlFor="q" className="mb-2 block text-lg font-semibold">
              {t('home.search')}
            </label>
            <input id="q" name="q" type="search" placeholder={t('home.searchPlaceholder')} className="block min-h-12 w-full min-w-0 rounded-lg border-2 border-slate-500 bg-white px-3 text-base" />
          </div>
          <div className="min-w-0 flex-[1_1_12rem]">
            <label htmlFor="place" className="mb-2 block text-lg font-semibold">
              {t('home.where')}
            </label>
            <select id="place" name="place" defaultValue="" className="block min-h-12 w-full min-w-0 rounded-lg border-2 border-slate-500 bg-white px-3 text-base">
              <option value="">{t('home.whereAny')}</option>
              {options.communes.map((commune) => (
                <option key={commune} value={commune}>
                  {commune}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn">
            {t('home.searchButton')}
          </button>
        </div>
      </form>
      <nav aria-labelledby="themes-titre" className="mb-8">
        <h2 id="themes-titre" className="mb-2 text-xl font-bold">
          {t('home.byTheme')}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {POPULAR_THEMES.map((code) => (
            <li key={code}>
              <Link href={`/ateliers?theme=${code}`} className="btn-secondary">
                {t(`themes.${code}` as MessageKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mb-4 text-slate-700">{t('home.stats', { workshops: counts.workshops, places: counts.places })}</p>
      <h2 className="mb-3 text-2xl font-bold">{t('home.next')}</h2>
      <SessionList items={next} locale={locale} empty={t('catalogue.noSession')} />
      <p className="mt-6">
        <Link href="/ateliers" className="btn">
          {t('home.seeAll')}
        </Link>
      </p>
    </>
  );
}
