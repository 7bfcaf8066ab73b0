import { formatSessionTime, formatTime } from '@/lib/format/dates';
import { parisStartOfDay, parseParisDate, TIME_ZONE } from '@/lib/time';
import type { Locale, Translate } from '@/lib/i18n';

// "3 places libres", "1 place libre", "Complet — liste d’attente".
export function seatsText(t: Translate, seatsLeft: number): string {
  if (seatsLeft <= 0) return t('catalogue.full');
  return t('catalogue.seatsLeft', { count: seatsLeft });
}

// "lundi 7 décembre, 9 h 30 – 11 h 30" where a narrow screen never breaks "11 h" apart.
export function whenText(startsAt: Date, endsAt: Date, locale: Locale): string {
  return formatSessionTime(startsAt, endsAt, locale).replace(/(\d) h(?: (\d\d))?/g, (_, hour: string, minutes?: string) => (minutes ? `${hour}\u00a0h\u00a0${minutes}` : `${hour}\u00a0h`)).replace(/(\d) (am|pm)/g, '$1\u00a0$2');
}

const longDates: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
};

// "lundi 7 décembre 2026" and "14 h – 16 h", for a session page.
export function dayWithYear(instant: Date, locale: Locale): string {
  return longDates[locale].format(instant);
}

export function hoursText(startsAt: Date, endsAt: Date, locale: Locale): string {
  return `${formatTime(startsAt, locale)} – ${formatTime(endsAt, locale)}`.replace(/(\d) h(?: (\d\d))?/g, (_, hour: string, minutes?: string) => (minutes ? `${hour}\u00a0h\u00a0${minutes}` : `${hour}\u00a0h`));
}

const dates: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
};

// "2026-12-01" (a date field) → "1 décembre 2026".
export function dateText(value: string, locale: Locale): string {
  const date = parseParisDate(value);
  return date ? dates[locale].format(parisStartOfDay(date)) : value;
}
