import { publicOrigin } from '@/lib/http/origin';
import { and, eq, gt, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getCertificate } from '@/app/api/v1/sessions/[id]/certificate.pdf/route';
import { GET as getSheet } from '@/app/api/v1/sessions/[id]/sign-in-sheet.pdf/route';
import { attendance, enrollments, sessions, users } from '@/db/schema';
import { addNewWalkIn, getRoster, markAttendance, verifyCertificate } from '@/lib/attendance';
import { loadActor } from '@/lib/accounts';
import type { Actor } from '@/lib/auth/policy';
import { demoActor } from '../helpers/actors';
import { db, seededTestDatabase } from '../helpers/db';
import { parsePdf, renderFirstPage } from '../helpers/pdf';
import { apiRequest } from '../helpers/session';

// Saturday 28 November 2026, 11:00 in Saint-Étienne.
const NOW = new Date('2026-11-28T10:00:00Z');
const params = (id: string) => ({ params: Promise.resolve({ id }) });

let mediator: Actor;
let learner: Actor;
let todayId: string;

beforeAll(async () => {
  await seededTestDatabase({ now: NOW });
  [mediator, learner] = await Promise.all([demoActor('mediator'), demoActor('learner')]);
  const [today] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.placeId, mediator.staffedPlaceIds[0]!), eq(sessions.status, 'scheduled'), sql`${sessions.startsAt} <= ${NOW.toISOString()}::timestamptz`, gt(sessions.endsAt, NOW)));
  todayId = today!.id;
  const roster = await getRoster(mediator, todayId);
  const [a, b, c, d] = roster.people;
  await markAttendance(mediator, todayId, [
    { personId: a!.personId, status: 'present' },
    { personId: b!.personId, status: 'late' },
    { personId: c!.personId, status: 'excused' },
    { personId: d!.personId, status: 'absent' },
  ], NOW);
  await addNewWalkIn(mediator, todayId, { name: 'Françoise Lefèvre-Çelik', consent: 'on' }, NOW);
  // Seeding the demo network takes a while on a busy machine.
}, 180_000);

async function sheet(query = '', actor: Actor | null = mediator) {
  return getSheet(await apiRequest(`/api/v1/sessions/${todayId}/sign-in-sheet.pdf${query}`, { actor }), params(todayId));
}

describe('feuille d’émargement (sign-in sheet PDF)', () => {
  it('is an A4 PDF with the network, place, workshop, date and times in words, trainer, each person’s status and page count', async () => {
    const response = await sheet();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="emargement-debuter-avec-son-smartphone-2026-11-28\.pdf"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const pdf = await parsePdf(bytes);
    expect(pdf.pageSize.map(Math.round)).toEqual([595, 842]);
    expect(pdf.info.Title).toMatch(/^Feuille d’émargement — Débuter avec son smartphone/);
    const text = pdf.text;
    expect(text).toContain('Réseau des EPN de la Loire — Zoomacom');
    expect(text).toContain('Au Comptoir Numérique');
    expect(text).toContain('Feuille d’émargement');
    expect(text).toContain('Débuter avec son smartphone');
    expect(text).toContain('samedi 28 novembre 2026');
    expect(text).toContain('de 11 h à 13 h');
    expect(text).toContain('Mehdi Médiateur');
    const roster = await getRoster(mediator, todayId);
    for (const person of roster.people) expect(text).toContain(person.name);
    for (const label of ['Présent', 'En retard', 'Absence justifiée', 'Absent', 'Non renseigné']) expect(text).toContain(label);
    expect(text).toContain('Françoise Lefèvre-Çelik');
    expect(text).toContain('Venu sans inscription');
    expect(text).toContain('Signature du formateur');
    expect(text).toContain('Page 1 sur 1');
    const png = renderFirstPage(bytes, 'feuille-emargement');
    if (png) console.info(`First page rendered to ${png}`);
  });

  it('comes blank before the session: names, no statuses, spare rows for walk-ins', async () => {
    const bytes = new Uint8Array(await (await sheet('?blank=1')).arrayBuffer());
    const { text } = await parsePdf(bytes);
    const roster = await getRoster(mediator, todayId);
    for (const person of roster.people) expect(text).toContain(person.name);
    for (const label of ['Présent', 'En retard', 'Absence justifiée', 'Non renseigné']) expect(text).not.toContain(label);
    expect(text).toContain('lignes libres');
    // One numbered row per person, then six spare ones.
    expect(text).toMatch(new RegExp(`\\b${roster.people.length + 6}\\b`));
    expect(text).toContain('Page 1 sur 1');
    renderFirstPage(bytes, 'feuille-emargement-vierge');
  });

  it('runs over several pages with the count on each', async () => {
    const [big] = await db
      .select({ id: sessions.id, startsAt: sessions.startsAt })
      .from(sessions)
      .where(and(eq(sessions.placeId, mediator.staffedPlaceIds[0]!), eq(sessions.status, 'scheduled'), gt(sessions.startsAt, NOW)))
      .limit(1);
    await db.update(sessions).set({ capacity: 40 }).where(eq(sessions.id, big!.id));
    for (let i = 0; i < 30; i++) {
      const [person] = await db.insert(users).values({ name: `Personne Numéro ${i + 1}`, consentAt: NOW, createdById: mediator.id }).returning({ id: users.id });
      await db.insert(enrollments).values({ sessionId: big!.id, userId: person!.id, status: 'confirmed', confirmedAt: NOW });
    }
    const response = await getSheet(await apiRequest(`/api/v1/sessions/${big!.id}/sign-in-sheet.pdf`, { actor: mediator }), params(big!.id));
    const pdf = await parsePdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    pdf.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} sur ${pdf.pages.length}`));
    expect(pdf.pages[1]).toContain('(suite)');
    expect(pdf.text).toContain('Personne Numéro 30');
  });

  it('is refused to learners and to visitors', async () => {
    expect((await sheet('', learner)).status).toBe(403);
    expect((await sheet('', null)).status).toBe(401);
  });
});

describe('attestation de présence (certificate PDF)', () => {
  it('states the name, workshop, date, duration and place, with a code that verifies', async () => {
    const [row] = await db
      .select({ sessionId: attendance.sessionId })
      .from(attendance)
      .where(and(eq(attendance.userId, learner.id), eq(attendance.status, 'present')))
      .limit(1);
    const sessionId = row?.sessionId;
    expect(sessionId).toBeTruthy();
    const response = await getCertificate(await apiRequest(`http://comptoir.example/api/v1/sessions/${sessionId}/certificate.pdf`, { actor: learner }), params(sessionId!));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="attestation-.+\.pdf"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { text } = await parsePdf(bytes);
    expect(text).toContain('Attestation de présence');
    expect(text).toContain('Annie Apprenante');
    expect(text).toContain('a participé à l’atelier');
    expect(text).toMatch(/durée : \d/);
    expect(text).toContain('Au Comptoir Numérique');
    const code = text.match(/Code de vérification : ([A-Z0-9]{5}-[A-Z0-9]{5})/)?.[1];
    expect(code).toBeTruthy();
    const verified = await verifyCertificate(code);
    expect(verified?.personName).toBe('Annie Apprenante');
    // The address may wrap at the end of a line.
    // The address comes from APP_URL, never from the request's host (here comptoir.example).
    expect(text.replace(/\s+/g, '')).toContain(`${publicOrigin()}/attestations/${code!.replace('-', '')}`);
    expect(text).not.toContain('comptoir.example');
    expect(text).toContain('Page 1 sur 1');
    renderFirstPage(bytes, 'attestation');
  });

  it('is refused for a session the person did not attend, and to visitors', async () => {
    const response = await getCertificate(await apiRequest(`/api/v1/sessions/${todayId}/certificate.pdf`, { actor: learner }), params(todayId));
    expect(response.status).toBe(404);
    expect((await response.json()).detail).toMatch(/Pas d’attestation/);
    expect((await getCertificate(await apiRequest(`/api/v1/sessions/${todayId}/certificate.pdf`), params(todayId))).status).toBe(401);
  });

  it('is printed by staff for a person without an account', async () => {
    const walkIn = (await getRoster(mediator, todayId)).people.find((p) => p.name === 'Françoise Lefèvre-Çelik')!;
    const response = await getCertificate(await apiRequest(`/api/v1/sessions/${todayId}/certificate.pdf?person=${walkIn.personId}`, { actor: mediator }), params(todayId));
    expect(response.status).toBe(200);
    const { text } = await parsePdf(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain('Françoise Lefèvre-Çelik');
    expect(text).toContain('samedi 28 novembre 2026');
    const someone = (await loadActor((await getRoster(mediator, todayId)).people[0]!.personId))!;
    const refused = await getCertificate(await apiRequest(`/api/v1/sessions/${todayId}/certificate.pdf?person=${walkIn.personId}`, { actor: someone }), params(todayId));
    expect(refused.status).toBe(403);
  });
});
