import { and, eq, gt, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrollments, places, sessions, workshops } from '@/db/schema';
import { loadCataloguePage, searchCatalogue } from '@/lib/catalogue';
import { ValidationError } from '@/lib/errors';
import { parisStartOfDay } from '@/lib/time';
import { db, seededTestDatabase } from '../helpers/db';

// Saturday 28 November 2026, 11:00 in Paris.
const NOW = new Date('2026-11-28T10:00:00Z');
const search = (input: Record<string, string>) => searchCatalogue(input, { now: NOW });
const titles = (r: { items: { title: string }[] }) => r.items.map((i) => i.title);

// Upcoming scheduled sessions with their place and confirmed count, straight from the tables.
async function upcomingSessions() {
  return db
    .select({
      workshopSlug: workshops.slug,
      workshopStatus: workshops.status,
      startsAt: sessions.startsAt,
      capacity: sessions.capacity,
      commune: places.commune,
      placeSlug: places.slug,
      confirmed: sql<number>`(select count(*)::int from ${enrollments} e where e.session_id = ${sessions}.id and e.status = 'confirmed')`,
    })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(and(eq(sessions.status, 'scheduled'), gt(sessions.startsAt, NOW), eq(workshops.status, 'published')));
}

// Every result of a search, all pages together.
async function allResults(input: Record<string, string>) {
  const first = await search(input);
  const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, i) => search({ ...input, page: String(i + 2) })));
  return [first, ...rest].flatMap((r) => r.items);
}

beforeAll(() => seededTestDatabase({ now: NOW }));

describe('catalogue search by words', () => {
  it('finds “Démarches administratives en ligne” first when someone types “demarches” without the accent', async () => {
    const result = await search({ q: 'demarches' });
    expect(titles(result)[0]).toBe('Démarches administratives en ligne');
  });

  it('finds the same workshops whether the accent is typed or not', async () => {
    expect(titles(await search({ q: 'Démarches' }))).toEqual(titles(await search({ q: 'demarches' })));
    expect(titles(await search({ q: 'securite' }))).toEqual(titles(await search({ q: 'sécurité' })));
  });

  it('finds “Débuter avec son smartphone” from the misspelt “smartfone”, and nothing unrelated', async () => {
    const result = await search({ q: 'smartfone' });
    expect(titles(result)).toEqual(['Débuter avec son smartphone']);
  });

  it('forgives a typo in one word of several: “declarrer impot” finds the tax workshop', async () => {
    expect(titles(await search({ q: 'declarrer impot' }))[0]).toBe('Déclarer ses impôts en ligne');
  });

  it('ranks a workshop with the word in its title above those that only touch the theme', async () => {
    const result = await search({ q: 'demarches' });
    // The two others belong to the "démarches" theme without the word in their title.
    expect(titles(result)).toEqual(['Démarches administratives en ligne', expect.any(String), expect.any(String)]);
    expect(titles(result).slice(1).sort()).toEqual(['Déclarer ses impôts en ligne', 'FranceConnect et identité numérique']);
  });

  it('puts the workshop that matches more of the words first', async () => {
    expect(titles(await search({ q: 'mot de passe' }))[0]).toBe('Bien choisir ses mots de passe');
    expect(titles(await search({ q: 'photos sauvegarder' }))[0]).toBe('Ranger et sauvegarder ses photos');
  });

  it('matches the beginning of a word: “ordi” finds the computer workshops', async () => {
    const found = titles(await search({ q: 'ordi' }));
    expect(found).toContain('Premiers pas sur l’ordinateur');
    expect(found).toContain('Entretenir son ordinateur');
  });

  it('finds nothing for a word that is nowhere, even allowing for typos', async () => {
    const result = await search({ q: 'zzyzx' });
    expect(result.total).toBe(0);
    expect(result.items).toEqual([]);
  });

  it('shows every published workshop, in title order, when nothing is typed or only small words are', async () => {
    const all = await allResults({});
    expect(all).toHaveLength(30);
    const fold = (title: string) => title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const folded = all.map((i) => fold(i.title));
    expect(folded).toEqual([...folded].sort());
    expect(all.slice(0, 2).map((i) => i.title)).toEqual(['Accompagner son enfant sur les écrans', 'Acheter en ligne en sécurité']);
    expect((await search({ q: 'les de la' })).total).toBe(30);
  });

  it('never shows a draft workshop', async () => {
    await db.insert(workshops).values({ slug: 'brouillon-smartphone', title: 'Smartphone : brouillon', summary: 'Pas encore publié.', level: 'beginner', durationMinutes: 60, status: 'draft' });
    const result = await search({ q: 'smartphone' });
    expect(titles(result)).not.toContain('Smartphone : brouillon');
    expect((await allResults({})).map((i) => i.slug)).not.toContain('brouillon-smartphone');
  });
});

describe('catalogue filters', () => {
  it('filters by theme', async () => {
    const found = await allResults({ theme: 'securite' });
    const expected = await db.select({ slug: workshops.slug }).from(workshops).where(and(eq(workshops.status, 'published'), sql`'securite' = any(${workshops.themes})`));
    expect(found.map((i) => i.slug).sort()).toEqual(expected.map((r) => r.slug).sort());
    for (const item of found) expect(item.themes).toContain('securite');
  });

  it('filters by level', async () => {
    const found = await allResults({ level: 'advanced' });
    const expected = await db.select({ slug: workshops.slug }).from(workshops).where(and(eq(workshops.status, 'published'), eq(workshops.level, 'advanced')));
    expect(found.map((i) => i.slug).sort()).toEqual(expected.map((r) => r.slug).sort());
  });

  it('filters by commune, whatever the case and accents, and shows only that commune’s sessions', async () => {
    const found = await allResults({ place: 'saint-etienne' });
    const expected = new Set((await upcomingSessions()).filter((s) => s.commune === 'Saint-Étienne').map((s) => s.workshopSlug));
    expect(found.map((i) => i.slug).sort()).toEqual([...expected].sort());
    for (const item of found) {
      expect(item.nextSessions.length).toBeGreaterThan(0);
      for (const s of item.nextSessions) expect(s.commune).toBe('Saint-Étienne');
    }
  });

  it('filters by place', async () => {
    const found = await allResults({ place: 'epn-feurs' });
    const expected = new Set((await upcomingSessions()).filter((s) => s.placeSlug === 'epn-feurs').map((s) => s.workshopSlug));
    expect(found.map((i) => i.slug).sort()).toEqual([...expected].sort());
    for (const item of found) for (const s of item.nextSessions) expect(s.placeSlug).toBe('epn-feurs');
  });

  it('filters by dates, each a whole day in Paris, and counts the matching sessions of each workshop', async () => {
    const from = parisStartOfDay({ year: 2026, month: 12, day: 14 });
    const until = parisStartOfDay({ year: 2026, month: 12, day: 21 });
    const found = await allResults({ from: '2026-12-14', to: '2026-12-20' });
    const inRange = (await upcomingSessions()).filter((s) => s.startsAt >= from && s.startsAt < until);
    expect(found.map((i) => i.slug).sort()).toEqual([...new Set(inRange.map((s) => s.workshopSlug))].sort());
    for (const item of found) {
      expect(item.upcomingCount).toBe(inRange.filter((s) => s.workshopSlug === item.slug).length);
      for (const s of item.nextSessions) {
        expect(s.startsAt.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(s.startsAt.getTime()).toBeLessThan(until.getTime());
      }
    }
  });

  it('shows only sessions with seats left when asked, and leaves out workshops that are full everywhere', async () => {
    const upcoming = await upcomingSessions();
    expect(upcoming.some((s) => s.confirmed >= s.capacity)).toBe(true);
    const found = await allResults({ seats: '1', place: 'Roanne' });
    const expected = new Set(upcoming.filter((s) => s.commune === 'Roanne' && s.confirmed < s.capacity).map((s) => s.workshopSlug));
    expect(found.map((i) => i.slug).sort()).toEqual([...expected].sort());
    for (const item of found) for (const s of item.nextSessions) expect(s.seatsLeft).toBeGreaterThan(0);
  });

  it('finds the beginners’ smartphone workshop in Roanne next month', async () => {
    const result = await search({ q: 'smartphone', place: 'Roanne', from: '2026-12-01', to: '2026-12-31', level: 'beginner' });
    expect(result.items.map((i) => i.slug)).toEqual(['debuter-avec-son-smartphone']);
    const [item] = result.items;
    expect(item!.nextSessions.length).toBeGreaterThan(0);
    for (const s of item!.nextSessions) {
      expect(s.placeName).toBe('EPN de la médiathèque de Roanne');
      expect(s.startsAt.toISOString().slice(0, 7)).toBe('2026-12');
    }
  });

  it('lists the first three sessions of each workshop in date order, and how many there are', async () => {
    const found = await allResults({});
    const upcoming = await upcomingSessions();
    for (const item of found) {
      const mine = upcoming.filter((s) => s.workshopSlug === item.slug).sort((a, b) => +a.startsAt - +b.startsAt);
      expect(item.upcomingCount).toBe(mine.length);
      expect(item.nextSessions.map((s) => s.startsAt)).toEqual(mine.slice(0, 3).map((s) => s.startsAt));
      for (const s of item.nextSessions) expect(s.seatsLeft).toBe(Math.max(0, s.capacity - s.confirmedCount));
    }
  });
});

describe('catalogue pages and bad criteria', () => {
  it('splits results into pages of twelve that together hold every workshop once', async () => {
    const [p1, p2, p3, p4] = await Promise.all(['1', '2', '3', '4'].map((page) => search({ page })));
    expect([p1!.items.length, p2!.items.length, p3!.items.length, p4!.items.length]).toEqual([12, 12, 6, 0]);
    expect(p1!.pageCount).toBe(3);
    expect(p4!.total).toBe(30);
    const slugs = [...p1!.items, ...p2!.items, ...p3!.items].map((i) => i.slug);
    expect(new Set(slugs).size).toBe(30);
  });

  it('refuses bad criteria with a French message per field (API), and changes nothing', async () => {
    const error = await search({ theme: 'cuisine', level: 'expert', from: '2026-02-30', page: '0', q: 'x'.repeat(101) }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual({
      theme: ['Cette thématique n’existe pas.'],
      level: [expect.stringMatching(/niveau n’existe pas/)],
      from: ['La date de début n’est pas une date valide. Exemple : 2026-12-01.'],
      page: ['Le numéro de page commence à 1.'],
      q: ['La recherche doit faire au plus 100 caractères.'],
    });
  });

  it('refuses control characters, which the database could not store, instead of failing', async () => {
    const error = await search({ q: 'smart\u0000phone', place: 'Roanne\u0000' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['place', 'q']);
  });

  it('refuses an end date before the start date', async () => {
    const error = await search({ from: '2026-12-10', to: '2026-12-01' }).catch((e) => e);
    expect(error.fieldErrors.to).toEqual(['La date de fin doit être le même jour ou après la date de début.']);
  });

  it('on the page, reports bad criteria and searches with the good ones', async () => {
    const result = await loadCataloguePage({ q: 'smartfone', theme: 'cuisine', to: 'demain' }, { now: NOW });
    expect(Object.keys(result.errors).sort()).toEqual(['theme', 'to']);
    expect(result.query.q).toBe('smartfone');
    expect(result.query.theme).toBeUndefined();
    expect(result.query.to).toBeUndefined();
    expect(titles(result)).toEqual(['Débuter avec son smartphone']);
    expect(result.options.communes).toContain('Roanne');
    const byPlace = await loadCataloguePage({ place: 'epn-roanne-mediatheque' }, { now: NOW });
    expect(byPlace.options.selected).toEqual({ value: 'epn-roanne-mediatheque', label: 'EPN de la médiathèque de Roanne (Roanne)' });
    expect((await loadCataloguePage({ place: 'saint-etienne' }, { now: NOW })).options.selected).toEqual({ value: 'Saint-Étienne', label: 'Saint-Étienne' });
  });

  it('treats a place that does not exist as a filter that matches nothing', async () => {
    expect((await search({ place: 'Lyon' })).total).toBe(0);
  });

  it('counts only sessions still to come: one that started an hour ago is not among the next dates', async () => {
    const [workshop] = await db.select({ id: workshops.id, slug: workshops.slug }).from(workshops).where(eq(workshops.slug, 'creer-un-livre-photo'));
    const [place] = await db.select({ id: places.id }).from(places).where(eq(places.slug, 'epn-feurs'));
    const hour = 3600000;
    const [started, soon] = await db
      .insert(sessions)
      .values([
        { workshopId: workshop!.id, placeId: place!.id, startsAt: new Date(NOW.getTime() - hour), endsAt: new Date(NOW.getTime() + hour), capacity: 8 },
        { workshopId: workshop!.id, placeId: place!.id, startsAt: new Date(NOW.getTime() + hour), endsAt: new Date(NOW.getTime() + 3 * hour), capacity: 8 },
      ])
      .returning({ id: sessions.id });
    const [item] = (await search({ q: 'livre photo' })).items;
    expect(item!.slug).toBe('creer-un-livre-photo');
    expect(item!.nextSessions[0]!.id).toBe(soon!.id);
    expect(item!.nextSessions.map((s) => s.id)).not.toContain(started!.id);
  });
});
