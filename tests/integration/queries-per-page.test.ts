import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryCounter } from '@/db';
import { catalogueFilterOptions, getPublicSession, getPublicWorkshop, loadCataloguePage, otherDatesOf, searchCatalogue } from '@/lib/catalogue';
import { enrollmentPanel } from '@/lib/enrollment';
import { getPlacePage, listDirectoryPage } from '@/lib/places';
import { demoActor } from '../helpers/actors';
import { db, seededTestDatabase } from '../helpers/db';

// The statements each public page sends to the database, on the demo network and on a network
// several times larger: the same number, whatever the size (the data cache is off in tests, so
// these are the counts of a cache miss). The catalogue view stays within 3 statements, each its
// own transaction.

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function statementsOf(load: () => Promise<unknown>): Promise<number> {
  const before = queryCounter.count;
  await load();
  return queryCounter.count - before;
}

type Subject = { workshop: string; session: string; place: string };

async function pick(): Promise<Subject> {
  const [row] = await rows<{ workshop: string; session: string; place: string }>(sql`
    select w.slug as workshop, s.id as session, p.slug as place from sessions s join workshops w on w.id = s.workshop_id join places p on p.id = s.place_id
    where s.status = 'scheduled' and s.starts_at > now() and w.status = 'published' order by s.starts_at limit 1`);
  return row!;
}

async function countAll(subject: Subject) {
  const learner = await demoActor('learner');
  return {
    '/ateliers': await statementsOf(() => loadCataloguePage({})),
    '/ateliers?q=': await statementsOf(() => loadCataloguePage({ q: 'smartphone', page: '2' })),
    'GET /api/v1/workshops?page=1': await statementsOf(() => searchCatalogue({ page: '1' })),
    '/ateliers/[slug]': await statementsOf(() => Promise.all([getPublicWorkshop(subject.workshop), catalogueFilterOptions()])),
    '/seances/[id]': await statementsOf(() => Promise.all([getPublicSession(subject.session), otherDatesOf(subject.session), enrollmentPanel(learner, subject.session)])),
    '/lieux': await statementsOf(() => listDirectoryPage({})),
    '/lieux?page=2': await statementsOf(() => listDirectoryPage({ page: '2' })),
    '/lieux/[slug]': await statementsOf(() => getPlacePage(subject.place)),
  };
}

describe('statements per page', () => {
  let subject: Subject;
  beforeAll(async () => {
    await seededTestDatabase();
    subject = await pick();
  });

  it('sends as many statements on a network many times larger, and at most 3 for the catalogue', async () => {
    const demo = await countAll(subject);
    expect(demo['/ateliers']).toBeLessThanOrEqual(3);
    expect(demo['GET /api/v1/workshops?page=1']).toBeLessThanOrEqual(3);

    // Grow the network: 300 places, 600 published workshops with 4 upcoming sessions each, 800
    // learners signed up for them.
    await db.execute(sql`insert into places (slug, pivot, name, commune, postal_code, address, latitude, longitude)
      select 'grand-lieu-' || i, (80000000000000 + i)::text, 'Grand lieu ' || i, 'Commune ' || (i % 40), '42000', i || ' rue', 45.4 + (i % 50) / 100.0, 4.1 + (i % 30) / 100.0
      from generate_series(1, 300) i`);
    await db.execute(sql`insert into workshops (slug, title, summary, level, duration_minutes, status, themes)
      select 'grand-atelier-' || i, 'Atelier smartphone numéro ' || i, 'Pour apprendre.', 'beginner', 120, 'published', array['smartphone']
      from generate_series(1, 600) i`);
    await db.execute(sql`insert into workshop_places (workshop_id, place_id)
      select w.id, p.id from workshops w join places p on p.slug = 'grand-lieu-' || (1 + (substring(w.slug from 15)::int % 300)) where w.slug like 'grand-atelier-%'`);
    await db.execute(sql`insert into sessions (workshop_id, place_id, starts_at, ends_at, capacity)
      select wp.workshop_id, wp.place_id, now() + (k || ' days')::interval, now() + (k || ' days')::interval + interval '2 hours', 10
      from workshop_places wp join workshops w on w.id = wp.workshop_id, generate_series(1, 4) k where w.slug like 'grand-atelier-%'`);
    await db.execute(sql`insert into users (name, email) select 'Grand apprenant ' || i, 'grand.' || i || '@exemple.fr' from generate_series(1, 800) i`);
    await db.execute(sql`insert into enrollments (session_id, user_id, status)
      select s.id, u.id, 'confirmed' from (select id, row_number() over (order by id) n from sessions where workshop_id in (select id from workshops where slug like 'grand-atelier-%')) s
      join (select id, row_number() over (order by id) n from users where email like 'grand.%') u on u.n between (s.n % 790) + 1 and (s.n % 790) + 6`);
    const [size] = await rows<{ places: number; workshops: number; sessions: number; enrollments: number }>(
      sql`select (select count(*) from places)::int as places, (select count(*) from workshops)::int as workshops, (select count(*) from sessions)::int as sessions, (select count(*) from enrollments)::int as enrollments`,
    );
    expect(size!.workshops).toBeGreaterThan(600);
    expect(size!.enrollments).toBeGreaterThan(10_000);

    const large = await countAll(subject);
    console.info('Statements per page (cache miss), demo and large:', JSON.stringify(demo), JSON.stringify(large));
    expect(large).toEqual(demo);
  });
});
