import 'server-only';
import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import { enrollments, places, sessions, workshops } from '@/db/schema';
import type { Level, Theme } from '@/lib/vocabulary';

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
  nextSessions: SessionSummary[];
};

const confirmedCount = sql<number>`(select count(*)::int from ${enrollments} e where e.session_id = ${sessions.id} and e.status = 'confirmed')`;

// Upcoming scheduled sessions of the given workshops, at most `perWorkshop` each, in one query.
export async function nextSessionsOf(workshopIds: string[], now: Date, perWorkshop = 3): Promise<Map<string, SessionSummary[]>> {
  const result = new Map<string, SessionSummary[]>();
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
      confirmedCount: confirmedCount.as('confirmed_count'),
      rank: sql<number>`row_number() over (partition by ${sessions.workshopId} order by ${sessions.startsAt}, ${sessions.id})`.as('rank'),
    })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(and(inArray(sessions.workshopId, workshopIds), eq(sessions.status, 'scheduled'), gt(sessions.startsAt, now)))
    .as('ranked');
  const rows = await db.select().from(ranked).where(sql`${ranked.rank} <= ${perWorkshop}`).orderBy(asc(ranked.startsAt));
  for (const row of rows) {
    const list = result.get(row.workshopId) ?? [];
    list.push({
      id: row.id,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      placeName: row.placeName,
      placeSlug: row.placeSlug,
      commune: row.commune,
      capacity: row.capacity,
      confirmedCount: row.confirmedCount,
      seatsLeft: Math.max(0, row.capacity - row.confirmedCount),
    });
    result.set(row.workshopId, list);
  }
  return result;
}

// The public catalogue: published workshops with their next sessions. Two queries per page,
// whatever the number of workshops.
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
      total: sql<number>`count(*) over ()::int`,
    })
    .from(workshops)
    .where(eq(workshops.status, 'published'))
    .orderBy(asc(workshops.title))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const next = await nextSessionsOf(rows.map((r) => r.id), now);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, ...r }) => ({ ...r, themes: r.themes as Theme[], nextSessions: next.get(r.id) ?? [] })),
  };
}

export async function catalogueCounts(): Promise<{ workshops: number; places: number }> {
  const [[w], [p]] = await Promise.all([
    db.select({ n: count() }).from(workshops).where(eq(workshops.status, 'published')),
    db.select({ n: count() }).from(places).where(eq(places.active, true)),
  ]);
  return { workshops: w?.n ?? 0, places: p?.n ?? 0 };
}
