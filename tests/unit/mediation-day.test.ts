import { describe, expect, it } from 'vitest';
import { splitToday, stateToday } from '@/lib/places/today';
import { parisToUtc } from '@/lib/time';

const at = (day: number, hour: number, minute = 0) => parisToUtc({ year: 2026, month: 12, day, hour, minute });
const session = (id: string, day: number, from: number, to: number, closed = false) => ({ id, startsAt: at(day, from), endsAt: at(day, to), closed });

describe("the mediator's day", () => {
  const now = at(3, 14, 30);

  it('tells a session under way, one still to come today, and a finished one still to close', () => {
    expect(stateToday(session('a', 3, 14, 16), now)).toBe('in-progress');
    expect(stateToday(session('b', 3, 17, 18), now)).toBe('later-today');
    expect(stateToday(session('c', 3, 9, 11), now)).toBe('to-close');
    expect(stateToday(session('d', 3, 9, 11, true), now)).toBeNull();
    // Closed early, while it still runs.
    expect(stateToday(session('d2', 3, 14, 16, true), now)).toBeNull();
    expect(stateToday(session('e', 4, 9, 11), now)).toBeNull();
    expect(stateToday(session('f', 2, 14, 16), now)).toBeNull();
  });

  it('knows the Paris day, not the UTC one: 00:30 in Paris is still "today" though it is yesterday in UTC', () => {
    const early = { id: 'g', startsAt: at(3, 0, 30), endsAt: at(3, 1, 30), closed: false };
    expect(stateToday(early, at(3, 0, 45))).toBe('in-progress');
    expect(stateToday(early, at(2, 23, 0))).toBeNull();
  });

  it('puts the session under way first, then the next ones by time, then those to close', () => {
    const { today, rest } = splitToday([session('later', 3, 17, 18), session('tomorrow', 4, 9, 11), session('morning', 3, 9, 11), session('now', 3, 14, 16), session('evening', 3, 15, 16)], now);
    expect(today.map((s) => [s.id, s.state])).toEqual([
      ['now', 'in-progress'],
      ['evening', 'later-today'],
      ['later', 'later-today'],
      ['morning', 'to-close'],
    ]);
    expect(rest.map((s) => s.id)).toEqual(['tomorrow']);
  });
});
