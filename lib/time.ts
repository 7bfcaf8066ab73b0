import 'server-only';

// Sessions live in Europe/Paris wall-clock time; the database stores UTC instants.
export const TIME_ZONE = 'Europe/Paris';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

export function toParisWallClock(instant: Date): WallClock & { weekday: number } {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const wall = {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
  // 0 = Sunday … 6 = Saturday, of the Paris calendar day.
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  return { ...wall, weekday };
}

function offsetMinutesAt(instant: Date): number {
  const w = toParisWallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

// The UTC instant at which Paris clocks show this wall-clock time. A time skipped by the spring
// change (02:30 on the last Sunday of March) moves forward an hour, as clocks do.
export function parisToUtc({ year, month, day, hour, minute }: WallClock): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let guess = new Date(naive - offsetMinutesAt(new Date(naive)) * 60000);
  const corrected = new Date(naive - offsetMinutesAt(guess) * 60000);
  if (corrected.getTime() !== guess.getTime()) guess = corrected;
  return guess;
}

// Adds whole days to a Paris calendar date (no time-of-day involved).
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// ISO 8601 with the Paris offset, as the API sends instants: "2026-12-01T14:00:00+01:00".
export function toParisIso(instant: Date): string {
  const w = toParisWallClock(instant);
  const offset = offsetMinutesAt(instant);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(instant.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// A Paris calendar date "2026-12-01" as { year, month, day }, or null when it is not a real date.
export function parseParisDate(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

// Midnight in Paris at the start of that calendar date.
export function parisStartOfDay(date: { year: number; month: number; day: number }): Date {
  return parisToUtc({ ...date, hour: 0, minute: 0 });
}
