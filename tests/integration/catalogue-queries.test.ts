import { beforeAll, describe, expect, it } from 'vitest';
import { places, sessions, workshops } from '@/db/schema';
import { queryCounter } from '@/db';
import { loadCataloguePage, searchCatalogue } from '@/lib/catalogue';
import { db, seededTestDatabase } from '../helpers/db';

const NOW = new Date('2026-11-28T10:00:00Z');

async function queriesFor(work: () => Promise<unknown>): Promise<number> {
  queryCounter.count = 0;
  await work();
  return queryCounter.count;
}

// 120 more published workshops, each with four upcoming sessions in two places.
async function addManyWorkshops() {
  const [a, b] = await db.select({ id: places.id }).from(places).limit(2);
  const rows = await db
    .insert(workshops)
    .values(Array.from({ length: 120 }, (_, i) => ({ slug: `atelier-en-plus-${i}`, title: `Atelier en plus ${i}`, summary: 'Un atelier de plus pour remplir le catalogue.', level: 'beginner' as const, durationMinutes: 60, status: 'published' as const, themes: ['materiel'] })))
    .returning({ id: workshops.id });
  await db.insert(sessions).values(
    rows.flatMap((w, i) =>
      [1, 2, 3, 4].map((week) => {
        const startsAt = new Date(NOW.getTime() + (week * 7 + (i % 5)) * 86400000);
        return { workshopId: w.id, placeId: (week % 2 ? a : b)!.id, startsAt, endsAt: new Date(startsAt.getTime() + 3600000), capacity: 10 };
      }),
    ),
  );
}

describe('the catalogue page asks the database a fixed number of questions', () => {
  beforeAll(() => seededTestDatabase({ now: NOW }));

  it('sends as many queries for one workshop as for a full page, and as many with 150 workshops as with 30 (page and API)', async () => {
    const page = (input: Record<string, string>) => loadCataloguePage(input, { now: NOW });
    const few = await queriesFor(() => page({ q: 'smartfone' }));
    const apiOne = await queriesFor(() => searchCatalogue({ q: 'smartfone' }, { now: NOW }));
    const full = await queriesFor(() => page({}));
    const filtered = await queriesFor(() => page({ q: 'atelier', place: 'Roanne', seats: '1', from: '2026-12-01', to: '2027-01-31' }));
    expect((await searchCatalogue({ q: 'smartfone' }, { now: NOW })).total).toBe(1);
    expect((await searchCatalogue({}, { now: NOW })).items).toHaveLength(12);

    await addManyWorkshops();
    const many = await queriesFor(() => page({}));
    const manyFiltered = await queriesFor(() => page({ q: 'atelier', place: 'Roanne', seats: '1', from: '2026-12-01', to: '2027-01-31' }));
    expect((await searchCatalogue({}, { now: NOW })).total).toBe(150);
    const apiAll = await queriesFor(() => searchCatalogue({}, { now: NOW, pageSize: 200 }));

    // Results, their sessions, and the places of the "where" list.
    expect(few).toBe(3);
    expect([full, filtered, many, manyFiltered]).toEqual([few, few, few, few]);
    // The API's catalogue: results and their sessions, for one workshop or 150 on one page.
    expect([apiOne, apiAll]).toEqual([2, 2]);
  });
});
