import { publicOrigin } from '@/lib/http/origin';
import ICAL from 'ical.js';
import { and, count, eq, gt, lte, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getWorkshops } from '@/app/api/v1/workshops/route';
import { GET as getWorkshop } from '@/app/api/v1/workshops/[slug]/route';
import { GET as getSession } from '@/app/api/v1/sessions/[id]/route';
import { enrollments, places, sessions, workshops } from '@/db/schema';
import { getPublicSession, getPublicWorkshop } from '@/lib/catalogue';
import { NotFoundError } from '@/lib/errors';
import { db, seededTestDatabase } from '../helpers/db';

// Saturday 28 November 2026, 11:00 in Paris. The route handlers read the clock, so it is frozen.
const NOW = new Date('2026-11-28T10:00:00Z');
const SMARTPHONE = 'debuter-avec-son-smartphone';
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

const api = (path: string) => `http://localhost${path}`;
const workshopsApi = (search: string) => getWorkshops(new Request(api(`/api/v1/workshops${search}`)), {});
const workshopApi = (slug: string) => getWorkshop(new Request(api(`/api/v1/workshops/${slug}`)), { params: Promise.resolve({ slug }) });
const sessionApi = (id: string) => getSession(new Request(api(`/api/v1/sessions/${id}`)), { params: Promise.resolve({ id }) });

async function firstRoanneSmartphoneSession() {
  const [row] = await db
    .select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt, capacity: sessions.capacity })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(and(eq(workshops.slug, SMARTPHONE), eq(places.commune, 'Roanne'), gt(sessions.startsAt, NOW)))
    .orderBy(sessions.startsAt)
    .limit(1);
  return row!;
}

async function enrollmentCount(sessionId: string, status: 'confirmed' | 'waitlisted') {
  const [row] = await db.select({ n: count() }).from(enrollments).where(and(eq(enrollments.sessionId, sessionId), eq(enrollments.status, status)));
  return row!.n;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await seededTestDatabase({ now: NOW });
});
afterAll(() => vi.useRealTimers());

describe('workshop page', () => {
  it('gives the description, places, upcoming sessions in date order and the number of past sessions', async () => {
    const workshop = await getPublicWorkshop(SMARTPHONE, { now: NOW });
    expect(workshop).toMatchObject({ title: 'Débuter avec son smartphone', level: 'beginner', durationMinutes: 120, themes: ['materiel'], audiences: ['seniors', 'eloignes'] });
    expect(workshop.prerequisites).not.toBe('');
    expect(workshop.toBring).toMatch(/téléphone/);
    expect(workshop.places.map((p) => p.commune)).toContain('Roanne');
    const starts = workshop.upcomingSessions.map((s) => s.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const s of starts) expect(s).toBeGreaterThan(NOW.getTime());
    const [past] = await db
      .select({ n: count() })
      .from(sessions)
      .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
      .where(and(eq(workshops.slug, SMARTPHONE), lte(sessions.endsAt, NOW), ne(sessions.status, 'cancelled')));
    expect(past!.n).toBeGreaterThan(0);
    expect(workshop.pastSessionCount).toBe(past!.n);
  });

  it('is not found for an unknown slug, a malformed one, or a draft', async () => {
    await db.insert(workshops).values({ slug: 'atelier-en-preparation', title: 'En préparation', summary: 'Brouillon.', level: 'beginner', durationMinutes: 60, status: 'draft' });
    for (const slug of ['pas-un-atelier', '../etc/passwd', 'atelier-en-preparation', 'x'.repeat(300)]) {
      await expect(getPublicWorkshop(slug, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe('session page', () => {
  it('gives the place with its address and access, the trainers, and counts that match the sign-ups', async () => {
    const row = await firstRoanneSmartphoneSession();
    const session = await getPublicSession(row.id, { now: NOW });
    expect(session.place).toMatchObject({ name: 'EPN de la médiathèque de Roanne', address: '4 place du Château', postalCode: '42300', commune: 'Roanne' });
    expect(session.place.accessInfo).toMatch(/Bus ligne 1/);
    expect(session.trainers.length).toBeGreaterThan(0);
    expect(session.capacity).toBe(row.capacity);
    expect(session.confirmedCount).toBe(await enrollmentCount(row.id, 'confirmed'));
    expect(session.waitlistCount).toBe(await enrollmentCount(row.id, 'waitlisted'));
    expect(session.seatsLeft).toBe(Math.max(0, row.capacity - session.confirmedCount));
    expect(session.upcoming).toBe(true);
  });

  it('is not found for an unknown or malformed id, never an error', async () => {
    for (const id of ['pas-un-id', '123', crypto.randomUUID(), "'; drop table sessions; --"]) {
      await expect(getPublicSession(id, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe('GET /api/v1/workshops', () => {
  it('answers the catalogue with codes and dates in ISO 8601 with the Paris offset', async () => {
    const response = await workshopsApi('?q=smartfone');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 12, pageCount: 1 });
    const [item] = body.items;
    expect(item).toMatchObject({ slug: SMARTPHONE, level: 'beginner', themes: ['materiel'], audiences: ['seniors', 'eloignes'], url: `/ateliers/${SMARTPHONE}` });
    expect(item.nextSessions.length).toBeGreaterThan(0);
    for (const s of item.nextSessions) {
      expect(s.startsAt).toMatch(ISO_WITH_OFFSET);
      expect(s.startsAt.endsWith('+01:00')).toBe(true);
      expect(s).toMatchObject({ capacity: expect.any(Number), confirmedCount: expect.any(Number), seatsLeft: expect.any(Number), place: { slug: expect.any(String), name: expect.any(String), commune: expect.any(String) } });
    }
  });

  it('applies the filters of the query string', async () => {
    const body = await (await workshopsApi('?q=smartphone&place=Roanne&level=beginner&from=2026-12-01&to=2026-12-31&seats=1')).json();
    expect(body.items.map((i: { slug: string }) => i.slug)).toEqual([SMARTPHONE]);
    for (const s of body.items[0].nextSessions) {
      expect(s.place.commune).toBe('Roanne');
      expect(s.seatsLeft).toBeGreaterThan(0);
      expect(s.startsAt.slice(0, 7)).toBe('2026-12');
    }
    const page2 = await (await workshopsApi('?page=2')).json();
    expect(page2).toMatchObject({ page: 2, total: 30, pageCount: 3 });
    expect(page2.items).toHaveLength(12);
  });

  it('answers 400 problem+json with a French message per bad field', async () => {
    const response = await workshopsApi('?theme=cuisine&level=expert&from=2026-13-01&page=0&seats=peut-etre');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = await response.json();
    expect(body.detail).toBe('Certains critères de recherche sont invalides.');
    expect(Object.keys(body.errors).sort()).toEqual(['from', 'level', 'page', 'seats', 'theme']);
    expect(body.errors.theme).toEqual(['Cette thématique n’existe pas.']);
  });

  it('ignores empty parameters, as a form sends them', async () => {
    const response = await workshopsApi('?q=&theme=&level=&place=&from=&to=&page=');
    expect(response.status).toBe(200);
    expect((await response.json()).total).toBe(30);
  });
});

describe('GET /api/v1/workshops/{slug}', () => {
  it('answers one workshop with its places, upcoming sessions and past count', async () => {
    const response = await workshopApi(SMARTPHONE);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ slug: SMARTPHONE, title: 'Débuter avec son smartphone', level: 'beginner', pastSessionCount: expect.any(Number) });
    expect(body.places.map((p: { commune: string }) => p.commune)).toContain('Roanne');
    expect(body.upcomingSessions.length).toBeGreaterThan(3);
    for (const s of body.upcomingSessions) expect(s.startsAt).toMatch(ISO_WITH_OFFSET);
    expect(JSON.stringify(body)).not.toMatch(/search_vector|searchVector|createdById/);
  });

  it('answers 404 problem+json for an unknown workshop', async () => {
    const response = await workshopApi('inconnu');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toBe('Cet atelier n’existe pas ou n’est plus proposé.');
  });
});

describe('GET /api/v1/sessions/{id} and {id}.ics', () => {
  it('answers the session with capacity, confirmedCount and waitlistCount', async () => {
    const row = await firstRoanneSmartphoneSession();
    const response = await sessionApi(row.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      id: row.id,
      status: 'scheduled',
      capacity: row.capacity,
      confirmedCount: await enrollmentCount(row.id, 'confirmed'),
      waitlistCount: await enrollmentCount(row.id, 'waitlisted'),
      workshop: { slug: SMARTPHONE, level: 'beginner' },
      place: { commune: 'Roanne', accessInfo: expect.stringMatching(/Bus/) },
      icsUrl: `/api/v1/sessions/${row.id}.ics`,
    });
    expect(new Date(body.startsAt).getTime()).toBe(row.startsAt.getTime());
    expect(body.startsAt).toMatch(ISO_WITH_OFFSET);
    expect(body.trainers[0]).toEqual({ name: expect.any(String) });
  });

  it('answers 404 for a malformed id, an unknown id, and their .ics', async () => {
    for (const id of ['abc', crypto.randomUUID(), 'abc.ics', `${crypto.randomUUID()}.ics`, '.ics']) {
      const response = await sessionApi(id);
      expect(response.status, id).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('gives an .ics file that a calendar parser reads, with the time, title and address', async () => {
    const row = await firstRoanneSmartphoneSession();
    const response = await sessionApi(`${row.id}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="seance-debuter-avec-son-smartphone-2026-12-\d\d\.ics"$/);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Débuter avec son smartphone');
    expect(event.uid).toBe(`seance-${row.id}@comptoir`);
    expect(event.location).toBe('EPN de la médiathèque de Roanne, 4 place du Château, 42300 Roanne');
    expect(event.description).toMatch(/Accès : Bus ligne 1/);
    expect(event.startDate.toJSDate().getTime()).toBe(row.startsAt.getTime());
    expect(event.endDate.toJSDate().getTime()).toBe(row.endsAt.getTime());
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('url')).toBe(`${publicOrigin()}/seances/${row.id}`);
  });

  it('marks a cancelled session as cancelled in its .ics, with a higher sequence, so calendars update it', async () => {
    const row = await firstRoanneSmartphoneSession();
    await db.update(sessions).set({ status: 'cancelled', updatedAt: sql`${sessions.createdAt} + interval '1 hour'` }).where(eq(sessions.id, row.id));
    const calendar = new ICAL.Component(ICAL.parse(await (await sessionApi(`${row.id}.ics`)).text()));
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3600);
    expect((await (await sessionApi(row.id)).json()).status).toBe('cancelled');
  });
});
