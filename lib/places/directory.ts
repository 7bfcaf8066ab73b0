import 'server-only';
import { and, asc, eq, gt, gte, lt, ne } from 'drizzle-orm';
import { db } from '@/db';
import { cached } from '@/lib/cache';
import { places, sessions, workshops } from '@/db/schema';
import { confirmedSeats, seatsLeft, sessionRow } from '@/lib/enrollment/seats';
import { addDays, parisToUtc, toParisWallClock } from '@/lib/time';
import { directoryFilterSchema, monthSchema, type DirectoryFilter, type PlaceView } from './schema';

// The public side of places: the directory, a place's page and its monthly programme. Only
// active places are public; an inactive one is "not found" for visitors.

export type DirectoryPlace = {
  id: string;
  slug: string;
  name: string;
  commune: string;
  postalCode: string;
  address: string;
  addressComplement: string | null;
  latitude: number | null;
  longitude: number | null;
  openingHours: string | null;
  summary: string | null;
  phone: string | null;
  emails: string[];
  websites: string[];
  services: string[];
  publics: string[];
};

export type Directory = {
  places: DirectoryPlace[];
  // What the filters can choose from, over every active place.
  communes: string[];
  services: string[];
  filter: DirectoryFilter;
};

const directoryColumns = {
  id: places.id,
  slug: places.slug,
  name: places.name,
  commune: places.commune,
  postalCode: places.postalCode,
  address: places.address,
  addressComplement: places.addressComplement,
  latitude: places.latitude,
  longitude: places.longitude,
  openingHours: places.openingHours,
  summary: places.summary,
  phone: places.phone,
  emails: places.emails,
  websites: places.websites,
  services: places.services,
  publics: places.publics,
};

// "Saint-Étienne" and "saint etienne" name the same commune.
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const byFrench = new Intl.Collator('fr', { sensitivity: 'base' });

// The directory of active places, sorted by commune, filtered by commune and/or service. The
// network has tens of places, so one query brings them all: the filter options come from the
// same rows and the filters apply in memory.
export async function listDirectory(input: unknown = {}): Promise<Directory> {
  const parsed = directoryFilterSchema.safeParse(input);
  // The page is a GET form: input it cannot read (a 300-character commune) means "no filter".
  const filter: DirectoryFilter = parsed.success ? parsed.data : {};
  const { all, communes, services } = await activePlaces();
  const commune = filter.commune ? fold(filter.commune) : null;
  const service = filter.service ? fold(filter.service) : null;
  const placesFound = all.filter((p) => (!commune || fold(p.commune) === commune) && (!service || p.services.some((s) => fold(s) === service)));
  return { places: placesFound, communes, services, filter };
}

// Every active place, sorted, and the filter options: one query per instance until a place
// changes (tag "places", lib/cache).
function activePlaces(): Promise<{ all: DirectoryPlace[]; communes: string[]; services: string[] }> {
  return cached('places:active', ['places'], async () => {
    const rows = await db.select(directoryColumns).from(places).where(eq(places.active, true)).orderBy(asc(places.commune), asc(places.name));
    const all = rows.sort((a, b) => byFrench.compare(a.commune, b.commune) || byFrench.compare(a.name, b.name));
    const communes = [...new Set(all.map((p) => p.commune))];
    const services = [...new Set(all.flatMap((p) => p.services))].sort(byFrench.compare);
    return { all, communes, services };
  });
}

export const DIRECTORY_PAGE_SIZE = 20;
// Up to this many places, the map shows one numbered dot per place; beyond, one dot per commune.
export const MAP_MAX_DOTS = 30;

// A dot of the map: a place (count 1, its page) or a commune's places (their list).
export type MapPoint = { key: string; href: string; name: string; commune: string; count: number; number: number | null; latitude: number; longitude: number };

export type DirectoryPage = Omit<Directory, 'places'> & {
  places: (DirectoryPlace & { number: number | null })[];
  total: number;
  page: number;
  pageCount: number;
  map: MapPoint[];
  mapByCommune: boolean;
};

// What the /lieux page shows: one page of the filtered list and a map whose size does not grow
// with the network (a dot per commune beyond MAP_MAX_DOTS places).
export async function listDirectoryPage(input: Record<string, unknown> = {}): Promise<DirectoryPage> {
  const directory = await listDirectory(input);
  const total = directory.places.length;
  const pageCount = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  const asked = Number(typeof input.page === 'string' ? input.page : 1);
  const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pageCount) : 1;
  const numbered = total <= MAP_MAX_DOTS;
  const located = directory.places.map((p, i) => ({ ...p, number: numbered ? i + 1 : null })).filter((p) => p.latitude !== null && p.longitude !== null);
  let map: MapPoint[];
  if (located.length <= MAP_MAX_DOTS) {
    map = located.map((p) => ({ key: p.id, href: `/lieux/${p.slug}`, name: p.name, commune: p.commune, count: 1, number: p.number, latitude: p.latitude!, longitude: p.longitude! }));
  } else {
    const byCommune = new Map<string, { commune: string; count: number; latitude: number; longitude: number }>();
    for (const p of located) {
      const group = byCommune.get(p.commune) ?? { commune: p.commune, count: 0, latitude: 0, longitude: 0 };
      group.count++;
      group.latitude += p.latitude!;
      group.longitude += p.longitude!;
      byCommune.set(p.commune, group);
    }
    map = [...byCommune.values()].map((g) => ({
      key: g.commune,
      href: `/lieux?${new URLSearchParams({ commune: g.commune, ...(directory.filter.service ? { service: directory.filter.service } : {}) })}`,
      name: g.commune,
      commune: g.commune,
      count: g.count,
      number: null,
      latitude: g.latitude / g.count,
      longitude: g.longitude / g.count,
    }));
  }
  const start = (page - 1) * DIRECTORY_PAGE_SIZE;
  const shown = directory.places.slice(start, start + DIRECTORY_PAGE_SIZE).map((p, i) => ({ ...p, number: numbered ? start + i + 1 : null }));
  return { ...directory, places: shown, total, page, pageCount, map, mapByCommune: located.length > MAP_MAX_DOTS };
}

export function toPlaceView(place: DirectoryPlace): PlaceView {
  return {
    id: place.id,
    slug: place.slug,
    name: place.name,
    commune: place.commune,
    postalCode: place.postalCode,
    address: place.address,
    addressComplement: place.addressComplement,
    latitude: place.latitude,
    longitude: place.longitude,
    phone: place.phone,
    emails: place.emails,
    websites: place.websites,
    openingHours: place.openingHours,
    summary: place.summary,
    services: place.services,
    publics: place.publics,
    url: `/lieux/${place.slug}`,
  };
}

export type PlaceDetail = DirectoryPlace & {
  description: string | null;
  accessInfo: string | null;
  specificSupport: string[];
  accessibilityUrl: string | null;
  appointmentUrl: string | null;
  accessModes: string[];
  supportModes: string[];
  fees: string[];
};

async function findPlace(slug: string): Promise<PlaceDetail | null> {
  if (typeof slug !== 'string' || slug.length === 0 || slug.length > 200) return null;
  const [place] = await db
    .select({
      ...directoryColumns,
      description: places.description,
      accessInfo: places.accessInfo,
      specificSupport: places.specificSupport,
      accessibilityUrl: places.accessibilityUrl,
      appointmentUrl: places.appointmentUrl,
      accessModes: places.accessModes,
      supportModes: places.supportModes,
      fees: places.fees,
    })
    .from(places)
    .where(and(eq(places.slug, slug), eq(places.active, true)));
  return place ?? null;
}

export type PlaceSession = {
  id: string;
  workshopTitle: string;
  workshopSlug: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled' | 'done';
  capacity: number;
  confirmedCount: number;
  seatsLeft: number;
};

const sessionColumns = {
  id: sessions.id,
  workshopTitle: workshops.title,
  workshopSlug: workshops.slug,
  startsAt: sessions.startsAt,
  endsAt: sessions.endsAt,
  status: sessions.status,
  capacity: sessions.capacity,
  confirmedCount: confirmedSeats(sessionRow),
};

const withSeatsLeft = (row: Omit<PlaceSession, 'seatsLeft'>): PlaceSession => ({ ...row, seatsLeft: seatsLeft(row.capacity, row.confirmedCount) });

// The next scheduled sessions of published workshops at a place: one query, whatever their number.
export async function upcomingSessionsOfPlace(placeId: string, { now = new Date(), limit = 30 } = {}): Promise<PlaceSession[]> {
  const rows = await db
    .select(sessionColumns)
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .where(and(eq(sessions.placeId, placeId), eq(sessions.status, 'scheduled'), eq(workshops.status, 'published'), gt(sessions.startsAt, now)))
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .limit(limit);
  return rows.map(withSeatsLeft);
}

export type PlacePage = { place: PlaceDetail; sessions: PlaceSession[] };

// Everything the page of a place shows, in two queries; null for an unknown or inactive place.
// Without a given `now`: the cached page data (tags: the place's slug, which its sessions and
// sign-ups also send, and every place change).
export async function getPlacePage(slug: string, { now }: { now?: Date } = {}): Promise<PlacePage | null> {
  if (!now) return cached(`place-page:${slug}`, [`place:${slug}`, 'places'], () => getPlacePage(slug, { now: new Date() }));
  const place = await findPlace(slug);
  if (!place) return null;
  return { place, sessions: await upcomingSessionsOfPlace(place.id, { now }) };
}

export type Month = { year: number; month: number };

export const monthKey = ({ year, month }: Month) => `${year}-${String(month).padStart(2, '0')}`;

export function shiftMonth({ year, month }: Month, by: number): Month {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

// The month asked for in `?mois=2026-12`; the current Paris month when absent, or (with
// `invalid`) when it cannot be read.
export function readMonth(input: unknown, now = new Date()): { month: Month; invalid: boolean } {
  const today = toParisWallClock(now);
  const current = { year: today.year, month: today.month };
  if (input === undefined || input === null || input === '') return { month: current, invalid: false };
  const parsed = monthSchema.safeParse(input);
  if (!parsed.success) return { month: current, invalid: true };
  const [year, month] = parsed.data.split('-').map(Number) as [number, number];
  return { month: { year, month }, invalid: false };
}

// Days before a month's end from which its programme offers the next one: a programme printed
// on the 26th is pinned up for the weeks to come.
export const NEXT_MONTH_OFFER_DAYS = 7;

// The month to offer instead of `shown`: the next one when `shown` is the current Paris month and
// it ends within NEXT_MONTH_OFFER_DAYS days; otherwise none.
export function nextMonthToOffer(shown: Month, now = new Date()): Month | null {
  const today = toParisWallClock(now);
  if (shown.year !== today.year || shown.month !== today.month) return null;
  const lastDay = addDays({ ...shiftMonth(shown, 1), day: 1 }, -1).day;
  return lastDay - today.day < NEXT_MONTH_OFFER_DAYS ? shiftMonth(shown, 1) : null;
}

// The instants that bound a month of Paris wall-clock time: from the 1st at 00:00 to the 1st of
// the next month at 00:00, so that a session at 00:30 on the 1st belongs to its month.
export function monthBounds(month: Month): { from: Date; to: Date } {
  const next = shiftMonth(month, 1);
  return {
    from: parisToUtc({ ...month, day: 1, hour: 0, minute: 0 }),
    to: parisToUtc({ ...next, day: 1, hour: 0, minute: 0 }),
  };
}

export type Programme = {
  place: PlaceDetail;
  month: Month;
  previous: Month;
  next: Month;
  sessions: PlaceSession[];
  // Paris calendar days of the month (1…31), for "du 1er au 31 décembre".
  lastDay: number;
};

// A place's sessions of one month, cancelled ones included (the door sign says so), drafts not.
export async function getPlaceProgramme(slug: string, month: Month): Promise<Programme | null> {
  return cached(`programme:${slug}:${month.year}-${month.month}`, [`place:${slug}`, 'places'], () => loadPlaceProgramme(slug, month));
}

async function loadPlaceProgramme(slug: string, month: Month): Promise<Programme | null> {
  const place = await findPlace(slug);
  if (!place) return null;
  const { from, to } = monthBounds(month);
  const rows = await db
    .select(sessionColumns)
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .where(and(eq(sessions.placeId, place.id), ne(workshops.status, 'draft'), gte(sessions.startsAt, from), lt(sessions.startsAt, to)))
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
  const lastDay = addDays({ ...shiftMonth(month, 1), day: 1 }, -1).day;
  return { place, month, previous: shiftMonth(month, -1), next: shiftMonth(month, 1), sessions: rows.map(withSeatsLeft), lastDay };
}
