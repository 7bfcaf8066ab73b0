import 'server-only';
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { db } from '@/db';
import { cached } from '@/lib/cache';
import { places, sessionTrainers, sessions, users, workshopPlaces, workshops } from '@/db/schema';
import { calendarSequence, sessionUid } from '@/lib/calendar/event';
import { toIcs } from '@/lib/calendar/ics';
import { confirmedSeats, hasFreeSeat, seatCounts, seatsLeft, sessionRow } from '@/lib/enrollment/seats';
import { NotFoundError } from '@/lib/errors';
import type { Audience, Level, Theme } from '@/lib/vocabulary';
import { upcomingSessionsOf, type PlaceOption, type SessionFilters, type SessionSummary } from './search';
import { workshopContentColumns, type WorkshopContent } from './workshop-content';
import { isUuid } from '@/lib/ids';

// The data of the public pages of one workshop and one session (with the other dates to offer
// and the session's calendar file): reads of published workshops (policy: `catalogue:read` is
// open to anyone, so no actor is needed). Unknown or malformed identifiers are "not found".
// (Instants go into raw SQL as ISO strings: the postgres.js driver does not serialise a Date there.)

const UPCOMING_LIMIT = 50;

export type PublicWorkshop = WorkshopContent & {
  places: PlaceOption[];
  // The upcoming sessions that match the filters (all of them without filters)…
  upcomingSessions: SessionSummary[];
  // …and how many upcoming sessions there are, filters or not.
  upcomingCount: number;
  pastSessionCount: number;
};

const WORKSHOP_NOT_FOUND = 'Cet atelier n’existe pas ou n’est plus proposé.';
const SESSION_NOT_FOUND = 'Cette séance n’existe pas.';

const slugSchema = z.string().min(1).max(200).regex(/^[a-z0-9-]+$/);

// `filters` keeps the place and dates chosen in the catalogue search (see workshopFilters).
// Without a given `now`: the cached page data (tags: the workshop by id and slug, the places).
export async function getPublicWorkshop(slug: string, { now, filters = {} as SessionFilters }: { now?: Date; filters?: SessionFilters } = {}): Promise<PublicWorkshop> {
  if (!slugSchema.safeParse(slug).success) throw new NotFoundError(WORKSHOP_NOT_FOUND);
  if (!now)
    return cached(`workshop:${slug}:${JSON.stringify(filters)}`, (w) => [`workshop:${slug}`, `workshop:${w.id}`, 'places'], () => getPublicWorkshop(slug, { now: new Date(), filters }));
  const [workshop] = await db
    .select({
      ...workshopContentColumns,
      pastSessionCount: sql<number>`(select count(*)::int from ${sessions} s where s.workshop_id = ${workshops}.id and s.status <> 'cancelled' and s.ends_at <= ${now.toISOString()}::timestamptz)`,
    })
    .from(workshops)
    .where(and(eq(workshops.slug, slug), eq(workshops.status, 'published')));
  if (!workshop) throw new NotFoundError(WORKSHOP_NOT_FOUND);
  const [placeRows, upcoming] = await Promise.all([
    db
      .select({ slug: places.slug, name: places.name, commune: places.commune })
      .from(workshopPlaces)
      .innerJoin(places, eq(places.id, workshopPlaces.placeId))
      .where(and(eq(workshopPlaces.workshopId, workshop.id), eq(places.active, true)))
      .orderBy(asc(places.commune), asc(places.name)),
    upcomingSessionsOf([workshop.id], { now, filters, perWorkshop: UPCOMING_LIMIT }),
  ]);
  const filtered = Boolean(filters.place || filters.from || filters.to || filters.seats);
  const all = filtered ? (await upcomingSessionsOf([workshop.id], { now, perWorkshop: 1 })).get(workshop.id)?.count : undefined;
  return {
    ...workshop,
    themes: workshop.themes as Theme[],
    audiences: workshop.audiences as Audience[],
    places: placeRows,
    upcomingSessions: upcoming.get(workshop.id)?.sessions ?? [],
    upcomingCount: filtered ? (all ?? 0) : (upcoming.get(workshop.id)?.count ?? 0),
  };
}

export type PublicSession = {
  id: string;
  status: 'scheduled' | 'cancelled' | 'done';
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  createdAt: Date;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  seatsLeft: number;
  // Whether it has not started yet and is not cancelled.
  upcoming: boolean;
  workshop: { slug: string; title: string; summary: string; level: Level; durationMinutes: number; themes: Theme[] };
  place: { slug: string; name: string; address: string; addressComplement: string | null; postalCode: string; commune: string; accessInfo: string | null };
  trainers: string[];
};

// Without a given `now`: the cached page data (tags: the session, its workshop and place).
export async function getPublicSession(id: string, { now }: { now?: Date } = {}): Promise<PublicSession> {
  if (!isUuid(id)) throw new NotFoundError(SESSION_NOT_FOUND);
  if (!now) return cached(`session:${id}`, (s) => [`session:${id}`, `workshop:${s.workshop.slug}`, `place:${s.place.slug}`], () => getPublicSession(id, { now: new Date() }));
  const [row] = await db
    .select({
      id: sessions.id,
      status: sessions.status,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      createdAt: sessions.createdAt,
      updatedAt: sessions.updatedAt,
      capacity: sessions.capacity,
      ...seatCounts(),
      trainers: sql<string[]>`coalesce((select array_agg(u.name order by u.name) from ${sessionTrainers} st join ${users} u on u.id = st.user_id where st.session_id = ${sessions}.id), '{}')`,
      workshop: {
        slug: workshops.slug,
        title: workshops.title,
        summary: workshops.summary,
        level: workshops.level,
        durationMinutes: workshops.durationMinutes,
        themes: workshops.themes,
      },
      place: {
        slug: places.slug,
        name: places.name,
        address: places.address,
        addressComplement: places.addressComplement,
        postalCode: places.postalCode,
        commune: places.commune,
        accessInfo: places.accessInfo,
      },
    })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(and(eq(sessions.id, id), eq(workshops.status, 'published')));
  if (!row) throw new NotFoundError(SESSION_NOT_FOUND);
  return {
    ...row,
    seatsLeft: seatsLeft(row.capacity, row.confirmedCount),
    upcoming: row.status === 'scheduled' && row.startsAt > now,
    workshop: { ...row.workshop, themes: row.workshop.themes as Theme[] },
  };
}

export type OtherDate = SessionSummary & { distanceKm: number | null };
export type OtherDates = { samePlace: OtherDate[]; nearby: OtherDate[] };

const OTHER_DATES_PER_LIST = 3;
const OTHER_DATES_SCANNED = 100;

// Great-circle distance in kilometres, or null when a place has no position.
function distanceKm(a: { latitude: number | null; longitude: number | null }, b: { latitude: number | null; longitude: number | null }): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  const rad = Math.PI / 180;
  const h = Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

// Where else to go when a session is full, closed or cancelled: the next dates of the same
// workshop that still have seats, at the same place, and at the nearest other places (the first
// such date of each, nearest first). Empty lists for an unknown session.
export async function otherDatesOf(sessionId: string, { now }: { now?: Date } = {}): Promise<OtherDates> {
  if (!isUuid(sessionId)) return { samePlace: [], nearby: [] };
  // Other sessions of the workshop anywhere: any session or sign-up change ("catalogue").
  if (!now) return cached(`other-dates:${sessionId}`, ['catalogue'], () => otherDatesOf(sessionId, { now: new Date() }));
  const base = alias(sessions, 'base');
  const basePlace = alias(places, 'base_place');
  const rows = await db
    .select({
      id: sessions.id,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      capacity: sessions.capacity,
      confirmedCount: confirmedSeats(sessionRow),
      placeId: places.id,
      placeName: places.name,
      placeSlug: places.slug,
      commune: places.commune,
      latitude: places.latitude,
      longitude: places.longitude,
      samePlace: sql<boolean>`${sessions.placeId} = ${base.placeId}`,
      from: { latitude: basePlace.latitude, longitude: basePlace.longitude },
    })
    .from(sessions)
    .innerJoin(base, and(eq(base.workshopId, sessions.workshopId), ne(base.id, sessions.id)))
    .innerJoin(basePlace, eq(basePlace.id, base.placeId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .where(
      and(
        eq(base.id, sessionId),
        eq(workshops.status, 'published'),
        eq(places.active, true),
        eq(sessions.status, 'scheduled'),
        gt(sessions.startsAt, now),
        hasFreeSeat(),
      ),
    )
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .limit(OTHER_DATES_SCANNED);
  const dates = rows.map(({ latitude, longitude, from, samePlace, placeId, ...row }) => ({
    ...row,
    samePlace,
    placeId,
    seatsLeft: seatsLeft(row.capacity, row.confirmedCount),
    distanceKm: samePlace ? 0 : distanceKm(from, { latitude, longitude }),
  }));
  const strip = ({ samePlace: _s, placeId: _p, ...date }: (typeof dates)[number]): OtherDate => date;
  const firstPerPlace = new Map<string, (typeof dates)[number]>();
  for (const date of dates) if (!date.samePlace && !firstPerPlace.has(date.placeId)) firstPerPlace.set(date.placeId, date);
  const nearby = [...firstPerPlace.values()].sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || +a.startsAt - +b.startsAt);
  return {
    samePlace: dates.filter((d) => d.samePlace).slice(0, OTHER_DATES_PER_LIST).map(strip),
    nearby: nearby.slice(0, OTHER_DATES_PER_LIST).map(strip),
  };
}

// The session as an iCalendar file that calendar apps accept. `baseUrl` makes the link absolute.
export async function sessionCalendar(id: string, { now = new Date(), baseUrl }: { now?: Date; baseUrl: string }): Promise<{ filename: string; body: string }> {
  const session = await getPublicSession(id, { now });
  const { place, workshop } = session;
  const address = [place.address, place.addressComplement, `${place.postalCode} ${place.commune}`].filter(Boolean).join(', ');
  const url = new URL(`/seances/${session.id}`, baseUrl).toString();
  const body = toIcs(
    [
      {
        uid: sessionUid(session.id),
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        title: workshop.title,
        location: `${place.name}, ${address}`,
        description: [workshop.summary, place.accessInfo ? `Accès : ${place.accessInfo}` : null, url].filter(Boolean).join('\n\n'),
        url,
        cancelled: session.status === 'cancelled',
        sequence: calendarSequence(session),
      },
    ],
    { name: workshop.title, now },
  );
  return { filename: `seance-${workshop.slug}-${session.startsAt.toISOString().slice(0, 10)}.ics`, body };
}
