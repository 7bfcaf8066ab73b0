import 'server-only';
import type { Locale } from '@/lib/i18n';

// Opening hours of places are stored in the OpenStreetMap `opening_hours` syntax
// (https://wiki.openstreetmap.org/wiki/Key:opening_hours), as the national standard asks. The
// `opening_hours` npm package evaluates the whole grammar but does not write sentences, so this
// module parses the subset that places actually use — weekday ranges and lists, time ranges,
// `off`/`closed`, `PH` (public holidays), `24/7` — and writes it in plain words, one line per
// group of days with the same hours. Anything else (months, week numbers, comments, sunrise…)
// is reported as not understood, and the page shows the text as it was written.

export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
type Weekday = (typeof WEEKDAYS)[number];

// Minutes since midnight; `end` may be 1440 ("24:00") or, for a range past midnight, smaller
// than `start`.
export type TimeRange = { start: number; end: number };

export type WeekSchedule = {
  // Index 0 = Monday … 6 = Sunday; an empty list means closed that day.
  days: TimeRange[][];
  // Public holidays: null when the text says nothing about them, [] when closed.
  holidays: TimeRange[] | null;
};

export type ParsedOpeningHours = { ok: true; schedule: WeekSchedule } | { ok: false; raw: string };

const TIME = /^(\d{1,2}):(\d{2})$/;

function parseTime(text: string): number | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

function parseTimes(text: string): TimeRange[] | null {
  const ranges: TimeRange[] = [];
  for (const part of text.split(',')) {
    const [from, to, ...rest] = part.trim().split('-');
    if (from === undefined || to === undefined || rest.length > 0) return null;
    const start = parseTime(from.trim());
    const end = parseTime(to.trim());
    if (start === null || end === null || start === end || start === 1440) return null;
    ranges.push({ start, end });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

const dayIndex = (code: string): number => WEEKDAYS.indexOf(code as Weekday);

// "Mo-Fr", "Mo,We,Fr", "Tu-Th,Sa", "PH", "Su,PH" → weekday indexes and whether PH is named.
function parseSelector(text: string): { days: number[]; holidays: boolean } | null {
  const days = new Set<number>();
  let holidays = false;
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === 'PH') {
      holidays = true;
      continue;
    }
    const [from, to, ...rest] = part.split('-');
    if (from === undefined || rest.length > 0) return null;
    const first = dayIndex(from);
    if (first < 0) return null;
    if (to === undefined) {
      days.add(first);
      continue;
    }
    const last = dayIndex(to);
    if (last < 0) return null;
    // "Sa-Mo" wraps around the week, as in OpenStreetMap.
    for (let i = first; ; i = (i + 1) % 7) {
      days.add(i);
      if (i === last) break;
    }
  }
  return { days: [...days].sort((a, b) => a - b), holidays };
}

const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

export function parseOpeningHours(text: string | null | undefined): ParsedOpeningHours {
  const raw = (text ?? '').trim();
  const fail = (): ParsedOpeningHours => ({ ok: false, raw });
  if (raw === '') return fail();
  const schedule: WeekSchedule = { days: ALL_DAYS.map(() => []), holidays: null };
  // Rules apply in order; a later rule replaces the hours of the days it names.
  const rules = raw.split(';').map((r) => r.trim());
  for (const [position, rule] of rules.entries()) {
    if (rule === '') {
      // A trailing ";" is harmless; an empty rule in the middle is not the syntax we know.
      if (position === rules.length - 1 && position > 0) continue;
      return fail();
    }
    if (rule === '24/7') {
      schedule.days = ALL_DAYS.map(() => [{ start: 0, end: 1440 }]);
      continue;
    }
    // "<selector> <times|off|closed>", "<times>" alone (every day) or "off" alone.
    const match = /^(?:([A-Za-z,\- ]+?)\s+)?([0-9:,\- ]+|off|closed)$/.exec(rule);
    if (!match) return fail();
    const selector = match[1] ? parseSelector(match[1].replace(/\s+/g, '')) : { days: ALL_DAYS, holidays: false };
    if (!selector) return fail();
    const value = match[2]!.trim();
    const times = value === 'off' || value === 'closed' ? [] : parseTimes(value);
    if (!times) return fail();
    for (const day of selector.days) schedule.days[day] = times;
    if (selector.holidays) schedule.holidays = times;
  }
  return { ok: true, schedule };
}

// ---- Writing it in plain words ----

const WORDS = {
  fr: {
    days: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
    everyDay: 'tous les jours',
    range: (a: string, b: string) => `du ${a} au ${b}`,
    and: ' et ',
    closed: 'fermé',
    otherDays: 'les autres jours',
    holidays: 'jours fériés',
    allDay: '24 h sur 24',
  },
  en: {
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    everyDay: 'every day',
    range: (a: string, b: string) => `${a} to ${b}`,
    and: ' and ',
    closed: 'closed',
    otherDays: 'other days',
    holidays: 'public holidays',
    allDay: 'open 24 hours',
  },
} as const;

function formatClock(minutes: number, locale: Locale): string {
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  if (locale === 'en') return `${hour}:${String(minute).padStart(2, '0')}`;
  return minute === 0 ? `${hour} h` : `${hour} h ${String(minute).padStart(2, '0')}`;
}

// "a", "a et b", "a, b et c"
function joinList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${WORDS[locale].and}${items.at(-1)}`;
}

export function formatTimeRanges(ranges: TimeRange[], locale: Locale = 'fr'): string {
  const words = WORDS[locale];
  if (ranges.length === 0) return words.closed;
  if (ranges.length === 1 && ranges[0]!.start === 0 && ranges[0]!.end === 1440) return words.allDay;
  return joinList(
    ranges.map((r) => `${formatClock(r.start, locale)} – ${formatClock(r.end, locale)}`),
    locale,
  );
}

// [0,1,2,3,4] → "du lundi au vendredi"; [1,3] → "mardi et jeudi"; [0,1,2,4] → "du lundi au
// mercredi et vendredi"; runs of two days are named one by one.
export function formatDays(days: number[], locale: Locale = 'fr'): string {
  const words = WORDS[locale];
  if (days.length === 7) return words.everyDay;
  const runs: number[][] = [];
  for (const day of [...days].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3 ? [words.range(words.days[run[0]!]!, words.days[run.at(-1)!]!)] : run.map((d) => words.days[d]!),
  );
  return joinList(parts, locale);
}

export type OpeningLine = { days: string; hours: string };

const sameRanges = (a: TimeRange[], b: TimeRange[]) =>
  a.length === b.length && a.every((r, i) => r.start === b[i]!.start && r.end === b[i]!.end);

// One line per group of days with the same hours, in weekday order of each group's first day;
// then the closed days (as "les autres jours" when some are open) and public holidays.
export function describeSchedule(schedule: WeekSchedule, locale: Locale = 'fr'): OpeningLine[] {
  const words = WORDS[locale];
  const groups: { days: number[]; ranges: TimeRange[] }[] = [];
  const closed: number[] = [];
  schedule.days.forEach((ranges, day) => {
    if (ranges.length === 0) {
      closed.push(day);
      return;
    }
    const group = groups.find((g) => sameRanges(g.ranges, ranges));
    if (group) group.days.push(day);
    else groups.push({ days: [day], ranges });
  });
  const lines: OpeningLine[] = groups.map((g) => ({ days: formatDays(g.days, locale), hours: formatTimeRanges(g.ranges, locale) }));
  if (closed.length === 7) lines.push({ days: words.everyDay, hours: words.closed });
  else if (closed.length > 0) lines.push({ days: words.otherDays, hours: words.closed });
  if (schedule.holidays) lines.push({ days: words.holidays, hours: formatTimeRanges(schedule.holidays, locale) });
  return lines;
}

export type OpeningHoursText = { understood: true; lines: OpeningLine[] } | { understood: false; raw: string };

// What a page shows: plain lines when the text is understood, the text itself otherwise.
export function describeOpeningHours(text: string | null | undefined, locale: Locale = 'fr'): OpeningHoursText | null {
  if (!text?.trim()) return null;
  const parsed = parseOpeningHours(text);
  return parsed.ok ? { understood: true, lines: describeSchedule(parsed.schedule, locale) } : { understood: false, raw: parsed.raw };
}

// "du lundi au vendredi : 9 h – 12 h et 14 h – 18 h" (French puts a space before the colon).
export function openingLineText(line: OpeningLine, locale: Locale = 'fr'): string {
  return locale === 'fr' ? `${line.days} : ${line.hours}` : `${line.days}: ${line.hours}`;
}
