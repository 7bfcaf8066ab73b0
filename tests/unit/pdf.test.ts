import { describe, expect, it } from 'vitest';
import type { Certificate, RosterPerson, RosterSession } from '@/lib/attendance';
import { translator } from '@/lib/i18n';
import { renderCertificate } from '@/lib/pdf/certificate';
import { renderPdf } from '@/lib/pdf/document';
import { renderPersonExport } from '@/lib/pdf/person-export';
import { renderSignInSheet } from '@/lib/pdf/sign-in-sheet';
import type { Programme } from '@/lib/places/directory';
import { programmePdf } from '@/lib/places/programme-pdf';
import { parsePdf } from '../helpers/pdf';

// Names that Windows-1252 (pdfkit's built-in Helvetica) cannot encode.
const NAMES = ['Łukasz Ŝ', 'Nguyễn Thị Ánh', 'Ахмед Дvořák'];
const FRENCH = 'Œuvre « déjà » l’été — 9 h – 12 h, ça coûte 0 €';

const startsAt = new Date('2026-11-28T10:00:00Z');
const endsAt = new Date('2026-11-28T12:00:00Z');
const place = { placeName: 'EPN de Łódź-sur-Loire', placeAddress: '1 rue Ŝtefan', placePostalCode: '42000', placeCommune: 'Saint-Étienne' };

const session: RosterSession = {
  id: '00000000-0000-4000-8000-000000000001',
  workshopTitle: `Atelier ${NAMES[1]}`,
  workshopSlug: 'atelier',
  placeId: '00000000-0000-4000-8000-000000000002',
  ...place,
  startsAt,
  endsAt,
  capacity: 8,
  status: 'done',
  closedAt: endsAt,
  selfCheckIn: false,
  checkInCode: null,
  lateAfterMinutes: 15,
  walkInsAllowed: true,
  trainers: [NAMES[0]!],
};
const person = (name: string, i: number): RosterPerson => ({ personId: `p${i}`, name, status: 'present', walkIn: false, enrolled: true, markedAt: startsAt, noShows: 0 });

// Every kind of PDF the platform prints, each given the names above.
const KINDS: Record<string, () => Promise<Uint8Array>> = {
  'sign-in sheet': () => renderSignInSheet({ session, people: NAMES.map(person), blank: false, printedAt: endsAt }),
  'blank sign-in sheet': () => renderSignInSheet({ session, people: NAMES.map(person), blank: true, printedAt: startsAt }),
  certificate: () =>
    renderCertificate({ code: 'ABCDEFGH', personName: NAMES.join(' '), workshopTitle: 'Débuter', startsAt, endsAt, durationMinutes: 120, ...place } satisfies Certificate, 'https://comptoir.example/attestations/ABCDEFGH'),
  'personal data': () =>
    renderPersonExport({
      exportedAt: endsAt.toISOString(),
      profile: { name: NAMES.join(' '), email: null, phone: null, commune: 'Saint-Étienne', createdAt: startsAt.toISOString(), hasPassword: false },
      consents: [],
      claimCodes: [],
      certificates: [],
      notes: NAMES.map((body) => ({ createdAt: startsAt.toISOString(), body })),
    }),
  programme: () => {
    const programme = {
      place: { name: place.placeName, summary: NAMES.join(', '), address: place.placeAddress, addressComplement: null, postalCode: '42000', commune: 'Saint-Étienne', phone: null, accessInfo: null, openingHours: null },
      month: { year: 2026, month: 11 },
      sessions: NAMES.map((title, i) => ({ id: `s${i}`, workshopTitle: title, workshopSlug: 's', startsAt, endsAt, status: 'scheduled', capacity: 8, confirmedCount: 2, seatsLeft: 6 })),
    } as unknown as Programme;
    return programmePdf(programme, translator('fr'), 'fr');
  },
  'plain document': () => renderPdf({ title: NAMES[0]! }, (doc) => void doc.text(`${NAMES.join('\n')}\n${FRENCH}`)),
};

describe('every PDF the platform prints', () => {
  for (const [kind, render] of Object.entries(KINDS)) {
    it(`draws names outside Windows-1252 as they are written (${kind})`, async () => {
      const bytes = await render();
      const pdf = await parsePdf(bytes);
      expect(pdf.pageSize.map(Math.round)).toEqual([595, 842]);
      // pdf.js may split a line into runs: compare without spaces and line breaks.
      const text = pdf.text.replace(/\s+/g, '');
      for (const name of NAMES) expect(text).toContain(name.replace(/\s+/g, ''));
      expect(text).not.toContain('?ukasz');
    });
  }

  it('keeps French typography as it is', async () => {
    const pdf = await parsePdf(await renderPdf({ title: 'Essai' }, (doc) => void doc.text(FRENCH)));
    expect(pdf.text.replace(/\s+/g, ' ')).toContain(FRENCH);
  });

  it('embeds one font family, DejaVu Sans, and never a built-in one', async () => {
    for (const render of Object.values(KINDS)) {
      const raw = Buffer.from(await render()).toString('latin1');
      const fonts = [...raw.matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[1]);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font).toMatch(/^DejaVuSans/);
    }
  });
});
