import 'server-only';
import type { Locale } from '@/lib/i18n';
import { TIME_ZONE, toParisWallClock } from '@/lib/time';

const dayFormatters: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }),
};

// "14 h", "9 h 30" in French; "2:00 pm" in English.
export function formatTime(instant: Date, locale: Locale = 'fr'): string {
  const { hour, minute } = toParisWallClock(instant);
  if (locale === 'en') {
    const h12 = hour % 12 === 0 ? 12 : hour % 12;
    return `${h12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'am' : 'pm'}`;
  }
  return minute === 0 ? `${hour} h` : `${hour} h ${String(minute).padStart(2, '0')}`;
}

// French writes the first day of a month as an ordinal: "mardi 1er décembre".
function withOrdinalFirst(formatter: Intl.DateTimeFormat, instant: Date, locale: Locale): string {
  if (locale !== 'fr') return formatter.format(instant);
  return formatter
    .formatToParts(instant)
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}

// "mardi 3 décembre", "mardi 1er décembre": the one way the site writes a day.
export function formatDay(instant: Date, locale: Locale = 'fr'): string {
  return withOrdinalFirst(dayFormatters[locale], instant, locale);
}

// "mardi 3 décembre, 14 h – 16 h"
export function formatSessionTime(startsAt: Date, endsAt: Date, locale: Locale = 'fr'): string {
  return `${formatDay(startsAt, locale)}, ${formatTime(startsAt, locale)} – ${formatTime(endsAt, locale)}`;
}

// "1 h 30", "45 min", "2 h"
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

// "décembre 2026" for a Paris calendar month.
export function formatMonth({ year, month }: { year: number; month: number }, locale: Locale = 'fr'): string {
  // Noon UTC on the 15th is the same month in every time zone.
  const instant = new Date(Date.UTC(year, month - 1, 15, 12));
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: TIME_ZONE, month: 'long', year: 'numeric' }).format(instant);
}

const longDayFormatters: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
};

// "mardi 3 décembre 2026", for documents kept longer than a season (sheets, certificates).
export function formatDayWithYear(instant: Date, locale: Locale = 'fr'): string {
  return withOrdinalFirst(longDayFormatters[locale], instant, locale);
}
