import { describe, expect, it } from 'vitest';
import { formatDay, formatDayWithYear, formatDuration, formatSessionTime } from '@/lib/format/dates';
import { parisToUtc, toParisWallClock } from '@/lib/time';

describe('Paris wall-clock time', () => {
  it('stores a 14:00 winter session as 13:00 UTC and a summer one as 12:00 UTC', () => {
    expect(parisToUtc({ year: 2026, month: 12, day: 1, hour: 14, minute: 0 }).toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(parisToUtc({ year: 2026, month: 7, day: 7, hour: 14, minute: 0 }).toISOString()).toBe('2026-07-07T12:00:00.000Z');
  });

  it('keeps 14:00 on both sides of the last Sunday of March and of October', () => {
    for (const [month, day] of [
      [3, 28],
      [3, 29],
      [3, 30],
      [10, 24],
      [10, 25],
      [10, 26],
    ] as const) {
      const instant = parisToUtc({ year: 2026, month, day, hour: 14, minute: 0 });
      expect(toParisWallClock(instant)).toMatchObject({ month, day, hour: 14, minute: 0 });
    }
  });

  it('moves a time skipped by the spring change forward, as clocks do', () => {
    const instant = parisToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 });
    expect(toParisWallClock(instant)).toMatchObject({ hour: 3, minute: 30 });
  });
});

describe('dates written out for people', () => {
  it('writes a session as "mardi 1er décembre, 14 h – 16 h 30"', () => {
    const start = parisToUtc({ year: 2026, month: 12, day: 1, hour: 14, minute: 0 });
    const end = parisToUtc({ year: 2026, month: 12, day: 1, hour: 16, minute: 30 });
    expect(formatSessionTime(start, end)).toBe('mardi 1er décembre, 14 h – 16 h 30');
    expect(formatSessionTime(start, end, 'en')).toBe('Tuesday 1 December, 2:00 pm – 4:30 pm');
  });

  it('writes only the first of the month as an ordinal, with or without the year', () => {
    const first = parisToUtc({ year: 2027, month: 1, day: 1, hour: 10, minute: 0 });
    const eleventh = parisToUtc({ year: 2027, month: 1, day: 11, hour: 10, minute: 0 });
    expect(formatDay(first)).toBe('vendredi 1er janvier');
    expect(formatDay(eleventh)).toBe('lundi 11 janvier');
    expect(formatDayWithYear(first)).toBe('vendredi 1er janvier 2027');
    expect(formatDay(first, 'en')).toBe('Friday 1 January');
  });

  it('writes durations in hours and minutes', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(90)).toBe('1 h 30');
    expect(formatDuration(120)).toBe('2 h');
  });
});
