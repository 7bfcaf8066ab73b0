import 'server-only';
import { and, arrayContains, asc, count, desc, eq, exists, gt, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { db } from '@/db';
import { cached } from '@/lib/cache';
import { places, sessions, workshops } from '@/db/schema';
import { confirmedSeats, hasFreeSeat, seatsLeft, sessionRow } from '@/lib/enrollment/seats';
import { ValidationError } from '@/lib/errors';
import { parisStartOfDay, parseParisDate, addDays } from '@/lib/time';
import { type FrenchCorpus, frenchSearch, searchWords } from '@/lib/search/french';
import { fieldErrorsOf } from '@/lib/validation';
import type { Audience, Level, Theme } from '@/lib/vocabulary';
import { CATALOGUE_PAGE_SIZE, catalogueQuerySchema, type CatalogueQuery } from './search-schema';

// The public catalogue: published workshops found by words (French full text that forgives
// accents, trigram similarity that forgives typos) and filters, with their next sessions.
// Two queries per page of results, whatever the number of workshops.

export type SessionSummary = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  placeName: string;
  placeSlug: string;
  commune: string;
  capacity: number;
  confirmedCount: number;
  seatsLeft: number;
};

export type CatalogueItem = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  themes: Theme[];
  level: Level;
  durationMinutes: number;
  audiences: Audience[];
  // Upcoming sessions that match the filters: how many, and the first few.
  upcomingCount: number;
  nextSessions: SessionSummary[];
};

export type CatalogueResult = {
  // The filters actually applied (invalid ones are left out, see `errors`).
  query: CatalogueQuery;
  errors: Record<string, string[]>;
  items: CatalogueItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

const NEXT_SESSIONS_PER_WORKSHOP = 3;

// Alphabetical order that ignores case and accents, the same on PostgreSQL and PGlite.
export const titleOrder = sql`${workshops}.title_key collate "C"`;

// Published workshops are the corpus: a word that none of them contains is taken as misspelt.
const catalogueCorpus: FrenchCorpus = {
  vector: sql`${workshops}.search_vector`,
  text: sql`${workshops}.search_text`,
  anyDocumentMatches: (query) => sql`exists (select 1 from ${workshops} w2 where w2.status = 'published' and w2.search_vector @@ ${query})`,
};

export type SessionFilters = { place?: string; from?: string; to?: string; seats?: boolean };

const hasSessionFilters = (f: SessionFilters) => Boolean(f.place || f.from || f.to || f.seats);

// Conditions on `sessions` joined with `places`: upcoming, scheduled, and matching the filters.
function sessionConditions(filters: SessionFilters, now: Date): SQL[] {
  const conditions: SQL[] = [eq(sessions.status, 'scheduled'), gt(sessions.startsAt, now)];
  const from = filters.from ? parseParisDate(filters.from) : null;
  const to = filters.to ? parseParisDate(filters.to) : null;
  if (from) conditions.push(gte(sessions.startsAt, parisStartOfDay(from)));
  // "to" is a whole day: sessions that start before the next midnight.
  if (to) conditions.push(lt(sessions.startsAt, parisStartOfDay(addDays(to, 1))));
  if (filters.place) {
    conditions.push(sql`(${places.slug} = ${filters.place} or lower(comptoir_unaccent(${places.commune})) = lower(comptoir_unaccent(${filters.place}::text)))`);
  }
  if (filters.seats) conditions.push(hasFreeSeat());
  return conditions;
}

// The first sessions of each workshop that match the filters, and how many match, in one query.
export async function upcomingSessionsOf(
  workshopIds: string[],
  { filters = {}, now, perWorkshop = NEXT_SESSIONS_PER_WORKSHOP }: { filters?: SessionFilters; now: Date; perWorkshop?: number },
): Promise<Map<string, { count: number; sessions: SessionSummary[] }>> {
  const result = new Map<string, { count: number; sessions: SessionSummary[] }>();
  if (workshopIds.length === 0) return result;
  const ranked = db
    .select({
      id: sessions.id,
      workshopId: sessions.workshopId,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      capacity: sessions.capacity,
      placeName: places.name,
      placeSlug: places.slug,
      commune: places.commune,
      confirmedCount: confirmedSeats(sessionRow).as('confirmed_count'),
      rank: sql<number>`row_number() over (partition by ${sessions.workshopId} order by ${sessions.startsAt}, ${sessions.id})`.as('rank'),
      count: sql<number>`(count(*) over (partition by ${sessions.workshopId}))::int`.as('count'),
    })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(and(inArray(sessions.workshopId, workshopIds), ...sessionConditions(filters, now)))
    .as('ranked');
  const rows = await db.select().from(ranked).where(sql`${ranked.rank} <= ${perWorkshop}`).orderBy(asc(ranked.startsAt), asc(ranked.id));
  for (const row of rows) {
    const entry = result.get(row.workshopId) ?? { count: Number(row.count), sessions: [] };
    entry.sessions.push({
      id: row.id,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      placeName: row.placeName,
      placeSlug: row.placeSlug,
      commune: row.commune,
      capacity: row.capacity,
      confirmedCount: row.confirmedCount,
      seatsLeft: seatsLeft(row.capacity, row.confirmedCount),
    });
    result.set(row.workshopId, entry);
  }
  return result;
}

// The part of a catalogue search that a workshop page keeps for its list of sessions: the place
// and the dates (invalid values are dropped). `search` is the same filters as a query string.
export function workshopFilters(input: unknown): { filters: SessionFilters; search: string } {
  const { query } = parseCatalogueQuery(input, 'lenient');
  const filters: SessionFilters = { place: query.place, from: query.from, to: query.to };
  const params = new URLSearchParams();
  for (const key of ['place', 'from', 'to'] as const) if (filters[key]) params.set(key, filters[key]!);
  return { filters, search: params.size ? `?${params}` : '' };
}

// Parses the query. Strict (the API): bad input throws a ValidationError (400). Lenient (the
// page): bad fields are reported and left out, and the search runs with the rest.
export function parseCatalogueQuery(input: unknown, mode: 'strict' | 'lenient'): { query: CatalogueQuery; errors: Record<string, string[]> } {
  const first = catalogueQuerySchema.safeParse(input);
  if (first.success) return { query: first.data, errors: {} };
  const errors = fieldErrorsOf(first.error);
  if (mode === 'strict') throw new ValidationError(errors, 'Certains critères de recherche sont invalides.');
  const kept = Object.fromEntries(Object.entries((input ?? {}) as Record<string, unknown>).filter(([key]) => !(key in errors)));
  const second = catalogueQuerySchema.safeParse(kept);
  return { query: second.success ? second.data : catalogueQuerySchema.parse({}), errors };
}

// Published workshops matching the query, most relevant first (alphabetical without words).
// Without a given `now`, the results are the cached ones (lib/cache, tag "catalogue": any change
// of a workshop, session, sign-up or place drops them), at most CACHE_TTL_SECONDS old.
export async function searchCatalogue(input: unknown, { now, mode = 'strict' as 'strict' | 'lenient', pageSize = CATALOGUE_PAGE_SIZE }: { now?: Date; mode?: 'strict' | 'lenient'; pageSize?: number } = {}): Promise<CatalogueResult> {
  if (!now) return cached(`catalogue:${mode}:${pageSize}:${JSON.stringify(input ?? {})}`, ['catalogue'], () => searchCatalogue(input, { now: new Date(), mode, pageSize }));
  const { query, errors } = parseCatalogueQuery(input, mode);
  const { score, condition: wordsMatch } = frenchSearch(catalogueCorpus, searchWords(query.q));
  const filters: SessionFilters = { place: query.place, from: query.from, to: query.to, seats: query.seats };

  const conditions: (SQL | undefined)[] = [eq(workshops.status, 'published')];
  if (query.theme) conditions.push(arrayContains(workshops.themes, [query.theme]));
  if (query.level) conditions.push(eq(workshops.level, query.level));
  if (wordsMatch) conditions.push(wordsMatch);
  if (hasSessionFilters(filters)) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(sessions)
          .innerJoin(places, eq(places.id, sessions.placeId))
          .where(and(eq(sessions.workshopId, workshops.id), ...sessionConditions(filters, now))),
      ),
    );
  }

  const rows = await db
    .select({
      id: workshops.id,
      slug: workshops.slug,
      title: workshops.title,
      summary: workshops.summary,
      themes: workshops.themes,
      level: workshops.level,
      durationMinutes: workshops.durationMinutes,
      audiences: workshops.audiences,
      score: score.as('score'),
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(workshops)
    .where(and(...conditions))
    .orderBy(desc(sql`score`), titleOrder, asc(workshops.id))
    .limit(pageSize)
    .offset((query.page - 1) * pageSize);

  const next = await upcomingSessionsOf(
    rows.map((r) => r.id),
    { filters, now },
  );
  // Past the last page there is no row to carry the total: count once more.
  const total = rows[0]?.total ?? (query.page > 1 ? ((await db.select({ n: count() }).from(workshops).where(and(...conditions)))[0]?.n ?? 0) : 0);
  return {
    query,
    errors,
    total,
    page: query.page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      themes: r.themes as Theme[],
      level: r.level,
      durationMinutes: r.durationMinutes,
      audiences: r.audiences as Audience[],
      upcomingCount: next.get(r.id)?.count ?? 0,
      nextSessions: next.get(r.id)?.sessions ?? [],
    })),
  };
}

export type PlaceOption = { slug: string; name: string; commune: string };
// The "where" filter: the communes of the network, and what the current filter designates — a
// commune (whatever its case or accents), a place given by its slug, or an unknown value.
export type CatalogueFilterOptions = { communes: string[]; selected?: { value: string; label: string } };

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// One query, whatever the number of places: one row per commune, carrying the name of the
// place that the filter names, if any.
export async function catalogueFilterOptions(place?: string): Promise<CatalogueFilterOptions> {
  return cached(`catalogue-options:${place ?? ''}`, ['places'], () => loadFilterOptions(place));
}

async function loadFilterOptions(place?: string): Promise<CatalogueFilterOptions> {
  const rows = await db
    .select({
      commune: places.commune,
      placeName: sql<string | null>`max(${places.name}) filter (where ${places.slug} = ${place ?? ''})`,
    })
    .from(places)
    .where(eq(places.active, true))
    .groupBy(places.commune);
  const communes = rows.map((r) => r.commune).sort(collator.compare);
  if (!place) return { communes };
  const named = rows.find((r) => r.placeName);
  if (named) return { communes, selected: { value: place, label: `${named.placeName} (${named.commune})` } };
  const commune = communes.find((c) => fold(c) === fold(place));
  return { communes, selected: commune ? { value: commune, label: commune } : { value: place, label: place } };
}

// Everything /ateliers shows: results (lenient about bad filters) and the filter choices.
export async function loadCataloguePage(input: unknown, { now }: { now?: Date } = {}): Promise<CatalogueResult & { options: CatalogueFilterOptions }> {
  const place = typeof (input as { place?: unknown } | null)?.place === 'string' ? (input as { place: string }).place.trim() : undefined;
  const [result, options] = await Promise.all([searchCatalogue(input, { now, mode: 'lenient' }), catalogueFilterOptions(place || undefined)]);
  return { ...result, options };
}
