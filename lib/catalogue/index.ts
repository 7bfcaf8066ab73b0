import 'server-only';
import { asc, count, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { places, workshops } from '@/db/schema';
import type { Audience, Theme } from '@/lib/vocabulary';
import { titleOrder, upcomingSessionsOf, type CatalogueItem, type SessionSummary } from './search';

export { catalogueFilterOptions, loadCataloguePage, searchCatalogue, upcomingSessionsOf, workshopFilters } from './search';
export type { CatalogueFilterOptions, CatalogueItem, CatalogueResult, PlaceOption, SessionFilters, SessionSummary } from './search';
export { getPublicSession, getPublicWorkshop, otherDatesOf, sessionCalendar } from './public-pages';
export type { OtherDate, OtherDates, PublicSession, PublicWorkshop } from './public-pages';

// Upcoming scheduled sessions of the given workshops, at most `perWorkshop` each, in one query.
export async function nextSessionsOf(workshopIds: string[], now: Date, perWorkshop = 3): Promise<Map<string, SessionSummary[]>> {
  const found = await upcomingSessionsOf(workshopIds, { now, perWorkshop });
  return new Map([...found].map(([id, entry]) => [id, entry.sessions]));
}

// Every published workshop in title order with its next sessions (the home page's list). Two
// queries, whatever the number of workshops.
export async function listCatalogue({ page = 1, pageSize = 20, now = new Date() } = {}): Promise<{ items: CatalogueItem[]; total: number }> {
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
      total: sql<number>`count(*) over ()::int`,
    })
    .from(workshops)
    .where(eq(workshops.status, 'published'))
    .orderBy(titleOrder, asc(workshops.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const next = await upcomingSessionsOf(
    rows.map((r) => r.id),
    { now },
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, ...r }) => ({
      ...r,
      themes: r.themes as Theme[],
      audiences: r.audiences as Audience[],
      upcomingCount: next.get(r.id)?.count ?? 0,
      nextSessions: next.get(r.id)?.sessions ?? [],
    })),
  };
}

export async function catalogueCounts(): Promise<{ workshops: number; places: number }> {
  const [[w], [p]] = await Promise.all([
    db.select({ n: count() }).from(workshops).where(eq(workshops.status, 'published')),
    db.select({ n: count() }).from(places).where(eq(places.active, true)),
  ]);
  return { workshops: w?.n ?? 0, places: p?.n ?? 0 };
}
