import { formatSessionTime, formatTime } from '@/lib/format/dates';
import { formatCalendarDate } from '@/lib/format/numbers';
import { parseParisDate } from '@/lib/time';
import type { Locale, Translate } from '@/lib/i18n';

// "3 places libres", "1 place libre", "Complet — liste d’attente".
export function seatsText(t: Translate, seatsLeft: number): string {
  if (seatsLeft <= 0) return t('catalogue.full');
  return t('catalogue.seatsLeft', { count: seatsLeft });
}

// "9 h 30" and "2:00 pm" never broken apart at the end of a line.
const keepTogether = (text: string) =>
  text.replace(/(\d) h(?: (\d\d))?/g, (_, hour: string, minutes?: string) => (minutes ? `${hour}\u00a0h\u00a0${minutes}` : `${hour}\u00a0h`)).replace(/(\d) (am|pm)/g, '$1\u00a0$2');

// "lundi 7 décembre, 9 h 30 – 11 h 30", for a web page.
export function whenText(startsAt: Date, endsAt: Date, locale: Locale): string {
  return keepTogether(formatSessionTime(startsAt, endsAt, locale));
}

// "14 h – 16 h", for a session page.
export function hoursText(startsAt: Date, endsAt: Date, locale: Locale): string {
  return keepTogether(`${formatTime(startsAt, locale)} – ${formatTime(endsAt, locale)}`);
}

// "2026-12-01" (a date field) → "1er décembre 2026".
export function dateText(value: string, locale: Locale): string {
  return parseParisDate(value) ? formatCalendarDate(value, locale) : value;
}
