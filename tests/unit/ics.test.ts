import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toIcs } from '@/lib/calendar/ics';

describe('iCalendar export', () => {
  const ics = toIcs(
    [
      {
        uid: 'seance-1@comptoir',
        startsAt: new Date('2026-12-01T13:00:00Z'),
        endsAt: new Date('2026-12-01T15:00:00Z'),
        title: 'Débuter avec son smartphone',
        location: 'EPN de la médiathèque de Roanne, 4 place du Château, 42300 Roanne',
        description: 'Apportez votre téléphone; chargé, avec le code.\nÀ bientôt !'.repeat(3),
      },
    ],
    { now: new Date('2026-11-28T10:00:00Z') },
  );

  it('parses with a maintained iCalendar parser and keeps times, accents and punctuation', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe('seance-1@comptoir');
    expect(event.summary).toBe('Débuter avec son smartphone');
    expect(event.location).toBe('EPN de la médiathèque de Roanne, 4 place du Château, 42300 Roanne');
    expect(event.description).toContain('Apportez votre téléphone; chargé, avec le code.\nÀ bientôt !');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-01T15:00:00.000Z');
  });

  it('uses CRLF line endings and folds no line beyond 75 bytes', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });
});
