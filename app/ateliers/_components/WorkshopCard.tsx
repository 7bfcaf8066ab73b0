import Link from 'next/link';
import { seatsText, whenText } from '@/app/_components/catalogue-text';
import type { CatalogueItem } from '@/lib/catalogue';
import { formatDuration } from '@/lib/format/dates';
import type { Locale, MessageKey, Translate } from '@/lib/i18n';

// One workshop of the catalogue with its next dates; each date leads to its session page. The
// workshop's page keeps the place and dates searched for (`keep`, a query string).
export function WorkshopCard({ item, t, locale, keep = '' }: { item: CatalogueItem; t: Translate; locale: Locale; keep?: string }) {
  const themes = item.themes.map((code) => t(`themes.${code}` as MessageKey)).join(', ');
  return (
    <li className="card flex flex-col">
      <h3 className="mb-1 text-xl font-bold">
        <Link href={`/ateliers/${item.slug}${keep}`}>{item.title}</Link>
      </h3>
      <p className="mb-2">{item.summary}</p>
      <p className="text-sm text-slate-700">
        {t('catalogue.level', { level: t(`levels.${item.level}` as MessageKey) })} · {t('catalogue.duration', { duration: formatDuration(item.durationMinutes) })}
      </p>
      <p className="mb-3 text-sm text-slate-700">{t('catalogue.themes', { themes })}</p>
      <h4 className="font-semibold">{t('catalogue.nextSessions')}</h4>
      {item.nextSessions.length === 0 ? (
        <p className="text-slate-700">{t('catalogue.noSession')}</p>
      ) : (
        <ul className="mb-2 grid gap-2">
          {item.nextSessions.map((s) => (
            <li key={s.id} className="border-l-4 border-brand-100 pl-3">
              <Link href={`/seances/${s.id}`} className="inline-block py-1 font-semibold">
                {whenText(s.startsAt, s.endsAt, locale)}
              </Link>
              <span className="block text-slate-700">
                {s.placeName}, {s.commune}
              </span>
              <span className={`block ${s.seatsLeft === 0 ? 'text-accent-700' : 'text-slate-900'}`}>{seatsText(t, s.seatsLeft)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-auto pt-2">
        <Link href={`/ateliers/${item.slug}${keep}`} className="inline-flex min-h-12 items-center">
          {item.upcomingCount > item.nextSessions.length ? t('catalogue.seeAllDates', { count: item.upcomingCount }) : t('catalogue.seeWorkshop')}
          <span className="sr-only"> : {item.title}</span>
        </Link>
      </p>
    </li>
  );
}
