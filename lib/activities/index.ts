import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Executor } from '@/db';
import { activities, activityParticipants, attendance, places, sessions, users, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { inPeopleScope } from '@/lib/auth/people-scope';
import { assertCan, can, inPlaceScope, isEmptyScope, placeScope, type Actor } from '@/lib/auth/policy';
import { inScope } from '@/lib/auth/place-scope';
import { ConflictError, ForbiddenError, NotFoundError, UserError, ValidationError, isUniqueViolation } from '@/lib/errors';
import { parisToday } from '@/lib/stats/period';
import { toParisWallClock } from '@/lib/time';
import { parseInput } from '@/lib/validation';
import { GENDERS, AGE_BANDS, SOCIAL_STATUSES, THEMES, type ActivityKind, type Level, type PlaceType, type Theme } from '@/lib/vocabulary';
import { isUuid } from '@/lib/ids';
import {
  activityInputSchema,
  activityListQuerySchema,
  type ActivityInput,
  type ActivityListFilters,
  type ActivityListQuery,
  type AnonymousParticipants,
  type AnonymousPerson,
} from './schema';

// The activity log ("comptes rendus d'activité"): what mediators record of their work, by hand
// or from a closed session. Mediators see their own activities and those of the places they
// staff, and change only their own; coordinators see and change all.

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

export class SessionAlreadyRecordedError extends ConflictError {
  readonly activityId: string;
  constructor(activityId: string) {
    super('Cette séance est déjà enregistrée comme activité.');
    this.name = 'SessionAlreadyRecordedError';
    this.activityId = activityId;
  }
}


// Coordinators work on the whole network.
const networkWide = (actor: Actor) => placeScope(actor) === 'all';

// The activities an actor may read. The actor is asserted first: no optional filter here.
function visibleTo(actor: Actor): SQL | undefined {
  const scope = placeScope(actor);
  if (scope === 'all') return undefined;
  const own = eq(activities.mediatorId, actor.id);
  return isEmptyScope(scope) ? own : or(own, inScope(activities.placeId, scope));
}

const canChange = (actor: Actor, row: { mediatorId: string }) => row.mediatorId === actor.id || networkWide(actor);

// A place's activity data (logging there, reading it) belongs to its staff and to coordinators:
// the same people who see the place's statistics.
const canUsePlace = (actor: Actor, placeId: string) => can(actor, 'stats:place', { placeId });

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

// ---------------------------------------------------------------------------------------------
// Reading

const learnerUser = alias(users, 'learner');
const mediatorUser = alias(users, 'mediator');

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

async function listConditions(actor: Actor, q: ActivityListFilters) {
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

async function loadActivity(executor: Executor, id: string) {
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

function canRead(actor: Actor, loaded: { mediatorId: string; placeId: string | null }) {
  return loaded.mediatorId === actor.id || inPlaceScope(placeScope(actor), loaded.placeId);
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

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// Writing

type StoredFields = Omit<typeof activities.$inferInsert, 'id' | 'mediatorId' | 'createdAt' | 'updatedAt'>;

// Each anonymous breakdown is completed to the head count with "unknown", so that every
// breakdown adds up to the same number of people.
function completeBreakdown<K extends string>(given: Partial<Record<K, number>>, codes: readonly K[], total: number): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  let named = 0;
  for (const code of codes) {
    const n = given[code] ?? 0;
    if (n > 0) out[code] = n;
    named += n;
  }
  if (total > named) out['unknown' as K] = (out['unknown' as K] ?? 0) + (total - named);
  return out;
}

function storedFields(data: ActivityInput, sessionId: string | null): StoredFields {
  const common = {
    kind: data.kind,
    date: data.date,
    durationMinutes: data.durationMinutes,
    placeType: data.placeType,
    placeId: data.placeId,
    themes: data.themes,
    adminThemes: data.adminThemes,
    equipment: data.equipment,
    notes: data.notes,
  };
  if (data.kind === 'individual') {
    return {
      ...common,
      sessionId: null,
      learnerId: data.learnerId,
      anonymousPerson: data.learnerId ? null : data.anonymousPerson,
      autonomy: data.autonomy,
      orientation: data.orientation,
      completion: data.completion,
      title: null,
      level: null,
      anonymousParticipants: null,
    };
  }
  const a = data.anonymousParticipants;
  return {
    ...common,
    sessionId,
    learnerId: null,
    anonymousPerson: null,
    autonomy: null,
    orientation: [],
    completion: null,
    title: data.title,
    level: data.level,
    anonymousParticipants:
      a.count > 0
        ? {
            count: a.count,
            gender: completeBreakdown(a.gender, GENDERS, a.count),
            ageBand: completeBreakdown(a.ageBand, AGE_BANDS, a.count),
            socialStatus: completeBreakdown(a.socialStatus, SOCIAL_STATUSES, a.count),
          }
        : null,
  };
}

const peopleOf = (data: ActivityInput) => (data.kind === 'collective' ? data.participantIds : data.learnerId ? [data.learnerId] : []);

// The rules that need the database or the clock, after the zod schema.
async function checkActivity(actor: Actor, data: ActivityInput, now: Date, sessionId: string | null): Promise<void> {
  if (data.date > parisToday(now)) throw new ValidationError({ date: ['La date ne peut pas être dans le futur.'] });
  if (data.placeId) {
    const [place] = await db.select({ id: places.id }).from(places).where(eq(places.id, data.placeId));
    if (!place) throw new ValidationError({ placeId: ['Ce lieu n’existe pas.'] });
    if (!canUsePlace(actor, data.placeId)) throw new ValidationError({ placeId: ['Choisissez un lieu où vous intervenez.'] });
  } else if (actor.staffedPlaceIds.length > 0) {
    throw new ValidationError({ placeId: ['Choisissez le lieu.'] });
  }
  if (sessionId) {
    const [session] = await db.select({ placeId: sessions.placeId, status: sessions.status }).from(sessions).where(eq(sessions.id, sessionId));
    if (!session) throw new ValidationError({ sessionId: ['Cette séance n’existe pas.'] });
    if (session.status !== 'done') throw new UserError('Cette séance n’est pas encore clôturée : clôturez-la d’abord, après l’émargement.', { status: 409 });
    if (session.placeId !== data.placeId) throw new ValidationError({ placeId: ['Une séance s’enregistre dans son propre lieu.'] });
  }
  const people = peopleOf(data);
  if (people.length > 0) {
    const found = await db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, people), inPeopleScope(actor, users.id, { placeId: data.placeId })));
    if (found.length !== people.length) {
      const field = data.kind === 'collective' ? 'participantIds' : 'learnerId';
      throw new ValidationError({ [field]: ['Choisissez des personnes connues de ce lieu (inscrites ou déjà accompagnées).'] });
    }
  }
}

async function recordedActivityOf(sessionId: string): Promise<string | null> {
  const [row] = await db.select({ id: activities.id }).from(activities).where(eq(activities.sessionId, sessionId));
  return row?.id ?? null;
}

// What the audit log keeps of an activity: its stored fields and the ids of its participants.
const snapshot = (fields: StoredFields & { mediatorId: string }, participantIds: string[]) => ({ ...fields, participantIds });

// Records an activity (POST /api/v1/activities, the "Nouvelle activité" form, a closed session).
export async function createActivity(actor: Actor | null, input: unknown, now = new Date()): Promise<{ id: string }> {
  assertCan(actor, 'activity:log');
  const data = parseInput(activityInputSchema, input);
  const sessionId = data.kind === 'collective' ? data.sessionId : null;
  await checkActivity(actor!, data, now, sessionId);
  if (sessionId) {
    const existing = await recordedActivityOf(sessionId);
    if (existing) throw new SessionAlreadyRecordedError(existing);
  }
  const fields = storedFields(data, sessionId);
  const participantIds = data.kind === 'collective' ? data.participantIds : [];
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(activities)
        .values({ ...fields, mediatorId: actor!.id })
        .returning({ id: activities.id });
      const id = row!.id;
      if (participantIds.length) await tx.insert(activityParticipants).values(participantIds.map((userId) => ({ activityId: id, userId })));
      await writeAudit(tx, {
        actorId: actor!.id,
        action: 'activity.create',
        entityType: 'activity',
        entityId: id,
        after: snapshot({ ...fields, mediatorId: actor!.id }, participantIds),
      });
      return { id };
    });
  } catch (error) {
    // Two confirmations of the same session at once: the unique index keeps one.
    if (sessionId && isUniqueViolation(error, 'activities_session_unique')) {
      const existing = await recordedActivityOf(sessionId);
      if (existing) throw new SessionAlreadyRecordedError(existing);
    }
    throw error;
  }
}

async function loadForChange(actor: Actor, id: string) {
  const loaded = await loadActivity(db, id);
  if (!loaded) throw new NotFoundError('Cette activité n’existe pas.');
  if (!canRead(actor, loaded)) throw new ForbiddenError('Cette activité a été enregistrée dans un autre lieu.');
  if (!canChange(actor, loaded)) throw new ForbiddenError('Seule la personne qui a enregistré cette activité peut la modifier.');
  return loaded;
}

function snapshotOfView(v: ActivityView) {
  return {
    kind: v.kind,
    date: v.date,
    durationMinutes: v.durationMinutes,
    placeType: v.placeType,
    placeId: v.place?.id ?? null,
    sessionId: v.sessionId,
    themes: v.themes,
    adminThemes: v.adminThemes,
    equipment: v.equipment,
    notes: v.notes,
    learnerId: v.learner?.id ?? null,
    anonymousPerson: v.anonymousPerson,
    autonomy: v.autonomy,
    orientation: v.orientation,
    completion: v.completion,
    title: v.title,
    level: v.level,
    anonymousParticipants: v.anonymousParticipants,
    mediatorId: v.mediator.id,
    participantIds: v.participants.map((p) => p.id),
  };
}

// Changes an activity; a session's activity stays tied to its session.
export async function updateActivity(actor: Actor | null, id: string, input: unknown, now = new Date()): Promise<{ id: string }> {
  assertCan(actor, 'activity:log');
  const loaded = await loadForChange(actor!, id);
  const sessionId = loaded.view.sessionId;
  const kindSent = input && typeof input === 'object' ? (input as { kind?: unknown }).kind : undefined;
  if (sessionId && kindSent !== 'collective') throw new ValidationError({ kind: ['Une activité enregistrée depuis une séance reste un atelier collectif.'] });
  const data = parseInput(activityInputSchema, sessionId && input && typeof input === 'object' ? { ...input, sessionId } : input);
  await checkActivity(actor!, data, now, sessionId);
  const fields = storedFields(data, sessionId);
  const participantIds = data.kind === 'collective' ? data.participantIds : [];
  await db.transaction(async (tx) => {
    await tx.update(activities).set({ ...fields, updatedAt: now }).where(eq(activities.id, id));
    await tx.delete(activityParticipants).where(eq(activityParticipants.activityId, id));
    if (participantIds.length) await tx.insert(activityParticipants).values(participantIds.map((userId) => ({ activityId: id, userId })));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: 'activity.update',
      entityType: 'activity',
      entityId: id,
      before: snapshotOfView(loaded.view),
      after: snapshot({ ...fields, mediatorId: loaded.mediatorId }, participantIds),
    });
  });
  return { id };
}

export async function deleteActivity(actor: Actor | null, id: string): Promise<void> {
  assertCan(actor, 'activity:log');
  const loaded = await loadForChange(actor!, id);
  await db.transaction(async (tx) => {
    await tx.delete(activities).where(eq(activities.id, id));
    await writeAudit(tx, { actorId: actor!.id, action: 'activity.delete', entityType: 'activity', entityId: id, before: snapshotOfView(loaded.view) });
  });
}

// Every visible activity matching the filters, for the CSV and XLSX exports (capped).
export async function activitiesForExport(actor: Actor | null, query: ActivityListQuery = {}, cap = 50_000) {
  assertCan(actor, 'activity:log');
  const q = parseInput(activityListQuerySchema, query);
  const { where } = await listConditions(actor!, q);
  return db
    .select({
      date: activities.date,
      kind: activities.kind,
      durationMinutes: activities.durationMinutes,
      placeType: activities.placeType,
      placeName: places.name,
      mediatorName: mediatorUser.name,
      themes: activities.themes,
      adminThemes: activities.adminThemes,
      equipment: activities.equipment,
      title: activities.title,
      level: activities.level,
      knownParticipants: sql<number>`(case when ${activities.kind} = 'individual' then (case when ${activities.learnerId} is null then 0 else 1 end)
        else (select count(*) from ${activityParticipants} where ${activityParticipants.activityId} = ${activities.id}) end)::int`,
      anonymousParticipants: sql<number>`(case when ${activities.kind} = 'individual' then (case when ${activities.learnerId} is null then 1 else 0 end)
        else coalesce((${activities.anonymousParticipants}->>'count')::int, 0) end)::int`,
      anonymousPerson: activities.anonymousPerson,
      autonomy: activities.autonomy,
      orientation: activities.orientation,
      completion: activities.completion,
      notes: activities.notes,
      fromSession: sql<boolean>`${activities.sessionId} is not null`,
    })
    .from(activities)
    .innerJoin(mediatorUser, eq(mediatorUser.id, activities.mediatorId))
    .leftJoin(places, eq(places.id, activities.placeId))
    .where(where)
    .orderBy(desc(activities.date), desc(activities.createdAt))
    .limit(cap);
}
export type ActivityExportRow = Awaited<ReturnType<typeof activitiesForExport>>[number];
