import { describe, expect, it } from 'vitest';
import { evaluateCheckIn, type CheckInSession } from '@/lib/attendance/check-in';
import { formatCertificateCode, randomCode } from '@/lib/attendance/codes';
import { rosterCsv } from '@/lib/attendance/csv';
import type { Roster } from '@/lib/attendance/roster';
import { certificateCodeSchema, checkInSchema, CODE_ALPHABET, markAttendanceSchema } from '@/lib/attendance/schema';
import { openApiDocument } from '@/lib/openapi';

// Tuesday 1 December 2026, 14:00–16:00 in Saint-Étienne (13:00–15:00 UTC).
const START = new Date('2026-12-01T13:00:00Z');
const at = (minutesFromStart: number) => new Date(START.getTime() + minutesFromStart * 60000);
const session: CheckInSession = {
  id: 's',
  workshopTitle: 'Débuter avec son smartphone',
  placeName: 'Au Comptoir Numérique',
  startsAt: START,
  endsAt: at(120),
  status: 'scheduled',
  closedAt: null,
  selfCheckIn: true,
  lateAfterMinutes: 15,
  walkInsAllowed: false,
};
const signedUp = { confirmed: true, current: null };
const stranger = { confirmed: false, current: null };

describe('self check-in rules', () => {
  it('opens 15 minutes before the start and closes at the end', () => {
    expect(evaluateCheckIn(session, signedUp, at(-16))).toMatchObject({ ok: false, reason: 'too-early', message: 'Le pointage ouvre à 13 h 45, 15 minutes avant le début de l’atelier.' });
    expect(evaluateCheckIn(session, signedUp, at(-15))).toMatchObject({ ok: true, status: 'present' });
    expect(evaluateCheckIn(session, signedUp, at(120))).toMatchObject({ ok: true });
    expect(evaluateCheckIn(session, signedUp, at(121))).toMatchObject({ ok: false, reason: 'too-late' });
  });

  it('names the day when the session is not today', () => {
    const verdict = evaluateCheckIn(session, signedUp, at(-24 * 60));
    expect(verdict).toMatchObject({ ok: false, message: 'Le pointage ouvre le mardi 1er décembre à 13 h 45, 15 minutes avant le début de l’atelier.' });
  });

  it('marks late after the set delay, present up to it', () => {
    expect(evaluateCheckIn(session, signedUp, at(15))).toMatchObject({ ok: true, status: 'present' });
    expect(evaluateCheckIn(session, signedUp, at(16))).toMatchObject({ ok: true, status: 'late' });
    expect(evaluateCheckIn({ ...session, lateAfterMinutes: 0 }, signedUp, at(1))).toMatchObject({ status: 'late' });
  });

  it('lets people who did not sign up in only when the session allows walk-ins, as walk-ins', () => {
    expect(evaluateCheckIn(session, stranger, at(0))).toMatchObject({ ok: false, reason: 'not-signed-up', httpStatus: 403 });
    expect(evaluateCheckIn({ ...session, walkInsAllowed: true }, stranger, at(0))).toMatchObject({ ok: true, status: 'present', walkIn: true });
    // Added at the door by the mediator already: on the list, so allowed.
    expect(evaluateCheckIn(session, { confirmed: false, current: { status: 'unmarked', walkIn: true } }, at(0))).toMatchObject({ ok: true, walkIn: true });
  });

  it('keeps an earlier present or late mark, and upgrades an absence marked too early', () => {
    expect(evaluateCheckIn(session, { confirmed: true, current: { status: 'present', walkIn: false } }, at(60))).toMatchObject({ ok: true, status: 'present', alreadyMarked: true });
    expect(evaluateCheckIn(session, { confirmed: true, current: { status: 'absent', walkIn: false } }, at(20))).toMatchObject({ ok: true, status: 'late', alreadyMarked: false });
  });

  it('is refused when turned off, on a cancelled session and on a closed one', () => {
    expect(evaluateCheckIn({ ...session, selfCheckIn: false }, signedUp, at(0))).toMatchObject({ ok: false, reason: 'disabled' });
    expect(evaluateCheckIn({ ...session, status: 'cancelled' }, signedUp, at(0))).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(evaluateCheckIn({ ...session, status: 'done', closedAt: at(30) }, signedUp, at(31))).toMatchObject({ ok: false, reason: 'closed' });
  });
});

describe('codes', () => {
  it('draws codes of the asked length from the unambiguous alphabet only', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = randomCode(10);
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
      seen.add(code);
    }
    expect(seen.size).toBe(2000);
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('reads codes typed with spaces, dashes or small letters, and refuses the rest', () => {
    expect(checkInSchema.parse({ code: ' k7m x3p ' }).code).toBe('K7MX3P');
    expect(checkInSchema.safeParse({ code: 'K7MX3' }).success).toBe(false);
    expect(checkInSchema.safeParse({ code: 'O0I1L5' }).success).toBe(false);
    expect(certificateCodeSchema.parse('abcde-23456')).toBe('ABCDE23456');
    expect(formatCertificateCode('ABCDE23456')).toBe('ABCDE-23456');
  });
});

describe('marking input', () => {
  it('takes a list of { personId, status } with the API codes', () => {
    expect(markAttendanceSchema.safeParse([{ personId: '00000000-0000-4000-8000-000000000000', status: 'excused' }]).success).toBe(true);
    const bad = markAttendanceSchema.safeParse([{ personId: '00000000-0000-4000-8000-000000000000', status: 'Présent' }]);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/unmarked, present, late, excused ou absent/);
  });
});

describe('roster CSV', () => {
  it('has French headers and labels, and cannot smuggle a spreadsheet formula or split a cell', () => {
    const roster = {
      session: {},
      waitlist: [],
      counts: {},
      people: [
        { personId: 'a', name: '=HYPERLINK("x")', status: 'present', walkIn: false, enrolled: true, markedAt: new Date('2026-12-01T13:05:00Z'), noShows: 2 },
        { personId: 'b', name: 'Dupont; Marie', status: 'unmarked', walkIn: true, enrolled: false, markedAt: null, noShows: 0 },
      ],
    } as unknown as Roster;
    const [header, first, second] = rosterCsv(roster).replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Nom;Statut;Inscription;Venu sans inscription;Absences sans prévenir (autres séances);Noté le');
    expect(first).toBe(`"'=HYPERLINK(""x"")";Présent;Confirmée;non;2;01/12/2026 14:05`);
    expect(second).toBe('"Dupont; Marie";Non renseigné;;oui;0;');
  });
});

describe('OpenAPI document', () => {
  it('describes the attendance routes, with the PUT body as a list of { personId, status }', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { type?: string; items?: { required?: string[] } } }> } }>>;
    for (const path of ['/api/v1/sessions/{id}/attendance', '/api/v1/sessions/{id}/attendance.csv', '/api/v1/sessions/{id}/sign-in-sheet.pdf', '/api/v1/sessions/{id}/certificate.pdf']) {
      expect(paths[path], path).toBeDefined();
    }
    const body = paths['/api/v1/sessions/{id}/attendance']!.put!.requestBody!.content['application/json']!.schema;
    expect(body.type).toBe('array');
    expect(body.items?.required?.sort()).toEqual(['personId', 'status']);
  });
});
