import 'server-only';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import { placeStaff, places, sessions, users, workshops } from '@/db/schema';
import { seatCounts } from '@/lib/enrollment/seats';
import { assertCan, isEmptyScope, placeScope, type Actor } from '@/lib/auth/policy';
import { inScope } from '@/lib/auth/place-scope';

export type StaffSession = {
  id: string;
  workshopTitle: string;
  placeName: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
};

// Scheduled sessions at the places the actor staffs (every place for a coordinator), soonest
// first. `overview` (the mediation home): those not over yet, running ones included. `desk`
// (signing people up on their behalf): those not started yet, for staff who may do so.
export async function listStaffSessions(actor: Actor | null, { now = new Date(), purpose = 'overview', limit = purpose === 'desk' ? 60 : 20 }: { now?: Date; purpose?: 'overview' | 'desk'; limit?: number } = {}): Promise<StaffSession[]> {
  if (purpose === 'desk') assertCan(actor, 'enrollment:on-behalf', 'any-place');
  else assertCan(actor, 'mediation:view');
  const scope = placeScope(actor);
  if (isEmptyScope(scope)) return [];
  return db
    .select({
      id: sessions.id,
      workshopTitle: workshops.title,
      placeName: places.name,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      capacity: sessions.capacity,
      ...seatCounts(),
    })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(
      and(
        inScope(sessions.placeId, scope),
        eq(sessions.status, 'scheduled'),
        gt(purpose === 'desk' ? sessions.startsAt : sessions.endsAt, now),
      ),
    )
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .limit(limit);
}

export type PlaceContact = { slug: string; name: string; phone: string | null; openingHours: string | null };

// How to reach a place in person or by phone (public information of the directory).
export async function placeContactOf(placeId: string): Promise<PlaceContact | null> {
  const [row] = await db.select({ slug: places.slug, name: places.name, phone: places.phone, openingHours: places.openingHours }).from(places).where(eq(places.id, placeId));
  return row ?? null;
}

export type PlaceName = { id: string; slug: string; name: string; commune: string };

export async function placesByIds(ids: readonly string[]): Promise<PlaceName[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: places.id, slug: places.slug, name: places.name, commune: places.commune })
    .from(places)
    .where(inArray(places.id, [...ids]))
    .orderBy(asc(places.name));
}

export type PlaceWithStaff = PlaceName & { staff: string[] };

// The coordinator's directory of places with who staffs them.
export async function listPlacesWithStaff(actor: Actor | null): Promise<PlaceWithStaff[]> {
  assertCan(actor, 'place:manage');
  return db
    .select({
      id: places.id,
      slug: places.slug,
      name: places.name,
      commune: places.commune,
      staff: sql<string[]>`coalesce((select array_agg(u.name order by u.name) from ${placeStaff} s join ${users} u on u.id = s.user_id where s.place_id = ${places}.id), '{}')`,
    })
    .from(places)
    .orderBy(asc(places.commune), asc(places.name));
}

export type PublicPlace = PlaceName & { address: string; postalCode: string; openingHours: string | null; summary: string | null };

// The public directory of active places, sorted by commune.
export async function listPublicPlaces(): Promise<PublicPlace[]> {
  return db
    .select({
      id: places.id,
      slug: places.slug,
      name: places.name,
      commune: places.commune,
      address: places.address,
      postalCode: places.postalCode,
      openingHours: places.openingHours,
      summary: places.summary,
    })
    .from(places)
    .where(eq(places.active, true))
    .orderBy(asc(places.commune), asc(places.name));
}

// The public directory, place pages, programmes and the open-data export live beside this file.
export * from './directory';
export * from './standard';
export { describeOpeningHours, openingLineText, type OpeningHoursText, type OpeningLine } from './opening-hours';
export * from './open-data';
export { programmePdf } from './programme-pdf';
