import { beforeAll, describe, expect, it } from 'vitest';
import { places } from '@/db/schema';
import { DIRECTORY_PAGE_SIZE, MAP_MAX_DOTS, listDirectory, listDirectoryPage } from '@/lib/places';
import { db, seededTestDatabase } from '../helpers/db';

// /lieux sends one page of the list and a map whose size does not grow with the network: the
// same page for 10 places or 610.

const COMMUNES = ['Saint-Étienne', 'Roanne', 'Montbrison', 'Firminy', 'Feurs', 'Rive-de-Gier'];

describe('the directory page', () => {
  let demoTotal = 0;
  beforeAll(async () => {
    await seededTestDatabase();
    demoTotal = (await listDirectory()).places.length;
  });

  it('shows every place on the map, numbered, while the network is small', async () => {
    const page = await listDirectoryPage();
    expect(page.total).toBe(demoTotal);
    expect(page.mapByCommune).toBe(demoTotal > MAP_MAX_DOTS);
    if (!page.mapByCommune) expect(page.map.map((p) => p.number)).toEqual(page.map.map((_, i) => i + 1));
  });

  it('keeps the list to one page and the map to one dot per commune on a large network', async () => {
    await db.insert(places).values(
      Array.from({ length: 600 }, (_, i) => ({
        slug: `lieu-test-${i}`,
        pivot: String(90000000000000 + i),
        name: `Lieu test ${i}`,
        commune: COMMUNES[i % COMMUNES.length]!,
        postalCode: '42000',
        address: `${i} rue du Test`,
        latitude: 45.4 + (i % 50) / 100,
        longitude: 4.1 + (i % 30) / 100,
        services: ['Aide aux démarches administratives'],
      })),
    );
    const first = await listDirectoryPage();
    expect(first.total).toBe(demoTotal + 600);
    expect(first.places).toHaveLength(DIRECTORY_PAGE_SIZE);
    expect(first.pageCount).toBe(Math.ceil(first.total / DIRECTORY_PAGE_SIZE));
    expect(first.mapByCommune).toBe(true);
    // One dot per commune, with the number of its places, linking to the filtered list.
    expect(first.map.length).toBeLessThanOrEqual(first.communes.length);
    expect(first.map.reduce((a, p) => a + p.count, 0)).toBe(first.total - (await listDirectory()).places.filter((p) => p.latitude === null).length);
    const roanne = first.map.find((p) => p.commune === 'Roanne')!;
    expect(roanne.href).toBe('/lieux?commune=Roanne');
    expect(roanne.count).toBeGreaterThanOrEqual(100);
    expect(first.places.every((p) => p.number === null)).toBe(true);

    // Pages follow each other without overlap; a page past the end shows the last one.
    const second = await listDirectoryPage({ page: '2' });
    expect(second.places[0]!.id).not.toBe(first.places[0]!.id);
    expect(new Set([...first.places, ...second.places].map((p) => p.id)).size).toBe(2 * DIRECTORY_PAGE_SIZE);
    expect((await listDirectoryPage({ page: '9999' })).page).toBe(first.pageCount);
    expect((await listDirectoryPage({ page: 'abc' })).page).toBe(1);

    // Filtered: the commune's places only, paged the same way.
    const filtered = await listDirectoryPage({ commune: 'roanne', service: 'Aide aux démarches administratives' });
    expect(filtered.total).toBeGreaterThanOrEqual(100);
    expect(filtered.places.every((p) => p.commune === 'Roanne')).toBe(true);
    expect(filtered.map).toHaveLength(1);

    // What the page carries stays small: one page of places and a few dozen dots.
    const size = JSON.stringify({ places: first.places, map: first.map, communes: first.communes, services: first.services }).length;
    expect(size).toBeLessThan(40_000);
  });
});
