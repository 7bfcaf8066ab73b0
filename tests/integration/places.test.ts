import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryCounter } from '@/db';
import { enrollments, places, sessions, users, workshops } from '@/db/schema';
import { translator } from '@/lib/i18n';
import { getPlacePage, getPlaceProgramme, listDirectory, monthBounds, nextMonthToOffer, programmePdf, readMonth, upcomingSessionsOfPlace } from '@/lib/places';
import { parisToUtc } from '@/lib/time';
import { db, seededTestDatabase } from '../helpers/db';

// A Saturday morning in late November 2026, Paris time.
const NOW = new Date('2026-11-28T09:00:00Z');
const HOME = 'au-comptoir-numerique-saint-etienne';

// Migrating and seeding PGlite can take a while on a busy two-core machine.
beforeAll(async () => {
  await seededTestDatabase({ now: NOW });
}, 180_000);

async function placeId(slug: string) {
  const [place] = await db.select({ id: places.id }).from(places).where(eq(places.slug, slug));
  return place!.id;
}

async function addSession(slug: string, startsAt: Date, options: { status?: 'scheduled' | 'cancelled' | 'done'; workshopStatus?: 'draft' | 'published'; capacity?: number } = {}) {
  const [workshop] = await db
    .insert(workshops)
    .values({ slug: `atelier-${crypto.randomUUID()}`, title: `Atelier du ${startsAt.toISOString()}`, summary: 'Pour les tests.', level: 'beginner', durationMinutes: 60, status: options.workshopStatus ?? 'published' })
    .returning({ id: workshops.id });
  const [session] = await db
    .insert(sessions)
    .values({ workshopId: workshop!.id, placeId: await placeId(slug), startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), capacity: options.capacity ?? 8, status: options.status ?? 'scheduled' })
    .returning({ id: sessions.id });
  return session!.id;
}

describe('the directory of places', () => {
  it('lists every active place of the network, sorted by commune', async () => {
    const { places: found, communes } = await listDirectory();
    expect(found).toHaveLength(10);
    expect(found.map((p) => p.commune)).toEqual(['Andrézieux-Bouthéon', 'Feurs', 'Firminy', 'Montbrison', 'Riorges', 'Rive-de-Gier', 'Roanne', 'Saint-Chamond', 'Saint-Étienne', 'Saint-Just-Saint-Rambert']);
    expect(communes).toHaveLength(10);
  });

  it('finds the places of a commune, whatever the accents and capitals typed', async () => {
    const { places: found } = await listDirectory({ commune: 'saint etienne' });
    expect(found.map((p) => p.name)).toEqual(['Au Comptoir Numérique']);
  });

  it('finds the places that offer a service', async () => {
    const { places: found, services } = await listDirectory({ service: 'Parentalité et éducation avec le numérique' });
    expect(found.map((p) => p.commune)).toEqual(['Saint-Chamond']);
    expect(services).toContain('Aide aux démarches administratives');
  });

  it('combines the commune and the service, and finds nothing when they do not meet', async () => {
    expect((await listDirectory({ commune: 'Roanne', service: 'Aide aux démarches administratives' })).places).toHaveLength(1);
    expect((await listDirectory({ commune: 'Feurs', service: 'Aide aux démarches administratives' })).places).toHaveLength(0);
  });

  it('ignores a filter it cannot read instead of failing', async () => {
    const { places: found, filter } = await listDirectory({ commune: 'x'.repeat(500) });
    expect(found).toHaveLength(10);
    expect(filter).toEqual({});
  });
});

describe('the page of a place', () => {
  it('gives the address, access, hours, services, accessibility and contact of the place', async () => {
    const page = await getPlacePage(HOME, { now: NOW });
    expect(page?.place).toMatchObject({
      name: 'Au Comptoir Numérique',
      commune: 'Saint-Étienne',
      address: '12 rue de la Résistance',
      accessInfo: 'Tram T1, arrêt Hôtel de Ville. Entrée de plain-pied.',
      openingHours: 'Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00',
      phone: '+33477000001',
      specificSupport: ['Handicaps moteurs', 'Illettrisme'],
      fees: ['Gratuit'],
    });
    expect(page?.place.services).toContain('Aide aux démarches administratives');
  });

  it('shows only the upcoming scheduled sessions of published workshops, soonest first, with seats left', async () => {
    const page = await getPlacePage(HOME, { now: NOW });
    expect(page!.sessions.length).toBeGreaterThan(0);
    for (const s of page!.sessions) {
      expect(s.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
      expect(s.status).toBe('scheduled');
      expect(s.seatsLeft).toBe(Math.max(0, s.capacity - s.confirmedCount));
    }
    const starts = page!.sessions.map((s) => s.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));

    const draft = await addSession(HOME, new Date('2026-12-01T13:00:00Z'), { workshopStatus: 'draft' });
    const cancelled = await addSession(HOME, new Date('2026-12-01T14:00:00Z'), { status: 'cancelled' });
    const ids = (await upcomingSessionsOfPlace(await placeId(HOME), { now: NOW })).map((s) => s.id);
    expect(ids).not.toContain(draft);
    expect(ids).not.toContain(cancelled);
  });

  it('counts the confirmed sign-ups, not the waiting list, in the seats left', async () => {
    const id = await addSession('epn-feurs', new Date('2026-12-02T08:00:00Z'), { capacity: 2 });
    const people = await db.select({ id: users.id }).from(users).limit(3);
    await db.insert(enrollments).values([
      { sessionId: id, userId: people[0]!.id, status: 'confirmed' },
      { sessionId: id, userId: people[1]!.id, status: 'waitlisted' },
      { sessionId: id, userId: people[2]!.id, status: 'cancelled' },
    ]);
    const session = (await getPlacePage('epn-feurs', { now: NOW }))!.sessions.find((s) => s.id === id);
    expect(session).toMatchObject({ capacity: 2, confirmedCount: 1, seatsLeft: 1 });
  });

  it('reads the place and its sessions in the same number of queries, however many sessions it has', async () => {
    const before = queryCounter.count;
    await getPlacePage('epn-montbrison', { now: NOW });
    const few = queryCounter.count - before;
    for (let day = 1; day <= 15; day++) await addSession('epn-montbrison', parisToUtc({ year: 2026, month: 12, day, hour: 14, minute: 0 }));
    const start = queryCounter.count;
    const page = await getPlacePage('epn-montbrison', { now: NOW });
    expect(page!.sessions.length).toBeGreaterThanOrEqual(15);
    expect(queryCounter.count - start).toBe(few);
    expect(few).toBe(2);
  });

  it('does not exist for an unknown or inactive place', async () => {
    expect(await getPlacePage('nulle-part', { now: NOW })).toBeNull();
    expect(await getPlacePage('', { now: NOW })).toBeNull();
    await db.update(places).set({ active: false }).where(eq(places.slug, 'epn-riorges'));
    expect(await getPlacePage('epn-riorges', { now: NOW })).toBeNull();
    expect((await listDirectory()).places.map((p) => p.slug)).not.toContain('epn-riorges');
    await db.update(places).set({ active: true }).where(eq(places.slug, 'epn-riorges'));
  });
});

describe('the monthly programme', () => {
  it('puts a session at 00:30 Paris time on the 1st in that month, and one at 23:30 the day before in the previous month', async () => {
    // 1 December 2026, 00:30 in Paris is 30 November, 23:30 UTC.
    const firstOfDecember = await addSession('epn-rive-de-gier', parisToUtc({ year: 2026, month: 12, day: 1, hour: 0, minute: 30 }));
    const lastOfNovember = await addSession('epn-rive-de-gier', parisToUtc({ year: 2026, month: 11, day: 30, hour: 23, minute: 30 }));
    expect(parisToUtc({ year: 2026, month: 12, day: 1, hour: 0, minute: 30 }).toISOString()).toBe('2026-11-30T23:30:00.000Z');
    const december = (await getPlaceProgramme('epn-rive-de-gier', { year: 2026, month: 12 }))!.sessions.map((s) => s.id);
    const november = (await getPlaceProgramme('epn-rive-de-gier', { year: 2026, month: 11 }))!.sessions.map((s) => s.id);
    expect(december).toContain(firstOfDecember);
    expect(december).not.toContain(lastOfNovember);
    expect(november).toContain(lastOfNovember);
    expect(november).not.toContain(firstOfDecember);
  });

  it('uses summer time for summer months', async () => {
    // 1 July 2027, 00:30 in Paris (UTC+2) is 30 June, 22:30 UTC.
    const id = await addSession('epn-rive-de-gier', new Date('2027-06-30T22:30:00Z'));
    expect((await getPlaceProgramme('epn-rive-de-gier', { year: 2027, month: 7 }))!.sessions.map((s) => s.id)).toContain(id);
    expect((await getPlaceProgramme('epn-rive-de-gier', { year: 2027, month: 6 }))!.sessions.map((s) => s.id)).not.toContain(id);
    expect(monthBounds({ year: 2027, month: 7 })).toEqual({ from: new Date('2027-06-30T22:00:00Z'), to: new Date('2027-07-31T22:00:00Z') });
  });

  it('lists the month by date, keeps cancelled sessions (marked) and leaves drafts out', async () => {
    const cancelled = await addSession('epn-saint-chamond', parisToUtc({ year: 2027, month: 1, day: 12, hour: 14, minute: 0 }), { status: 'cancelled' });
    const draft = await addSession('epn-saint-chamond', parisToUtc({ year: 2027, month: 1, day: 13, hour: 14, minute: 0 }), { workshopStatus: 'draft' });
    const early = await addSession('epn-saint-chamond', parisToUtc({ year: 2027, month: 1, day: 5, hour: 9, minute: 30 }));
    const programme = (await getPlaceProgramme('epn-saint-chamond', { year: 2027, month: 1 }))!;
    const ids = programme.sessions.map((s) => s.id);
    expect(ids.indexOf(early)).toBeLessThan(ids.indexOf(cancelled));
    expect(programme.sessions.find((s) => s.id === cancelled)?.status).toBe('cancelled');
    expect(ids).not.toContain(draft);
    expect(programme).toMatchObject({ previous: { year: 2026, month: 12 }, next: { year: 2027, month: 2 }, lastDay: 31 });
  });

  it('prints the programme as an A4 PDF, one page more when the month is full', async () => {
    const quiet = await programmePdf((await getPlaceProgramme('epn-feurs', { year: 2030, month: 2 }))!, translator('fr'), 'fr');
    expect(Buffer.from(quiet).toString('latin1')).toMatch(/^%PDF-[\s\S]*\/MediaBox \[0 0 595\.28 841\.89\]/);
    const [workshop] = await db.insert(workshops).values({ slug: 'atelier-de-fevrier', title: 'Atelier de février', summary: 'Pour les tests.', level: 'beginner', durationMinutes: 60, status: 'published' }).returning({ id: workshops.id });
    const feurs = await placeId('epn-feurs');
    await db.insert(sessions).values(
      Array.from({ length: 28 }, (_, i) => [9, 14].map((hour) => parisToUtc({ year: 2030, month: 2, day: i + 1, hour, minute: 0 })))
        .flat()
        .map((startsAt) => ({ workshopId: workshop!.id, placeId: feurs, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), capacity: 8 })),
    );
    const full = await programmePdf((await getPlaceProgramme('epn-feurs', { year: 2030, month: 2 }))!, translator('fr'), 'fr');
    const pages = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages(quiet)).toBe(1);
    expect(pages(full)).toBeGreaterThan(1);
  });

  it('has no programme for an unknown place', async () => {
    expect(await getPlaceProgramme('nulle-part', { year: 2026, month: 12 })).toBeNull();
  });

  it('offers the next month from the last week of the current one, and only then', () => {
    const month = { year: 2026, month: 11 };
    expect(nextMonthToOffer(month, new Date('2026-11-23T10:00:00Z'))).toBeNull();
    expect(nextMonthToOffer(month, new Date('2026-11-24T10:00:00Z'))).toEqual({ year: 2026, month: 12 });
    expect(nextMonthToOffer(month, new Date('2026-11-30T22:00:00Z'))).toEqual({ year: 2026, month: 12 });
    // Another month than the current one is what the person asked for.
    expect(nextMonthToOffer({ year: 2026, month: 12 }, new Date('2026-11-28T10:00:00Z'))).toBeNull();
    expect(nextMonthToOffer({ year: 2026, month: 12 }, new Date('2026-12-27T10:00:00Z'))).toEqual({ year: 2027, month: 1 });
  });

  it('reads the month from the address, and falls back to the current Paris month when it cannot', () => {
    expect(readMonth('2026-12', NOW)).toEqual({ month: { year: 2026, month: 12 }, invalid: false });
    expect(readMonth(undefined, NOW)).toEqual({ month: { year: 2026, month: 11 }, invalid: false });
    for (const bad of ['2026-13', '2026-1', 'décembre', '2026-12-01', '1999-12', ['2026-12', '2027-01'], '<script>']) {
      expect(readMonth(bad, NOW)).toEqual({ month: { year: 2026, month: 11 }, invalid: true });
    }
    // 30 November, 23:30 UTC is already December in Paris.
    expect(readMonth(undefined, new Date('2026-11-30T23:30:00Z')).month).toEqual({ year: 2026, month: 12 });
  });
});
