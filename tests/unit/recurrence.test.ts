import { describe, expect, it } from 'vitest';
import { expandSessions, occurrenceDates } from '@/lib/catalogue/recurrence';
import { toParisWallClock } from '@/lib/time';

const d = (year: number, month: number, day: number) => ({ year, month, day });
const iso = (dates: { year: number; month: number; day: number }[]) => dates.map((x) => `${x.year}-${String(x.month).padStart(2, '0')}-${String(x.day).padStart(2, '0')}`);

describe('repeating sessions', () => {
  it('keeps a Tuesday 14:00 session at 14:00 in Paris across the last Sunday of March', () => {
    const sessions = expandSessions({
      date: d(2026, 3, 17),
      start: { hour: 14, minute: 0 },
      end: { hour: 16, minute: 0 },
      repeat: { weekdays: [2], everyWeeks: 1, until: d(2026, 4, 7) },
    });
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-03-17T13:00:00.000Z',
      '2026-03-24T13:00:00.000Z',
      // Summer time from Sunday 29 March: same wall clock, one hour earlier in UTC.
      '2026-03-31T12:00:00.000Z',
      '2026-04-07T12:00:00.000Z',
    ]);
    for (const s of sessions) {
      expect(toParisWallClock(s.startsAt)).toMatchObject({ hour: 14, minute: 0, weekday: 2 });
      expect(toParisWallClock(s.endsAt)).toMatchObject({ hour: 16, minute: 0 });
    }
  });

  it('keeps a 9:30 session at 9:30 across the last Sunday of October, on Saturdays and Mondays', () => {
    const sessions = expandSessions({
      date: d(2026, 10, 17),
      start: { hour: 9, minute: 30 },
      end: { hour: 11, minute: 0 },
      repeat: { weekdays: [6, 1], everyWeeks: 1, until: d(2026, 11, 2) },
    });
    expect(iso(sessions.map((s) => s.date))).toEqual(['2026-10-17', '2026-10-19', '2026-10-24', '2026-10-26', '2026-10-31', '2026-11-02']);
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-10-17T07:30:00.000Z',
      '2026-10-19T07:30:00.000Z',
      '2026-10-24T07:30:00.000Z',
      // Winter time from Sunday 25 October.
      '2026-10-26T08:30:00.000Z',
      '2026-10-31T08:30:00.000Z',
      '2026-11-02T08:30:00.000Z',
    ]);
    for (const s of sessions) expect(toParisWallClock(s.startsAt)).toMatchObject({ hour: 9, minute: 30 });
  });

  it('repeats every other week on the chosen weekdays, counting weeks from the first date', () => {
    const dates = occurrenceDates(d(2026, 1, 5), { weekdays: [1, 4], everyWeeks: 2, until: d(2026, 2, 5) });
    expect(iso(dates)).toEqual(['2026-01-05', '2026-01-08', '2026-01-19', '2026-01-22', '2026-02-02', '2026-02-05']);
  });

  it('starts on the first chosen weekday on or after the first date', () => {
    // 2026-01-06 is a Tuesday; only Thursdays are chosen.
    expect(iso(occurrenceDates(d(2026, 1, 6), { weekdays: [4], everyWeeks: 1, until: d(2026, 1, 20) }))).toEqual(['2026-01-08', '2026-01-15']);
  });

  it('repeats on the weekday of the first date when no weekday is chosen', () => {
    expect(iso(occurrenceDates(d(2026, 1, 6), { weekdays: [], everyWeeks: 1, until: d(2026, 1, 20) }))).toEqual(['2026-01-06', '2026-01-13', '2026-01-20']);
  });

  it('gives one date without a repeat, and none when the end comes before the start', () => {
    expect(iso(occurrenceDates(d(2026, 1, 6)))).toEqual(['2026-01-06']);
    expect(occurrenceDates(d(2026, 1, 6), { weekdays: [2], everyWeeks: 1, until: d(2026, 1, 5) })).toEqual([]);
  });

  it('crosses the end of a year and a leap day', () => {
    expect(iso(occurrenceDates(d(2027, 12, 27), { weekdays: [1], everyWeeks: 1, until: d(2028, 1, 10) }))).toEqual(['2027-12-27', '2028-01-03', '2028-01-10']);
    expect(iso(occurrenceDates(d(2028, 2, 28), { weekdays: [2], everyWeeks: 1, until: d(2028, 3, 1) }))).toEqual(['2028-02-29']);
  });
});
