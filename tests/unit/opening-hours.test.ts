import { describe, expect, it } from 'vitest';
import { describeOpeningHours, formatDays, openingLineText, parseOpeningHours } from '@/lib/places/opening-hours';

// What a visitor reads for a stored opening_hours text, one line per group of days.
const french = (text: string) => {
  const result = describeOpeningHours(text, 'fr');
  if (!result) return null;
  return result.understood ? result.lines.map((l) => openingLineText(l, 'fr')) : { raw: result.raw };
};

describe('opening hours written in plain French', () => {
  it.each<[string, string[]]>([
    [
      'Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00',
      ['du lundi au vendredi : 9 h – 12 h et 14 h – 18 h', 'samedi : 9 h – 12 h', 'les autres jours : fermé'],
    ],
    ['Tu,Th 14:00-18:00', ['mardi et jeudi : 14 h – 18 h', 'les autres jours : fermé']],
    ['Mo-Th 14:00-17:30; Fr 09:00-12:00', ['du lundi au jeudi : 14 h – 17 h 30', 'vendredi : 9 h – 12 h', 'les autres jours : fermé']],
    ['Tu-Sa 10:00-12:30,14:00-18:00', ['du mardi au samedi : 10 h – 12 h 30 et 14 h – 18 h', 'les autres jours : fermé']],
    ['Mo,We,Fr 09:00-12:00,13:30-17:00', ['lundi, mercredi et vendredi : 9 h – 12 h et 13 h 30 – 17 h', 'les autres jours : fermé']],
    ['We 09:00-12:00; Sa 09:00-12:00', ['mercredi et samedi : 9 h – 12 h', 'les autres jours : fermé']],
    ['Mo-Su 08:00-20:00', ['tous les jours : 8 h – 20 h']],
    ['10:00-18:00', ['tous les jours : 10 h – 18 h']],
    ['24/7', ['tous les jours : 24 h sur 24']],
    ['off', ['tous les jours : fermé']],
    ['closed', ['tous les jours : fermé']],
    ['Mo,Tu 09:00-12:00', ['lundi et mardi : 9 h – 12 h', 'les autres jours : fermé']],
    ['Mo-We,Fr 09:00-12:00', ['du lundi au mercredi et vendredi : 9 h – 12 h', 'les autres jours : fermé']],
    ['Mo 08:00-09:00,10:00-11:00,14:00-15:00', ['lundi : 8 h – 9 h, 10 h – 11 h et 14 h – 15 h', 'les autres jours : fermé']],
    ['Fr 18:00-24:00', ['vendredi : 18 h – 24 h', 'les autres jours : fermé']],
    ['Sa 22:00-02:00', ['samedi : 22 h – 2 h', 'les autres jours : fermé']],
    ['Sa 9:00-12:00', ['samedi : 9 h – 12 h', 'les autres jours : fermé']],
  ])('"%s"', (text, lines) => {
    expect(french(text)).toEqual(lines);
  });

  it('lets a later rule replace the hours of the days it names, as OpenStreetMap does', () => {
    expect(french('Mo-Fr 09:00-18:00; We off')).toEqual(['lundi, mardi, jeudi et vendredi : 9 h – 18 h', 'les autres jours : fermé']);
    expect(french('Mo-Sa 09:00-12:00; Sa 10:00-11:00')).toEqual(['du lundi au vendredi : 9 h – 12 h', 'samedi : 10 h – 11 h', 'les autres jours : fermé']);
  });

  it('says when the place is closed on public holidays', () => {
    expect(french('Mo-Fr 09:00-17:00; PH off')).toEqual(['du lundi au vendredi : 9 h – 17 h', 'les autres jours : fermé', 'jours fériés : fermé']);
    expect(french('PH off')).toEqual(['tous les jours : fermé', 'jours fériés : fermé']);
    expect(french('Mo-Sa 09:00-18:00; Su,PH off')).toEqual(['du lundi au samedi : 9 h – 18 h', 'les autres jours : fermé', 'jours fériés : fermé']);
    expect(french('Mo-Fr 09:00-18:00; PH 10:00-12:00')).toEqual(['du lundi au vendredi : 9 h – 18 h', 'les autres jours : fermé', 'jours fériés : 10 h – 12 h']);
  });

  it('forgives extra spaces and a trailing semicolon', () => {
    expect(french(' Mo-Fr  09:00-12:00, 14:00-18:00 ;  Sa 09:00-12:00; ')).toEqual(french('Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00'));
    expect(french('Mo - Fr 09:00 - 12:00')).toEqual(['du lundi au vendredi : 9 h – 12 h', 'les autres jours : fermé']);
  });

  it('follows a weekday range that wraps around the week', () => {
    expect(french('Sa-Mo 10:00-12:00')).toEqual(['lundi, samedi et dimanche : 10 h – 12 h', 'les autres jours : fermé']);
  });

  it('puts the days back in weekday order, whatever the order of the rules', () => {
    expect(french('Sa 09:00-12:00; Mo-Fr 14:00-18:00')).toEqual(['du lundi au vendredi : 14 h – 18 h', 'samedi : 9 h – 12 h', 'les autres jours : fermé']);
  });

  it.each([
    'Mo-Fr 09:00-12:00 "sur rendez-vous"',
    'Jan-Jun Mo-Fr 09:00-12:00',
    'Mo[1] 10:00-12:00',
    'Mo-Fr sunrise-sunset',
    'Mo-Fr 10:00+',
    'week 1-20 Mo 10:00-12:00',
    'Mo-Fr 09:00-12:00 || "sur rendez-vous"',
    'Mo-Fr 09:00-12:00 Sa 10:00-12:00',
    'Lu-Ve 9h-12h',
    'Mo-Fr 25:00-26:00',
    'Mo-Fr 09:60-12:00',
    'Mo-Fr 12:00-12:00',
    'Mo-Fr 09:00',
    'SH off',
    'Mo;;Tu 10:00-12:00',
    'sur rendez-vous',
  ])('shows "%s" as written, because it is not understood', (text) => {
    expect(french(text)).toEqual({ raw: text });
  });

  it('has nothing to show when no hours are stored', () => {
    expect(describeOpeningHours(null)).toBeNull();
    expect(describeOpeningHours('')).toBeNull();
    expect(describeOpeningHours('   ')).toBeNull();
  });
});

describe('opening hours in English', () => {
  it('names the days and uses a 24-hour clock', () => {
    const result = describeOpeningHours('Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-12:00; PH off', 'en');
    expect(result?.understood && result.lines.map((l) => openingLineText(l, 'en'))).toEqual([
      'Monday to Friday: 9:00 – 12:00 and 14:00 – 18:30',
      'Saturday: 9:00 – 12:00',
      'other days: closed',
      'public holidays: closed',
    ]);
  });
});

describe('parsing opening hours', () => {
  it('gives the time ranges of each weekday, Monday first', () => {
    const parsed = parseOpeningHours('Tu,Th 14:00-18:00');
    expect(parsed.ok && parsed.schedule.days).toEqual([[], [{ start: 840, end: 1080 }], [], [{ start: 840, end: 1080 }], [], [], []]);
    expect(parsed.ok && parsed.schedule.holidays).toBeNull();
  });

  it('sorts the ranges of a day', () => {
    const parsed = parseOpeningHours('Mo 14:00-18:00,09:00-12:00');
    expect(parsed.ok && parsed.schedule.days[0]).toEqual([
      { start: 540, end: 720 },
      { start: 840, end: 1080 },
    ]);
  });
});

describe('naming groups of days', () => {
  it.each<[number[], string]>([
    [[0, 1, 2, 3, 4, 5, 6], 'tous les jours'],
    [[0, 1, 2, 3, 4], 'du lundi au vendredi'],
    [[5, 6], 'samedi et dimanche'],
    [[2], 'mercredi'],
    [[0, 2, 3, 4, 6], 'lundi, du mercredi au vendredi et dimanche'],
  ])('%j → %s', (days, words) => {
    expect(formatDays(days, 'fr')).toBe(words);
  });
});
