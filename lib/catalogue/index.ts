import 'server-only';
import { count, eq } from 'drizzle-orm';
import { db } from '@/db';
import { places, workshops } from '@/db/schema';
import { upcomingSessionsOf, type SessionSummary } from './search';

export { catalogueFilterOptions, loadCataloguePage, searchCatalogue, upcomingSessionsOf, workshopFilters } from './search';
export type { CatalogueFilterOptions, CatalogueItem, CatalogueResult, PlaceOption, SessionFilters, SessionSummary } from './search';
export { getPublicSession, getPublicWorkshop, otherDatesOf, sessionCalendar } from './public-pages';
export type { OtherDate, OtherDates, PublicSession, PublicWorkshop } from './public-pages';

// Upcoming scheduled sessions of the given workshops, at most `perWorkshop` each, in one query.
export async function nextSessionsOf(workshopIds: string[], now: Date, perWorkshop = 3): Promise<Map<string, SessionSummary[]>> {
  const found = await upcomingSessionsOf(workshopIds, { now, perWorkshop });
  return new Map([...found].map(([id, entry]) => [id, entry.sessions]));
}

export async function catalogueCounts(): Promise<{ workshops: number; places: number }> {
  const [[w], [p]] = await Promise.all([
    db.select({ n: count() }).from(workshops).where(eq(workshops.status, 'published')),
    db.select({ n: count() }).from(places).where(eq(places.active, true)),
  ]);
  return { workshops: w?.n ?? 0, places: p?.n ?? 0 };
}
