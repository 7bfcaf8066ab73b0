import type { Metadata } from 'next';
import { listCatalogue } from '@/lib/catalogue';
import { formatDuration, formatSessionTime } from '@/lib/format/dates';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';

export const metadata: Metadata = { title: 'Ateliers' };

export default async function CataloguePage() {
  const [t, locale, { items, total }] = await Promise.all([getT(), getLocale(), listCatalogue({ pageSize: 100 })]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('catalogue.title')}</h1>
      <p className="mb-6">{t('catalogue.intro')} {t('catalogue.count', { count: total })}</p>
      <ul className="grid gap-4 md:grid-cols-2">
        {items.map((w) => (
          <li key={w.id} className="card">
            <h2 className="text-xl font-bold">{w.title}</h2>
            <p className="mb-2">{w.summary}</p>
            <p className="text-sm text-slate-700">
              {t('catalogue.level', { level: t(`levels.${w.level}` as MessageKey) })} · {t('catalogue.duration', { duration: formatDuration(w.durationMinutes) })}
            </p>
            <p className="mb-2 text-sm text-slate-700">{w.themes.map((code) => t(`themes.${code}` as MessageKey)).join(', ')}</p>
            <h3 className="font-semibold">{t('catalogue.nextSessions')}</h3>
            {w.nextSessions.length === 0 ? (
              <p className="text-slate-700">{t('catalogue.noSession')}</p>
            ) : (
              <ul className="list-disc pl-5">
                {w.nextSessions.map((s) => (
                  <li key={s.id}>
                    {formatSessionTime(s.startsAt, s.endsAt, locale)} — {s.placeName}, {s.commune} —{' '}
                    {s.seatsLeft === 0 ? t('catalogue.full') : s.seatsLeft === 1 ? t('catalogue.oneSeatLeft') : t('catalogue.seatsLeft', { count: s.seatsLeft })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
