import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import { activities, attendance, places, sessions, users, workshops } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/errors';
import { parisToday } from '@/lib/stats/period';
import { toParisWallClock } from '@/lib/time';
import { THEMES, type ActivityKind, type Level, type PlaceType, type Theme } from '@/lib/vocabulary';
import { isUuid } from '@/lib/ids';
import type { AnonymousParticipants, AnonymousPerson } from './schema';
import { getActivity, type PersonRef } from './reads';
import { canUsePlace } from './visibility';
import { SessionAlreadyRecordedError } from './writes';

// Drafts: what the form starts from

export type ActivityDraft = {
  kind: ActivityKind;
  date: string;
  durationMinutes: number | null;
  placeType: PlaceType;
  placeId: string | null;
  sessionId: string | null;
  themes: string[];
  adminThemes: string[];
  equipment: string[];
  notes: string;
  learnerId: string | null;
  anonymousPerson: AnonymousPerson | null;
  autonomy: string | null;
  orientation: string[];
  completion: string | null;
  title: string;
  level: Level | null;
  participants: PersonRef[];
  anonymousParticipants: AnonymousParticipants | null;
  // The closed session this draft records, to show what is being confirmed.
  session: { id: string; title: string; placeName: string; startsAt: Date; endsAt: Date } | null;
};

const parisDateOf = (instant: Date) => {
  const w = toParisWallClock(instant);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
};

export function emptyDraft(kind: ActivityKind, now: Date, placeId: string | null): ActivityDraft {
  return {
    kind,
    date: parisToday(now),
    durationMinutes: null,
    placeType: 'place',
    placeId,
    sessionId: null,
    themes: [],
    adminThemes: [],
    equipment: [],
    notes: '',
    learnerId: null,
    anonymousPerson: null,
    autonomy: null,
    orientation: [],
    completion: null,
    title: '',
    level: kind === 'collective' ? 'beginner' : null,
    participants: [],
    anonymousParticipants: null,
    session: null,
  };
}

// The collective activity of a closed session, prefilled from its workshop (title, themes,
// level, duration) and its attendance (people present or late, as known participants): the
// mediator only has to confirm it.
export async function activityDraftFromSession(actor: Actor | null, sessionId: string): Promise<ActivityDraft> {
  assertCan(actor, 'activity:log');
  if (!isUuid(sessionId)) throw new NotFoundError('Cette séance n’existe pas.');
  const [session] = await db
    .select({
      id: sessions.id,
      placeId: sessions.placeId,
      placeName: places.name,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      status: sessions.status,
      title: workshops.title,
      themes: workshops.themes,
      level: workshops.level,
      durationMinutes: workshops.durationMinutes,
      activityId: sql<string | null>`(select ${activities.id} from ${activities} where ${activities.sessionId} = ${sessions.id})`,
    })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(eq(sessions.id, sessionId));
  if (!session) throw new NotFoundError('Cette séance n’existe pas.');
  if (!canUsePlace(actor!, session.placeId)) throw new ForbiddenError('Cette séance a eu lieu dans un lieu où vous n’intervenez pas.');
  if (session.activityId) throw new SessionAlreadyRecordedError(session.activityId);
  if (session.status !== 'done') throw new UserError('Cette séance n’est pas encore clôturée : clôturez-la d’abord, après l’émargement.', { status: 409 });
  const participants = await db
    .select({ id: users.id, name: users.name })
    .from(attendance)
    .innerJoin(users, eq(users.id, attendance.userId))
    .where(and(eq(attendance.sessionId, session.id), inArray(attendance.status, ['present', 'late'])))
    .orderBy(asc(users.name));
  return {
    ...emptyDraft('collective', session.startsAt, session.placeId),
    date: parisDateOf(session.startsAt),
    durationMinutes: session.durationMinutes,
    sessionId: session.id,
    themes: session.themes.filter((t): t is Theme => (THEMES as readonly string[]).includes(t)),
    title: session.title,
    level: session.level,
    participants,
    session: { id: session.id, title: session.title, placeName: session.placeName, startsAt: session.startsAt, endsAt: session.endsAt },
  };
}

// A copy of an activity dated today, for a recurring one (not tied to any session).
export async function activityDraftFromActivity(actor: Actor | null, id: string, now = new Date()): Promise<ActivityDraft> {
  const a = await getActivity(actor, id);
  return {
    kind: a.kind,
    date: parisToday(now),
    durationMinutes: a.durationMinutes,
    placeType: a.placeType,
    placeId: a.place && canUsePlace(actor!, a.place.id) ? a.place.id : null,
    sessionId: null,
    themes: a.themes,
    adminThemes: a.adminThemes,
    equipment: a.equipment,
    notes: a.notes,
    learnerId: a.learner?.id ?? null,
    anonymousPerson: a.anonymousPerson,
    autonomy: a.autonomy,
    orientation: a.orientation,
    completion: a.completion,
    title: a.title ?? '',
    level: a.level,
    participants: a.participants,
    anonymousParticipants: a.anonymousParticipants,
    session: null,
  };
}

// The form of an existing activity.
export async function activityDraftForEdit(actor: Actor | null, id: string): Promise<ActivityDraft & { id: string }> {
  const a = await getActivity(actor, id);
  if (!a.canChange) throw new ForbiddenError('Seule la personne qui a enregistré cette activité peut la modifier.');
  const draft = await activityDraftFromActivity(actor, id);
  return { ...draft, id, date: a.date, sessionId: a.sessionId, placeId: a.place?.id ?? null };
}
