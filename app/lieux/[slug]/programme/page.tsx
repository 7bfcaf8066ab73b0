import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { formatDay, formatMonth, formatTime } from '@/lib/format/dates';
import { formatPhoneForHumans } from '@/lib/format/phone';
import { getLocale, getT, type Translate } from '@/lib/i18n';
import { getPlaceProgramme, monthKey, nextMonthToOffer, readMonth, type Month, type PlaceSession } from '@/lib/places';
import { toParisWallClock } from '@/lib/time';
import { OpeningHours } from '../../_components/OpeningHours';
import { PrintButton } from './PrintButton';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache((slug: string, year: number, month: number) => getPlaceProgramme(slug, { year, month }));

async function resolve({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { month, invalid } = readMonth(query.mois);
  return { programme: await load(slug, month.year, month.month), invalid };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const [{ programme }, t, locale] = await Promise.all([resolve(props), getT(), getLocale()]);
  if (!programme) return { title: 'Programme' };
  return { title: `${t('programme.title', { month: formatMonth(programme.month, locale) })} — ${programme.place.name}` };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function seatsText(s: PlaceSession, t: Translate): string {
  if (s.status === 'cancelled') return t('programme.cancelled');
  if (s.status === 'done') return t('programme.seats', { capacity: s.capacity });
  if (s.seatsLeft === 0) return t('programme.full', { capacity: s.capacity });
  return t('programme.seatsLeft', { count: s.seatsLeft, capacity: s.capacity });
}

// The sessions of the month, by Paris calendar day.
function byDay(sessions: PlaceSession[]): PlaceSession[][] {
  const days = new Map<string, PlaceSession[]>();
  for (const s of sessions) {
    const { year, month, day } = toParisWallClock(s.startsAt);
    const key = `${year}-${month}-${day}`;
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  return [...days.values()];
}

export default async function ProgrammePage(props: Props) {
  const [{ programme, invalid }, t, locale] = await Promise.all([resolve(props), getT(), getLocale()]);
  if (!programme) notFound();
  const { place, sessions } = programme;
  const monthName = (month: Month) => formatMonth(month, locale);
  const href = (month: Month) => `/lieux/${place.slug}/programme?mois=${monthKey(month)}`;
  const phone = formatPhoneForHumans(place.phone);
  const offer = nextMonthToOffer(programme.month);

  return (
    <div className="programme">
      <div className="no-print mb-6 grid gap-3">
        <p>
          <Link href={`/lieux/${place.slug}`} className="inline-flex min-h-12 items-center">
            ← {t('programme.backToPlace')}
          </Link>
        </p>
        {invalid && (
          <p role="status" className="rounded-lg border-2 border-accent-700 bg-orange-50 p-3 font-semibold">
            {t('programme.badMonth')}
          </p>
        )}
        {offer && (
          <div className="rounded-lg border-2 border-brand-800 bg-brand-50 p-3">
            <p className="mb-2 font-semibold">{t('programme.nextMonthOffer', { month: monthName(offer) })}</p>
            <Link href={href(offer)} className="btn">
              {t('programme.nextMonthLink', { month: monthName(offer) })}
            </Link>
          </div>
        )}
        <nav aria-label={t('programme.monthNav')}>
          <ul className="flex flex-wrap gap-2">
            <li>
              <Link href={href(programme.previous)} className="btn-secondary">
                ← {t('programme.previous', { month: monthName(programme.previous) })}
              </Link>
            </li>
            <li>
              <Link href={href(programme.next)} className="btn-secondary">
                {t('programme.next', { month: monthName(programme.next) })} →
              </Link>
            </li>
          </ul>
        </nav>
        <div className="flex flex-wrap gap-2">
          <PrintButton label={t('programme.print')} />
          <a href={`/lieux/${place.slug}/programme.pdf?mois=${monthKey(programme.month)}`} className="btn-secondary">
            {t('programme.pdf')}
          </a>
        </div>
      </div>

      <article className="programme-sheet">
        <header className="mb-4 border-b-2 border-slate-900 pb-3">
          <h1 className="text-3xl font-bold">
            {t('programme.heading', { place: place.name, month: monthName(programme.month) })}
          </h1>
          {place.summary && <p className="mt-1">{place.summary}</p>}
        </header>

        <div className="mb-6 grid gap-4 sm:grid-cols-2 print:grid-cols-2">
          <div>
            <h2 className="font-bold">{t('programme.address')}</h2>
            <p>
              {place.address}
              {place.addressComplement ? `, ${place.addressComplement}` : ''}
              <br />
              {place.postalCode} {place.commune}
            </p>
            {phone && <p className="font-semibold">{t('programme.phone', { phone })}</p>}
            {place.accessInfo && <p className="text-slate-700 print:text-black">{place.accessInfo}</p>}
          </div>
          <div>
            <h2 className="font-bold">{t('programme.hours')}</h2>
            <OpeningHours text={place.openingHours} locale={locale} t={t} />
          </div>
        </div>

        {sessions.length === 0 ? (
          <p className="text-lg">{t('programme.none')}</p>
        ) : (
          <ol className="programme-days grid gap-4">
            {byDay(sessions).map((day) => (
              <li key={day[0]!.id} className="programme-day">
                <h2 className="border-b border-slate-400 pb-1 text-xl font-bold">{capitalise(formatDay(day[0]!.startsAt, locale))}</h2>
                <ul>
                  {day.map((s) => (
                    <li key={s.id} className="grid gap-x-4 py-1 sm:grid-cols-[8rem_1fr_auto] print:grid-cols-[8rem_1fr_auto]">
                      <span className="font-semibold">
                        {formatTime(s.startsAt, locale)} – {formatTime(s.endsAt, locale)}
                      </span>
                      <span className={s.status === 'cancelled' ? 'line-through' : ''}>{s.workshopTitle}</span>
                      <span className={s.status === 'cancelled' ? 'font-bold' : ''}>{seatsText(s, t)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}

        <p className="mt-6 border-t-2 border-slate-900 pt-3 font-semibold">{t('programme.signUp')}</p>
      </article>
    </div>
  );
}
