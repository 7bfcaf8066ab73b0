import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { activities, activityParticipants, places, sessions, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { inPeopleScope } from '@/lib/auth/people-scope';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { ConflictError, ForbiddenError, NotFoundError, UserError, ValidationError, isUniqueViolation } from '@/lib/errors';
import { parisToday } from '@/lib/stats/period';
import { parseInput } from '@/lib/validation';
import { GENDERS, AGE_BANDS, SOCIAL_STATUSES } from '@/lib/vocabulary';
import { activityInputSchema, type ActivityInput } from './schema';
import { loadActivity, type ActivityView } from './reads';
import { canUsePlace, canRead, canChange } from './visibility';

// Writing

export class SessionAlreadyRecordedError extends ConflictError {
  readonly activityId: string;
  constructor(activityId: string) {
    super('Cette séance est déjà enregistrée comme activité.');
    this.name = 'SessionAlreadyRecordedError';
    this.activityId = activityId;
  }
}

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
