import Link from 'next/link';
import { catalogueCounts, listCatalogue } from '@/lib/catalogue';
import { getLocale, getT } from '@/lib/i18n';
import { SessionList } from './_components/SessionList';

export default async function HomePage() {
  const [t, locale, counts, catalogue] = await Promise.all([getT(), getLocale(), catalogueCounts(), listCatalogue({ pageSize: 100 })]);
  const next = catalogue.items
    .flatMap((w) => w.nextSessions.slice(0, 1).map((s) => ({ id: s.id, title: w.title, startsAt: s.startsAt, endsAt: s.endsAt, place: `${s.placeName}, ${s.commune}`, href: `/ateliers/${w.slug}` })))
    .sort((a, b) => +a.startsAt - +b.startsAt)
    .slice(0, 6);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('home.title')}</h1>
      <p className="mb-6 text-lg">{t('home.intro')}</p>
      <form action="/ateliers" method="get" role="search" className="mb-8 rounded-xl bg-brand-50 p-4">
        <label htmlFor="q" className="mb-2 block text-lg font-semibold">
          {t('home.search')}
        </label>
        <div className="flex flex-wrap gap-2">
          <input id="q" name="q" type="search" placeholder={t('home.searchPlaceholder')} className="min-h-12 min-w-0 flex-1 basis-56 rounded-lg border-2 border-slate-500 px-3 text-base" />
          <button type="submit" className="btn">
            {t('home.searchButton')}
          </button>
        </div>
      </form>
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
