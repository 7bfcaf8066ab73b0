import 'server-only';
import { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation';
import { parisToUtc, toParisWallClock } from '@/lib/time';

// A period of statistics: whole days of the Paris calendar, both ends included ("AAAA-MM-JJ").
export type Period = { from: string; to: string };

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

export function parisToday(now: Date): string {
  const w = toParisWallClock(now);
  return ymd(w.year, w.month, w.day);
}

function parts(date: string) {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function monthStart(date: string, monthsBack: number): string {
  const { year, month } = parts(date);
  const index = year * 12 + (month - 1) - monthsBack;
  return ymd(Math.floor(index / 12), (index % 12) + 1, 1);
}

// The presets of the period form. "Les 12 derniers mois" is the default: the current month and
// the eleven before it, so the trend shows twelve whole (or current) months.
export function periodPresets(now: Date): { last12Months: Period; thisMonth: Period; thisYear: Period } {
  const today = parisToday(now);
  return {
    last12Months: { from: monthStart(today, 11), to: today },
    thisMonth: { from: monthStart(today, 0), to: today },
    thisYear: { from: `${today.slice(0, 4)}-01-01`, to: today },
  };
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

const MAX_DAYS = 5 * 366;
const dayNumber = (date: string) => Date.UTC(parts(date).year, parts(date).month - 1, parts(date).day) / 86_400_000;

export const periodQuerySchema = z
  .object({
    from: z.iso.date({ error: 'La date de début doit être une date valide (AAAA-MM-JJ).' }).optional().describe('Premier jour inclus (AAAA-MM-JJ)'),
    to: z.iso.date({ error: 'La date de fin doit être une date valide (AAAA-MM-JJ).' }).optional().describe('Dernier jour inclus (AAAA-MM-JJ)'),
  })
  .superRefine((p, ctx) => {
    if (p.from && p.to && p.from > p.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'La date de fin doit venir après la date de début.' });
    else if (p.from && p.to && dayNumber(p.to) - dayNumber(p.from) > MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'La période ne peut pas dépasser 5 ans.' });
  });

// From/to of a URL or an API call; a missing end is filled from the default period.
export function resolvePeriod(input: { from?: unknown; to?: unknown }, now: Date): Period {
  const parsed = periodQuerySchema.safeParse({ from: input.from || undefined, to: input.to || undefined });
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error), 'La période est à corriger.');
  const fallback = periodPresets(now).last12Months;
  const from = parsed.data.from ?? (parsed.data.to && parsed.data.to < fallback.from ? monthStart(parsed.data.to, 11) : fallback.from);
  const to = parsed.data.to ?? (parsed.data.from && parsed.data.from > fallback.to ? parsed.data.from : fallback.to);
  if (from > to) throw new ValidationError({ to: ['La date de fin doit venir après la date de début.'] }, 'La période est à corriger.');
  return { from, to };
}

// The UTC instants that bound the period: Paris midnight of `from`, Paris midnight after `to`.
export function periodInstants(period: Period): { start: Date; end: Date } {
  const f = parts(period.from);
  const t = parts(period.to);
  const after = new Date(Date.UTC(t.year, t.month - 1, t.day + 1));
  return {
    start: parisToUtc({ ...f, hour: 0, minute: 0 }),
    end: parisToUtc({ year: after.getUTCFullYear(), month: after.getUTCMonth() + 1, day: after.getUTCDate(), hour: 0, minute: 0 }),
  };
}

// "2026-01", "2026-02"… every month the period touches.
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  const f = parts(period.from);
  const t = parts(period.to);
  for (let i = f.year * 12 + f.month - 1; i <= t.year * 12 + t.month - 1; i++) months.push(`${Math.floor(i / 12)}-${pad((i % 12) + 1)}`);
  return months;
}
