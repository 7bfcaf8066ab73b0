import 'server-only';
import { z } from 'zod';
import { toParisIso } from '@/lib/time';
import { AUDIENCES, LEVELS, SESSION_STATUSES, THEMES } from '@/lib/vocabulary';
import type { PublicSession, PublicWorkshop } from './public-pages';
import type { CatalogueResult, SessionSummary } from './search';

// What the JSON API sends for the catalogue: codes, not labels; instants in ISO 8601 with the
// Paris offset. The zod schemas document the answers in /api/v1/openapi.json.

const instant = z.iso.datetime({ offset: true });
const placeRef = z.object({ slug: z.string(), name: z.string(), commune: z.string() });

export const sessionSummaryView = z.object({
  id: z.uuid(),
  startsAt: instant,
  endsAt: instant,
  place: placeRef,
  capacity: z.int(),
  confirmedCount: z.int(),
  seatsLeft: z.int(),
  url: z.string().describe('Page de la séance.'),
});

const workshopFields = {
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  themes: z.array(z.enum(THEMES)),
  level: z.enum(LEVELS),
  durationMinutes: z.int(),
  audiences: z.array(z.enum(AUDIENCES)),
  url: z.string().describe('Page de l’atelier.'),
};

export const catalogueItemView = z.object({
  ...workshopFields,
  upcomingSessionCount: z.int().describe('Séances à venir qui répondent aux filtres.'),
  nextSessions: z.array(sessionSummaryView).describe('Les premières de ces séances (3 au plus).'),
});

export const catalogueView = z.object({
  items: z.array(catalogueItemView),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  pageCount: z.int(),
});

export const workshopView = z.object({
  ...workshopFields,
  description: z.string(),
  prerequisites: z.string(),
  toBring: z.string(),
  places: z.array(placeRef),
  upcomingSessions: z.array(sessionSummaryView),
  pastSessionCount: z.int(),
});

export const sessionView = z.object({
  id: z.uuid(),
  status: z.enum(SESSION_STATUSES),
  startsAt: instant,
  endsAt: instant,
  capacity: z.int(),
  confirmedCount: z.int(),
  waitlistCount: z.int(),
  seatsLeft: z.int(),
  workshop: z.object({ slug: z.string(), title: z.string(), summary: z.string(), level: z.enum(LEVELS), durationMinutes: z.int(), themes: z.array(z.enum(THEMES)) }),
  place: z.object({
    slug: z.string(),
    name: z.string(),
    address: z.string(),
    addressComplement: z.string().nullable(),
    postalCode: z.string(),
    commune: z.string(),
    accessInfo: z.string().nullable(),
  }),
  trainers: z.array(z.object({ name: z.string() })),
  url: z.string(),
  icsUrl: z.string().describe('Le fichier iCalendar de la séance.'),
});

const toSessionSummary = (s: SessionSummary): z.infer<typeof sessionSummaryView> => ({
  id: s.id,
  startsAt: toParisIso(s.startsAt),
  endsAt: toParisIso(s.endsAt),
  place: { slug: s.placeSlug, name: s.placeName, commune: s.commune },
  capacity: s.capacity,
  confirmedCount: s.confirmedCount,
  seatsLeft: s.seatsLeft,
  url: `/seances/${s.id}`,
});

export function catalogueJson(result: CatalogueResult): z.infer<typeof catalogueView> {
  return {
    items: result.items.map((w) => ({
      slug: w.slug,
      title: w.title,
      summary: w.summary,
      themes: w.themes,
      level: w.level,
      durationMinutes: w.durationMinutes,
      audiences: w.audiences,
      url: `/ateliers/${w.slug}`,
      upcomingSessionCount: w.upcomingCount,
      nextSessions: w.nextSessions.map(toSessionSummary),
    })),
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
    pageCount: result.pageCount,
  };
}

export function workshopJson(w: PublicWorkshop): z.infer<typeof workshopView> {
  return {
    slug: w.slug,
    title: w.title,
    summary: w.summary,
    themes: w.themes,
    level: w.level,
    durationMinutes: w.durationMinutes,
    audiences: w.audiences,
    url: `/ateliers/${w.slug}`,
    description: w.description,
    prerequisites: w.prerequisites,
    toBring: w.toBring,
    places: w.places,
    upcomingSessions: w.upcomingSessions.map(toSessionSummary),
    pastSessionCount: w.pastSessionCount,
  };
}

export function sessionJson(s: PublicSession): z.infer<typeof sessionView> {
  return {
    id: s.id,
    status: s.status,
    startsAt: toParisIso(s.startsAt),
    endsAt: toParisIso(s.endsAt),
    capacity: s.capacity,
    confirmedCount: s.confirmedCount,
    waitlistCount: s.waitlistCount,
    seatsLeft: s.seatsLeft,
    workshop: s.workshop,
    place: s.place,
    trainers: s.trainers.map((name) => ({ name })),
    url: `/seances/${s.id}`,
    icsUrl: `/api/v1/sessions/${s.id}.ics`,
  };
}
