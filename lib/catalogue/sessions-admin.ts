import 'server-only';
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db';
import { enrollments, placeStaff, places, sessionTrainers, sessions, users, workshopPlaces, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertCan, assertSignedIn, can, type Actor } from '@/lib/auth/policy';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { toParisWallClock } from '@/lib/time';
import { confirmedSeats, seatCounts } from '@/lib/enrollment/seats';
import { parseInput } from '@/lib/validation';
import { expandSessions, type LocalDate, type LocalTime } from './recurrence';
import { cancelSessionSchema, MAX_OCCURRENCES, scheduleSessionSchema, updateSessionSchema } from './schema';
import { fillFreeSeats } from '@/lib/enrollment';
import { notifySessionCancelled } from '@/lib/notifications';
import { canManageWorkshop } from './workshops-admin';
import { isUuid } from '@/lib/ids';
import { notifyWishersWhenOpen } from '@/lib/wishes/notify';

// Scheduling, editing and cancelling sessions. A mediator acts on the sessions of the places they
// staff (policy action 'session:manage'); a coordinator on every session. Times are entered as
// Europe/Paris wall clock and stored as UTC instants.

export type Trainer = { id: string; name: string };

export type SessionView = {
  id: string;
  workshopId: string;
  workshopSlug: string;
  workshopTitle: string;
  placeId: string;
  placeName: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  status: 'scheduled' | 'cancelled' | 'done';
  seriesId: string | null;
  signupCutoffHours: number;
  confirmedCount: number;
  waitlistCount: number;
  trainers: Trainer[];
};

const SESSION_NOT_FOUND = 'Cette séance n’existe pas.';
const WORKSHOP_NOT_FOUND = 'Cet atelier n’existe pas.';
const NOT_YOUR_PLACE = 'Vous n’intervenez pas dans le lieu de cette séance.';
const MAX_SPAN_DAYS = 731;


const pad = (n: number) => String(n).padStart(2, '0');
const parseDate = (value: string): LocalDate => {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};
const parseTime = (value: string): LocalTime => {
  const [hour, minute] = value.split(':').map(Number) as [number, number];
  return { hour, minute };
};

// The Paris wall clock of an instant, as the date and time inputs of a form show it.
export function wallClockFields(startsAt: Date, endsAt: Date): { date: string; startTime: string; endTime: string } {
  const s = toParisWallClock(startsAt);
  const e = toParisWallClock(endsAt);
  return { date: `${s.year}-${pad(s.month)}-${pad(s.day)}`, startTime: `${pad(s.hour)}:${pad(s.minute)}`, endTime: `${pad(e.hour)}:${pad(e.minute)}` };
}

async function sessionViews(tx: Executor, where: SQL | undefined, limit = 500): Promise<SessionView[]> {
  const rows = await tx
    .select({
      id: sessions.id,
      workshopId: sessions.workshopId,
      workshopSlug: workshops.slug,
      workshopTitle: workshops.title,
      placeId: sessions.placeId,
      placeName: places.name,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      capacity: sessions.capacity,
      status: sessions.status,
      seriesId: sessions.seriesId,
      signupCutoffHours: sessions.signupCutoffHours,
      ...seatCounts(),
    })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(where)
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const trainerRows = await tx
    .select({ sessionId: sessionTrainers.sessionId, id: users.id, name: users.name })
    .from(sessionTrainers)
    .innerJoin(users, eq(users.id, sessionTrainers.userId))
    .where(inArray(sessionTrainers.sessionId, rows.map((r) => r.id)))
    .orderBy(asc(users.name));
  const trainersOf = new Map<string, Trainer[]>();
  for (const { sessionId, ...trainer } of trainerRows) trainersOf.set(sessionId, [...(trainersOf.get(sessionId) ?? []), trainer]);
  return rows.map((r) => ({ ...r, trainers: trainersOf.get(r.id) ?? [] }));
}

async function staffOf(tx: Executor, placeIds: string[]): Promise<Map<string, Trainer[]>> {
  const map = new Map<string, Trainer[]>();
  if (placeIds.length === 0) return map;
  const rows = await tx
    .select({ placeId: placeStaff.placeId, id: users.id, name: users.name })
    .from(placeStaff)
    .innerJoin(users, eq(users.id, placeStaff.userId))
    .where(inArray(placeStaff.placeId, placeIds))
    .orderBy(asc(users.name));
  for (const { placeId, ...person } of rows) map.set(placeId, [...(map.get(placeId) ?? []), person]);
  return map;
}

async function assertTrainersAreStaff(tx: Executor, placeId: string, trainerIds: string[]): Promise<void> {
  if (trainerIds.length === 0) return;
  const staff = (await staffOf(tx, [placeId])).get(placeId) ?? [];
  if (trainerIds.some((id) => !staff.some((s) => s.id === id))) {
    throw new ValidationError({ trainerIds: ['Les animateurs doivent faire partie de l’équipe du lieu de la séance.'] });
  }
}

// End of a session that lasts `minutes` from `start`, on the same day.
function endFromDuration(start: LocalTime, minutes: number): LocalTime | null {
  const total = start.hour * 60 + start.minute + minutes;
  if (total >= 24 * 60) return null;
  return { hour: Math.floor(total / 60), minute: total % 60 };
}

const daysBetween = (a: LocalDate, b: LocalDate) => (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86400000;

export type ScheduleForm = {
  workshop: { id: string; slug: string; title: string; status: string; durationMinutes: number };
  placeChoices: (Trainer & { commune: string; staff: Trainer[] })[];
};

// What the "Programmer une séance" form offers: the workshop's places the actor acts for, with
// their staff as possible trainers.
export async function getScheduleForm(actor: Actor | null, slug: string): Promise<ScheduleForm> {
  assertSignedIn(actor);
  const [workshop] = await db
    .select({ id: workshops.id, slug: workshops.slug, title: workshops.title, status: workshops.status, durationMinutes: workshops.durationMinutes })
    .from(workshops)
    .where(eq(workshops.slug, slug));
  if (!workshop) throw new NotFoundError(WORKSHOP_NOT_FOUND);
  const placeRows = await db
    .select({ id: places.id, name: places.name, commune: places.commune })
    .from(workshopPlaces)
    .innerJoin(places, eq(places.id, workshopPlaces.placeId))
    .where(and(eq(workshopPlaces.workshopId, workshop.id), eq(places.active, true)))
    .orderBy(asc(places.commune), asc(places.name));
  if (!canManageWorkshop(actor, placeRows.map((p) => p.id))) throw new ForbiddenError('Cet atelier n’est proposé dans aucun des lieux où vous intervenez.');
  const mine = placeRows.filter((p) => can(actor, 'session:manage', { placeId: p.id }));
  const staff = await staffOf(db, mine.map((p) => p.id));
  return { workshop, placeChoices: mine.map((p) => ({ ...p, staff: staff.get(p.id) ?? [] })) };
}

export type ScheduleResult = { seriesId: string | null; sessions: SessionView[] };

// Schedules one session, or a repeating series (same seriesId), of a workshop at one of its places.
export async function scheduleSessions(actor: Actor | null, slug: string, input: unknown, { now = new Date() } = {}): Promise<ScheduleResult> {
  assertSignedIn(actor);
  assertCan(actor, 'session:manage', 'any-place');
  const data = parseInput(scheduleSessionSchema, input);
  return db.transaction(async (tx) => {
    const [workshop] = await tx
      .select({ id: workshops.id, status: workshops.status, durationMinutes: workshops.durationMinutes })
      .from(workshops)
      .where(eq(workshops.slug, slug));
    if (!workshop) throw new NotFoundError(WORKSHOP_NOT_FOUND);
    const workshopPlaceIds = (await tx.select({ placeId: workshopPlaces.placeId }).from(workshopPlaces).where(eq(workshopPlaces.workshopId, workshop.id))).map(
      (r) => r.placeId,
    );
    if (!canManageWorkshop(actor, workshopPlaceIds)) throw new ForbiddenError('Cet atelier n’est proposé dans aucun des lieux où vous intervenez.');
    if (!workshopPlaceIds.includes(data.placeId)) throw new ValidationError({ placeId: ['Ce lieu ne propose pas cet atelier. Ajoutez-le d’abord aux lieux de l’atelier.'] });
    if (!can(actor, 'session:manage', { placeId: data.placeId })) throw new ForbiddenError('Vous ne pouvez programmer des séances que dans les lieux où vous intervenez.');
    if (workshop.status === 'archived') throw new ConflictError('Cet atelier est archivé. Publiez-le de nouveau avant de programmer une séance.');
    const [place] = await tx.select({ active: places.active }).from(places).where(eq(places.id, data.placeId));
    if (!place?.active) throw new ValidationError({ placeId: ['Ce lieu est fermé : il ne reçoit plus de séances.'] });
    await assertTrainersAreStaff(tx, data.placeId, data.trainerIds);

    const date = parseDate(data.date);
    const start = parseTime(data.startTime);
    const end = data.endTime ? parseTime(data.endTime) : endFromDuration(start, workshop.durationMinutes);
    if (!end) throw new ValidationError({ endTime: ['La séance doit finir avant minuit : indiquez l’heure de fin.'] });
    const repeat = data.repeat && { weekdays: data.repeat.weekdays, everyWeeks: data.repeat.everyWeeks, until: parseDate(data.repeat.until) };
    if (repeat && daysBetween(date, repeat.until) > MAX_SPAN_DAYS) throw new ValidationError({ 'repeat.until': ['Répétez la séance sur deux ans au plus.'] });
    const occurrences = expandSessions({ date, start, end, repeat });
    if (occurrences.length === 0) throw new ValidationError({ 'repeat.weekdays': ['Aucun jour ne correspond entre la première date et la date de fin.'] });
    if (occurrences.length > MAX_OCCURRENCES) {
      throw new ValidationError({
        'repeat.until': [`Cette répétition donne ${occurrences.length} séances ; ${MAX_OCCURRENCES} au plus. Choisissez une date de fin plus proche.`],
      });
    }
    if (occurrences[0]!.startsAt <= now) throw new ValidationError({ date: ['Cette date est passée. Choisissez une date à venir.'] });
    if (occurrences.some((o) => o.endsAt <= o.startsAt)) throw new ValidationError({ endTime: ['L’heure de fin doit être après l’heure de début.'] });

    const seriesId = repeat ? crypto.randomUUID() : null;
    const rows = occurrences.map((o) => ({
      id: crypto.randomUUID(),
      workshopId: workshop.id,
      placeId: data.placeId,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      capacity: data.capacity,
      seriesId,
      signupCutoffHours: data.signupCutoffHours,
    }));
    await tx.insert(sessions).values(rows);
    if (data.trainerIds.length > 0) await tx.insert(sessionTrainers).values(rows.flatMap((r) => data.trainerIds.map((userId) => ({ sessionId: r.id, userId }))));
    await writeAudit(
      tx,
      rows.map((r) => ({ actorId: actor.id, action: 'session.create', entityType: 'session', entityId: r.id, after: { ...r, trainerIds: data.trainerIds } })),
    );
    // People who wished for this workshop hear that it opens (once each).
    await notifyWishersWhenOpen(tx, workshop.id, now);
    const created = await sessionViews(tx, inArray(sessions.id, rows.map((r) => r.id)), MAX_OCCURRENCES);
    return { seriesId, sessions: created };
  });
}

export type WorkshopSession = SessionView & { canManage: boolean };

// The coming sessions of a workshop (cancelled ones too, marked), for its management page.
export async function listWorkshopSessions(actor: Actor | null, workshopId: string, { now = new Date() } = {}): Promise<WorkshopSession[]> {
  assertSignedIn(actor);
  const views = await sessionViews(db, and(eq(sessions.workshopId, workshopId), gt(sessions.endsAt, now)), 200);
  return views.map((v) => ({ ...v, canManage: can(actor, 'session:manage', { placeId: v.placeId }) }));
}

async function loadSessionForStaff(tx: Executor, actor: Actor, id: string, lock: boolean) {
  if (!isUuid(id)) throw new NotFoundError(SESSION_NOT_FOUND);
  const query = tx.select().from(sessions).where(eq(sessions.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFoundError(SESSION_NOT_FOUND);
  if (!can(actor, 'session:manage', { placeId: row.placeId })) throw new ForbiddenError(NOT_YOUR_PLACE);
  return row;
}

export type SessionForEdit = SessionView & { date: string; startTime: string; endTime: string; staff: Trainer[] };

export async function getSessionForEdit(actor: Actor | null, id: string): Promise<SessionForEdit> {
  assertSignedIn(actor);
  const row = await loadSessionForStaff(db, actor, id, false);
  const [view] = await sessionViews(db, eq(sessions.id, row.id));
  const staff = (await staffOf(db, [row.placeId])).get(row.placeId) ?? [];
  return { ...view!, ...wallClockFields(row.startsAt, row.endsAt), staff };
}

function assertStillOpen(row: typeof sessions.$inferSelect, now: Date) {
  if (row.status === 'cancelled') throw new ConflictError('Cette séance est annulée : elle ne peut plus être modifiée.');
  if (row.status === 'done' || row.endsAt <= now) throw new ConflictError('Cette séance est passée : elle ne peut plus être modifiée.');
}

function sessionSnapshot(row: typeof sessions.$inferSelect, trainerIds: string[]) {
  return { startsAt: row.startsAt, endsAt: row.endsAt, capacity: row.capacity, signupCutoffHours: row.signupCutoffHours, status: row.status, trainerIds };
}

// Edits one session (not the rest of its series). The session row is locked while the confirmed
// sign-ups are counted, so that the capacity never drops below them, even with sign-ups arriving.
export async function updateSession(actor: Actor | null, id: string, input: unknown, { now = new Date() } = {}): Promise<SessionView> {
  assertSignedIn(actor);
  assertCan(actor, 'session:manage', 'any-place');
  const data = parseInput(updateSessionSchema, input);
  return db.transaction(async (tx) => {
    const before = await loadSessionForStaff(tx, actor, id, true);
    assertStillOpen(before, now);
    const trainersBefore = (await tx.select({ userId: sessionTrainers.userId }).from(sessionTrainers).where(eq(sessionTrainers.sessionId, id))).map((r) => r.userId);

    const changes: Partial<typeof sessions.$inferInsert> = {};
    if (data.date || data.startTime || data.endTime) {
      const current = wallClockFields(before.startsAt, before.endsAt);
      const date = parseDate(data.date ?? current.date);
      const startTime = data.startTime ?? current.startTime;
      const endTime = data.endTime ?? current.endTime;
      if (endTime <= startTime) throw new ValidationError({ endTime: ['L’heure de fin doit être après l’heure de début.'] });
      const [occurrence] = expandSessions({ date, start: parseTime(startTime), end: parseTime(endTime) });
      const moved = occurrence!.startsAt.getTime() !== before.startsAt.getTime() || occurrence!.endsAt.getTime() !== before.endsAt.getTime();
      if (moved && occurrence!.startsAt <= now) throw new ValidationError({ date: ['Cette date est passée. Choisissez une date à venir.'] });
      if (moved) Object.assign(changes, { startsAt: occurrence!.startsAt, endsAt: occurrence!.endsAt });
    }
    if (data.capacity !== undefined && data.capacity !== before.capacity) {
      const [{ n }] = (await tx.select({ n: confirmedSeats(id) }).from(sessions).where(eq(sessions.id, id))) as [{ n: number }];
      if (data.capacity < n) {
        const message =
          n === 1
            ? 'Une personne est déjà inscrite : gardez au moins 1 place.'
            : `${n} personnes sont déjà inscrites : gardez au moins ${n} places, ou annulez d’abord des inscriptions.`;
        throw new ConflictError(message, { capacity: [message] });
      }
      changes.capacity = data.capacity;
    }
    if (data.signupCutoffHours !== undefined) changes.signupCutoffHours = data.signupCutoffHours;
    if (data.trainerIds) await assertTrainersAreStaff(tx, before.placeId, data.trainerIds);

    const [after] = await tx
      .update(sessions)
      .set({ ...changes, updatedAt: now })
      .where(eq(sessions.id, id))
      .returning();
    // New seats go to the waiting line at once, oldest first, and those people are told.
    if (changes.capacity !== undefined && changes.capacity > before.capacity) await fillFreeSeats(tx, id, actor.id, now);
    if (data.trainerIds) {
      await tx.delete(sessionTrainers).where(eq(sessionTrainers.sessionId, id));
      if (data.trainerIds.length > 0) await tx.insert(sessionTrainers).values(data.trainerIds.map((userId) => ({ sessionId: id, userId })));
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'session.update',
      entityType: 'session',
      entityId: id,
      before: sessionSnapshot(before, trainersBefore),
      after: sessionSnapshot(after!, data.trainerIds ?? trainersBefore),
    });
    return (await sessionViews(tx, eq(sessions.id, id)))[0]!;
  });
}

export type CancelledEnrollment = { id: string; userId: string; previousStatus: 'confirmed' | 'waitlisted' };
export type CancelResult = { session: SessionView; reason: string | null; cancelledEnrollments: CancelledEnrollment[] };

const reasonSchema = z.object({
  reason: z.string({ error: 'Le motif est un texte.' }).trim().max(500, 'Le motif doit faire au plus 500 caractères.').optional(),
});

// Cancels a session. Its sign-ups are kept, marked cancelled, in the same transaction; the
// people concerned are told through the outbox in the same transaction, and returned.
export async function cancelSession(actor: Actor | null, id: string, input: { reason?: string } = {}, { now = new Date() } = {}): Promise<CancelResult> {
  assertSignedIn(actor);
  assertCan(actor, 'session:manage', 'any-place');
  const { reason } = parseInput(reasonSchema, input);
  return db.transaction(async (tx) => {
    const before = await loadSessionForStaff(tx, actor, id, true);
    if (before.status === 'cancelled') throw new ConflictError('Cette séance est déjà annulée.');
    if (before.status === 'done' || before.endsAt <= now) throw new ConflictError('Cette séance est passée : elle ne peut plus être annulée.');
    const active = await tx
      .select({ id: enrollments.id, userId: enrollments.userId, status: enrollments.status })
      .from(enrollments)
      .where(and(eq(enrollments.sessionId, id), inArray(enrollments.status, ['confirmed', 'waitlisted'])));
    // Everyone still signed up is told, in this transaction: no message for a rolled-back cancel.
    await notifySessionCancelled(tx, id, now);
    if (active.length > 0) {
      await tx
        .update(enrollments)
        .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
        .where(inArray(enrollments.id, active.map((e) => e.id)));
    }
    await tx.update(sessions).set({ status: 'cancelled', updatedAt: now }).where(eq(sessions.id, id));
    const cancelledEnrollments = active.map((e) => ({ id: e.id, userId: e.userId, previousStatus: e.status as 'confirmed' | 'waitlisted' }));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'session.cancel',
      entityType: 'session',
      entityId: id,
      before: { status: before.status },
      after: { status: 'cancelled', reason: reason || null, cancelledEnrollments },
    });
    const [session] = await sessionViews(tx, eq(sessions.id, id));
    return { session: session!, reason: reason || null, cancelledEnrollments };
  });
}

// PATCH /api/v1/sessions/{id}: `{ status: "cancelled", reason? }` cancels, anything else edits.
export async function patchSession(actor: Actor | null, id: string, body: unknown, options: { now?: Date } = {}): Promise<SessionView & { cancelledEnrollments?: number }> {
  assertSignedIn(actor);
  assertCan(actor, 'session:manage', 'any-place');
  if (body && typeof body === 'object' && 'status' in body) {
    const { reason } = parseInput(cancelSessionSchema, body);
    const result = await cancelSession(actor, id, { reason }, options);
    return { ...result.session, cancelledEnrollments: result.cancelledEnrollments.length };
  }
  return updateSession(actor, id, body, options);
}
