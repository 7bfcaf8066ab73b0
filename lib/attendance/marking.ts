import 'server-only';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { attendance, sessions, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertCan, assertSignedIn, type Actor } from '@/lib/auth/policy';
import { ConflictError, ValidationError, isUniqueViolation } from '@/lib/errors';
import { formatDay, formatTime } from '@/lib/format/dates';
import { parseInput } from '@/lib/validation';
import { randomCode } from './codes';
import { CHECK_IN_CODE_LENGTH, markAttendanceSchema, selfCheckInSettingsSchema, type AttendanceStatus } from './schema';
import { loadSession, parseSessionId, type SessionRow } from './session-row';
import { onRoster } from './roster';

// Taking attendance: when marking opens, marking people, closing the session, self check-in.

// The audit log's id of one person's mark at one session.
export const attendanceEntityId = (sessionId: string, personId: string) => `${sessionId}:${personId}`;

function assertOpenForAttendance(session: SessionRow) {
  if (session.status === 'cancelled') throw new ConflictError('Cette séance est annulée : pas d’émargement.');
}

// Marking opens MARKING_OPENS_MINUTES_BEFORE the start (people arrive early; the mediator marks
// them as they come in), never days before: a certificate must not exist for what has not happened.
export const MARKING_OPENS_MINUTES_BEFORE = 30;

export function markingOpensAt(session: { startsAt: Date }): Date {
  return new Date(session.startsAt.getTime() - MARKING_OPENS_MINUTES_BEFORE * 60_000);
}

export function assertMarkingOpen(session: SessionRow, now: Date) {
  assertOpenForAttendance(session);
  const opensAt = markingOpensAt(session);
  if (now < opensAt) {
    throw new ConflictError(`L’émargement ouvre le ${formatDay(opensAt)} à ${formatTime(opensAt)}, ${MARKING_OPENS_MINUTES_BEFORE} minutes avant le début de l’atelier.`);
  }
}

type Mark = { personId: string; status: AttendanceStatus; walkIn?: boolean };

// Writes statuses and one audit row per change, inside the caller's transaction. After closing,
// the audit action says so: the funders' sheet may already have been printed.
export async function writeMarks(tx: Executor, actor: Actor, session: SessionRow, marks: Mark[], now: Date, action?: string): Promise<number> {
  if (marks.length === 0) return 0;
  const ids = marks.map((m) => m.personId);
  const existing = new Map(
    (
      await tx
        .select({ userId: attendance.userId, status: attendance.status, walkIn: attendance.walkIn })
        .from(attendance)
        .where(and(eq(attendance.sessionId, session.id), inArray(attendance.userId, ids)))
    ).map((r) => [r.userId, r]),
  );
  let changed = 0;
  for (const mark of marks) {
    const before = existing.get(mark.personId);
    const walkIn = mark.walkIn ?? before?.walkIn ?? false;
    if (before && before.status === mark.status && before.walkIn === walkIn) continue;
    await tx
      .insert(attendance)
      .values({ sessionId: session.id, userId: mark.personId, status: mark.status, walkIn, markedById: actor.id, markedAt: now })
      .onConflictDoUpdate({
        target: [attendance.sessionId, attendance.userId],
        set: { status: mark.status, walkIn, markedById: actor.id, markedAt: now },
      });
    await writeAudit(tx, {
      actorId: actor.id,
      action: action ?? (session.closedAt ? 'attendance.correct-after-closing' : 'attendance.mark'),
      entityType: 'attendance',
      entityId: attendanceEntityId(session.id, mark.personId),
      before: before ? { status: before.status, walkIn: before.walkIn } : { status: 'unmarked', walkIn: false },
      after: { status: mark.status, walkIn },
      at: now,
    });
    changed++;
  }
  return changed;
}

// Marks one or more people of the roster (PUT /api/v1/sessions/{id}/attendance, the roster's
// buttons). Only people on the roster can be marked; walk-ins are added with addWalkIn.
export async function markAttendance(actor: Actor | null, sessionId: unknown, input: unknown, now = new Date()): Promise<{ changed: number }> {
  assertSignedIn(actor);
  assertCan(actor, 'attendance:take', 'any-place');
  const id = parseSessionId(sessionId);
  const entries = parseInput(markAttendanceSchema, input);
  // The last status sent for a person wins.
  const latest = new Map(entries.map((e, index) => [e.personId, { ...e, index }]));
  return db.transaction(async (tx) => {
    const session = await loadSession(tx, id, { lock: true });
    assertCan(actor, 'attendance:take', { placeId: session.placeId });
    assertMarkingOpen(session, now);
    const ids = [...latest.keys()];
    const known = new Set(
      (
        await tx
          .select({ userId: users.id })
          .from(users)
          .where(and(inArray(users.id, ids), inArray(users.id, onRoster(id))))
      ).map((r) => r.userId),
    );
    const fieldErrors: Record<string, string[]> = {};
    for (const entry of latest.values()) {
      if (!known.has(entry.personId)) fieldErrors[`${entry.index}.personId`] = ['Cette personne n’est pas sur la liste de cette séance. Ajoutez-la comme personne venue sans inscription.'];
    }
    if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);
    const changed = await writeMarks(tx, actor, session, [...latest.values()], now);
    return { changed };
  });
}

// "Clôturer la séance": whoever is still unmarked becomes absent, the session is done. Closing
// twice changes nothing. Corrections stay possible afterwards, audit-logged.
export async function closeSession(actor: Actor | null, sessionId: unknown, now = new Date()): Promise<{ markedAbsent: number; alreadyClosed: boolean }> {
  const id = parseSessionId(sessionId);
  return db.transaction(async (tx) => {
    const session = await loadSession(tx, id, { lock: true });
    assertCan(actor, 'attendance:take', { placeId: session.placeId });
    assertOpenForAttendance(session);
    if (session.status === 'done' && session.closedAt) return { markedAbsent: 0, alreadyClosed: true };
    if (session.startsAt > now) throw new ConflictError('La séance n’a pas encore commencé : vous pourrez la clôturer une fois l’atelier commencé.');
    const people = await tx
      .select({ userId: users.id })
      .from(users)
      .leftJoin(attendance, and(eq(attendance.sessionId, id), eq(attendance.userId, users.id)))
      .where(and(inArray(users.id, onRoster(id)), or(isNull(attendance.status), eq(attendance.status, 'unmarked'))));
    await writeMarks(
      tx,
      actor,
      session,
      people.map((p) => ({ personId: p.userId, status: 'absent' as const })),
      now,
      'attendance.absent-at-closing',
    );
    await tx.update(sessions).set({ status: 'done', closedAt: now, updatedAt: now }).where(eq(sessions.id, id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'session.close',
      entityType: 'session',
      entityId: id,
      before: { status: session.status, closedAt: null },
      after: { status: 'done', closedAt: now.toISOString(), markedAbsent: people.map((p) => p.userId) },
      at: now,
    });
    return { markedAbsent: people.length, alreadyClosed: false };
  });
}

// Turns self check-in on or off for a session; the first time, draws a short code that no other
// open session uses (the database's partial unique index settles races).
export async function setSelfCheckIn(actor: Actor | null, sessionId: unknown, input: unknown, now = new Date()): Promise<{ selfCheckIn: boolean; checkInCode: string | null }> {
  const data = parseInput(selfCheckInSettingsSchema, input);
  const id = parseSessionId(sessionId);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const session = await loadSession(tx, id, { lock: true });
        assertCan(actor, 'attendance:take', { placeId: session.placeId });
        assertOpenForAttendance(session);
        const checkInCode = data.enabled ? (session.checkInCode ?? randomCode(CHECK_IN_CODE_LENGTH)) : session.checkInCode;
        await tx.update(sessions).set({ selfCheckIn: data.enabled, lateAfterMinutes: data.lateAfterMinutes, checkInCode, updatedAt: now }).where(eq(sessions.id, id));
        await writeAudit(tx, {
          actorId: actor.id,
          action: 'session.self-check-in',
          entityType: 'session',
          entityId: id,
          before: { selfCheckIn: session.selfCheckIn, lateAfterMinutes: session.lateAfterMinutes },
          after: { selfCheckIn: data.enabled, lateAfterMinutes: data.lateAfterMinutes },
          at: now,
        });
        return { selfCheckIn: data.enabled, checkInCode };
      });
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
