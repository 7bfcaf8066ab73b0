import 'server-only';
import { and, asc, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Executor } from '@/db';
import { activities, activityParticipants, attendance, places, sessions, users, workshops } from '@/db/schema';
import { inPeopleScope } from '@/lib/auth/people-scope';
import { assertCan, isEmptyScope, placeScope, type Actor } from '@/lib/auth/policy';
import { inScope } from '@/lib/auth/place-scope';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { type ActivityKind, type Level, type PlaceType } from '@/lib/vocabulary';
import { isUuid } from '@/lib/ids';
import { activityListQuerySchema, type ActivityListFilters, type ActivityListQuery, type AnonymousParticipants, type AnonymousPerson } from './schema';
import { canUsePlace, visibleTo, canChange, canRead } from './visibility';

// Reading the activity log: lists, one activity, what the form offers, sessions left to record.

export type PersonRef = { id: string; name: string };

export type ActivityView = {
  id: string;
  kind: ActivityKind;
  date: string;
  durationMinutes: number;
  placeType: PlaceType;
  place: { id: string; slug: string; name: string } | null;
  sessionId: string | null;
  themes: string[];
  adminThemes: string[];
  equipment: string[];
  mediator: PersonRef;
  learner: PersonRef | null;
  anonymousPerson: AnonymousPerson | null;
  autonomy: string | null;
  orientation: string[];
  completion: string | null;
  title: string | null;
  level: Level | null;
  participants: PersonRef[];
  anonymousParticipants: AnonymousParticipants | null;
  participantCount: number;
  notes: string;
  createdAt: Date;
  updatedAt: Date;
};

// The learners the activity form offers for a place (names only: no contact details).
export async function listKnownLearners(actor: Actor | null, placeId: string | null): Promise<PersonRef[]> {
  assertCan(actor, 'activity:log');
  if (placeId && !canUsePlace(actor!, placeId)) throw new ForbiddenError();
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inPeopleScope(actor!, users.id, { placeId: placeId }), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .limit(2000);
}

export type LoggablePlace = { id: string; slug: string; name: string; commune: string };

// The places where the actor may log an activity: the ones they staff; every active one for
// coordinators.
export async function loggablePlaces(actor: Actor | null): Promise<LoggablePlace[]> {
  assertCan(actor, 'activity:log');
  const columns = { id: places.id, slug: places.slug, name: places.name, commune: places.commune };
  const scope = placeScope(actor);
  if (isEmptyScope(scope)) return [];
  return db.select(columns).from(places).where(scope === 'all' ? eq(places.active, true) : inScope(places.id, scope)).orderBy(asc(places.name));
}

// Communes of the network, offered as suggestions for a person's commune.
export async function networkCommunes(): Promise<string[]> {
  const rows = await db.selectDistinct({ commune: places.commune }).from(places).orderBy(asc(places.commune));
  return rows.map((r) => r.commune);
}

export const learnerUser = alias(users, 'learner');
export const mediatorUser = alias(users, 'mediator');

const participantCount = sql<number>`(case when ${activities.kind} = 'individual' then 1
  else (select count(*) from ${activityParticipants} where ${activityParticipants.activityId} = ${activities.id})
    + coalesce((${activities.anonymousParticipants}->>'count')::int, 0) end)::int`;

export type ActivityListItem = {
  id: string;
  kind: ActivityKind;
  date: string;
  durationMinutes: number;
  placeName: string | null;
  title: string | null;
  learnerName: string | null;
  themes: string[];
  participantCount: number;
  mediatorName: string;
  // Logged by the actor.
  mine: boolean;
  sessionId: string | null;
  canChange: boolean;
};

export type ActivityList = { items: ActivityListItem[]; total: number; page: number; pageSize: number };

async function placeIdFromSlug(actor: Actor, slug: string): Promise<string> {
  const [place] = await db.select({ id: places.id }).from(places).where(eq(places.slug, slug));
  if (!place) throw new NotFoundError('Ce lieu n’existe pas.');
  if (!canUsePlace(actor, place.id)) throw new ForbiddenError('Vous ne pouvez voir que les activités de vos lieux.');
  return place.id;
}

export async function listConditions(actor: Actor, q: ActivityListFilters) {
  const placeId = q.place ? await placeIdFromSlug(actor, q.place) : undefined;
  return {
    where: and(
      visibleTo(actor),
      placeId ? eq(activities.placeId, placeId) : undefined,
      q.from ? gte(activities.date, q.from) : undefined,
      q.to ? lte(activities.date, q.to) : undefined,
      q.kind ? eq(activities.kind, q.kind) : undefined,
      q.mine ? eq(activities.mediatorId, actor.id) : undefined,
    ),
  };
}

// The activity log, newest first, one query per page.
export async function listActivities(actor: Actor | null, query: ActivityListQuery = {}, pageSize = 50): Promise<ActivityList> {
  assertCan(actor, 'activity:log');
  const q = parseInput(activityListQuerySchema, query);
  const { where } = await listConditions(actor!, q);
  const rows = await db
    .select({
      id: activities.id,
      kind: activities.kind,
      date: activities.date,
      durationMinutes: activities.durationMinutes,
      placeName: places.name,
      title: activities.title,
      learnerName: learnerUser.name,
      themes: activities.themes,
      participantCount,
      mediatorId: activities.mediatorId,
      mediatorName: mediatorUser.name,
      sessionId: activities.sessionId,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(activities)
    .innerJoin(mediatorUser, eq(mediatorUser.id, activities.mediatorId))
    .leftJoin(learnerUser, eq(learnerUser.id, activities.learnerId))
    .leftJoin(places, eq(places.id, activities.placeId))
    .where(where)
    .orderBy(desc(activities.date), desc(activities.createdAt))
    .limit(pageSize)
    .offset((q.page - 1) * pageSize);
  return {
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize,
    items: rows.map(({ total: _t, mediatorId, ...r }) => ({ ...r, mine: mediatorId === actor!.id, canChange: canChange(actor!, { mediatorId }) })),
  };
}

export async function loadActivity(executor: Executor, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await executor
    .select({
      activity: activities,
      place: { id: places.id, slug: places.slug, name: places.name },
      mediatorName: mediatorUser.name,
      learnerName: learnerUser.name,
    })
    .from(activities)
    .innerJoin(mediatorUser, eq(mediatorUser.id, activities.mediatorId))
    .leftJoin(learnerUser, eq(learnerUser.id, activities.learnerId))
    .leftJoin(places, eq(places.id, activities.placeId))
    .where(eq(activities.id, id));
  if (!row) return null;
  const participants = await executor
    .select({ id: users.id, name: users.name })
    .from(activityParticipants)
    .innerJoin(users, eq(users.id, activityParticipants.userId))
    .where(eq(activityParticipants.activityId, id))
    .orderBy(asc(users.name));
  const a = row.activity;
  const anonymous = (a.anonymousParticipants as AnonymousParticipants | null) ?? null;
  const view: ActivityView = {
    id: a.id,
    kind: a.kind,
    date: a.date,
    durationMinutes: a.durationMinutes,
    placeType: a.placeType as PlaceType,
    place: row.place?.id ? row.place : null,
    sessionId: a.sessionId,
    themes: a.themes,
    adminThemes: a.adminThemes,
    equipment: a.equipment,
    mediator: { id: a.mediatorId, name: row.mediatorName },
    learner: a.learnerId && row.learnerName ? { id: a.learnerId, name: row.learnerName } : null,
    anonymousPerson: (a.anonymousPerson as AnonymousPerson | null) ?? null,
    autonomy: a.autonomy,
    orientation: a.orientation,
    completion: a.completion,
    title: a.title,
    level: a.level,
    participants,
    anonymousParticipants: anonymous,
    participantCount: a.kind === 'individual' ? 1 : participants.length + (anonymous?.count ?? 0),
    notes: a.notes,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
  return { view, mediatorId: a.mediatorId, placeId: a.placeId };
}

// One activity, for its author, the staff of its place and coordinators.
export async function getActivity(actor: Actor | null, id: string): Promise<ActivityView & { canChange: boolean }> {
  assertCan(actor, 'activity:log');
  const loaded = await loadActivity(db, id);
  if (!loaded) throw new NotFoundError('Cette activité n’existe pas.');
  if (!canRead(actor!, loaded)) throw new ForbiddenError('Cette activité a été enregistrée dans un autre lieu.');
  return { ...loaded.view, canChange: canChange(actor!, loaded) };
}

// The activity recorded for a session, if any (for the attendance roster's button).
export async function activityIdForSession(actor: Actor | null, sessionId: string): Promise<string | null> {
  assertCan(actor, 'activity:log');
  if (!isUuid(sessionId)) return null;
  const [row] = await db.select({ id: activities.id }).from(activities).where(eq(activities.sessionId, sessionId));
  return row?.id ?? null;
}

export type SessionToRecord = { id: string; title: string; placeName: string; startsAt: Date; endsAt: Date; presentCount: number };

// Closed sessions of the actor's places that no activity records yet, most recent first.
export async function listSessionsToRecord(actor: Actor | null, { limit = 10 } = {}): Promise<SessionToRecord[]> {
  assertCan(actor, 'activity:log');
  const scope = placeScope(actor);
  if (isEmptyScope(scope)) return [];
  return db
    .select({
      id: sessions.id,
      title: workshops.title,
      placeName: places.name,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      presentCount: sql<number>`(select count(*) from ${attendance} where ${attendance.sessionId} = ${sessions.id} and ${attendance.status} in ('present', 'late'))::int`,
    })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(
      and(
        inScope(sessions.placeId, scope),
        eq(sessions.status, 'done'),
        sql`not exists (select 1 from ${activities} where ${activities.sessionId} = ${sessions.id})`,
      ),
    )
    .orderBy(desc(sessions.startsAt))
    .limit(limit);
}
