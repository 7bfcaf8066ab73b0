import { addDays, parisToUtc } from '@/lib/time';

// Expanding a repeat rule into dated sessions. Pure: no database, no clock. Dates and times are
// Europe/Paris wall clock, so a 14:00 session stays at 14:00 on both sides of the daylight-saving
// changes (its UTC instant moves by an hour instead).

export type LocalDate = { year: number; month: number; day: number };
export type LocalTime = { hour: number; minute: number };
// ISO weekdays: 1 = Monday … 7 = Sunday. An empty list means "the weekday of the first date".
export type RepeatRule = { weekdays: readonly number[]; everyWeeks: number; until: LocalDate };
export type Occurrence = { date: LocalDate; startsAt: Date; endsAt: Date };

export function isoWeekday(date: LocalDate): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

// The calendar days of a series: from `first` (included if it falls on one of the weekdays) to
// `until` (included), on the given weekdays of every `everyWeeks`-th week, weeks starting on
// Monday and counted from the week of `first`.
export function occurrenceDates(first: LocalDate, repeat?: RepeatRule): LocalDate[] {
  if (!repeat) return [first];
  if (!Number.isInteger(repeat.everyWeeks) || repeat.everyWeeks < 1) throw new RangeError('everyWeeks must be a positive integer');
  const weekdays = new Set(repeat.weekdays.length > 0 ? repeat.weekdays : [isoWeekday(first)]);
  const firstMonday = addDays(first, 1 - isoWeekday(first));
  const dates: LocalDate[] = [];
  for (let week = 0; compareDates(addDays(firstMonday, week * 7), repeat.until) <= 0; week += repeat.everyWeeks) {
    for (let offset = 0; offset < 7; offset++) {
      const day = addDays(firstMonday, week * 7 + offset);
      if (weekdays.has(offset + 1) && compareDates(day, first) >= 0 && compareDates(day, repeat.until) <= 0) dates.push(day);
    }
  }
  return dates;
}

// Each day of the series with its start and end as UTC instants.
export function expandSessions(input: { date: LocalDate; start: LocalTime; end: LocalTime; repeat?: RepeatRule }): Occurrence[] {
  return occurrenceDates(input.date, input.repeat).map((date) => ({
    date,
    startsAt: parisToUtc({ ...date, ...input.start }),
    endsAt: parisToUtc({ ...date, ...input.end }),
  }));
}
