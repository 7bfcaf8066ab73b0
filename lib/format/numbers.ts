import 'server-only';
import type { Locale } from '@/lib/i18n';

const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'fr-FR');

// "1 234" in French, "1,234" in English.
export const formatNumber = (n: number, locale: Locale = 'fr') => new Intl.NumberFormat(tag(locale)).format(n);

// 0.734 → "73 %" ("73%" in English).
export const formatPercent = (ratio: number, locale: Locale = 'fr') => new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: 0 }).format(ratio);

// 150 minutes → "2,5" hours.
export const formatHours = (minutes: number, locale: Locale = 'fr') => new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1 }).format(minutes / 60);

// "2026-03" → "mars 2026"
export function formatMonth(month: string, locale: Locale = 'fr'): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(tag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 15)));
}

// "2026-03-05" → "5 mars 2026"
// "2026-03-01" → "1er mars 2026"
export function formatCalendarDate(date: string, locale: Locale = 'fr'): string {
  const [year, m, d] = date.split('-').map(Number) as [number, number, number];
  const text = new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, d)));
  return locale === 'fr' && d === 1 ? text.replace(/^1 /, '1er ') : text;
}
