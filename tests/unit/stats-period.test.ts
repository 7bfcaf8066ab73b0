import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/export/csv';
import { ValidationError } from '@/lib/errors';
import { monthsOf, periodInstants, periodPresets, resolvePeriod } from '@/lib/stats/period';
import { durationBandOf } from '@/lib/vocabulary';

describe('statistics periods', () => {
  // 15 March 2026, 00:30 in Paris (still the 14th in UTC).
  const now = new Date('2026-03-14T23:30:00Z');

  it('offers this month, this year and the last twelve months, in Paris days', () => {
    expect(periodPresets(now)).toEqual({
      thisMonth: { from: '2026-03-01', to: '2026-03-15' },
      thisYear: { from: '2026-01-01', to: '2026-03-15' },
      last12Months: { from: '2025-04-01', to: '2026-03-15' },
    });
  });

  it('defaults to the last twelve months and refuses an end before the start', () => {
    expect(resolvePeriod({}, now)).toEqual({ from: '2025-04-01', to: '2026-03-15' });
    expect(resolvePeriod({ from: '2026-02-01' }, now)).toEqual({ from: '2026-02-01', to: '2026-03-15' });
    const error = (() => {
      try {
        resolvePeriod({ from: '2026-03-01', to: '2026-02-01' }, now);
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.fieldErrors!.to).toEqual(['La date de fin doit venir après la date de début.']);
    expect(() => resolvePeriod({ from: '31/12/2025' }, now)).toThrow(ValidationError);
    expect(() => resolvePeriod({ from: '2015-01-01', to: '2026-01-01' }, now)).toThrow(expect.objectContaining({ fieldErrors: { to: ['La période ne peut pas dépasser 5 ans.'] } }));
  });

  it('bounds a period by Paris midnights, across a daylight-saving change', () => {
    expect(periodInstants({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ start: new Date('2026-02-28T23:00:00Z'), end: new Date('2026-03-31T22:00:00Z') });
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('puts durations in the bands of the national practice', () => {
    expect([15, 29, 30, 60, 61, 120, 121].map(durationBandOf)).toEqual(['under-30', 'under-30', '30-60', '30-60', '60-120', '60-120', 'over-120']);
  });
});

describe('CSV for French spreadsheets', () => {
  it('uses a byte-order mark, semicolons, decimal commas, quotes, and defuses formulas', () => {
    expect(toCsv([['Nom', 'Valeur'], ['A; B', 2.5], ['=1+1', null], ['dit "oui"', 3]])).toBe('\uFEFFNom;Valeur\r\n"A; B";2,5\r\n\'=1+1;\r\n"dit ""oui""";3\r\n');
  });
});
