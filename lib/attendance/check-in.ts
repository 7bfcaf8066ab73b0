import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { attendance, enrollments, places, sessions, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertSignedIn, type Actor } from '@/lib/auth/policy';
import { formatDay, formatTime } from '@/lib/format/dates';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { hit } from '@/lib/rate-limit';
import { parseInput } from '@/lib/validation';
import { attendanceEntityId } from './marking';
import { checkInSchema, type AttendanceStatus } from './schema';

// Self check-in opens this long before the start and closes at the end.
export const CHECK_IN_OPENS_MINUTES_BEFORE = 15;

export type CheckInSession = {
  id: string;
  workshopTitle: string;
  placeName: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled' | 'done';
  closedAt: Date | null;
  selfCheckIn: boolean;
  lateAfterMinutes: number;
  walkInsAllowed: boolean;
};

type Situation = { confirmed: boolean; current: { status: AttendanceStatus; walkIn: boolean } | null };

export type CheckInVerdict =
  | { ok: true; status: 'present' | 'late'; walkIn: boolean; alreadyMarked: boolean }
  | { ok: false; reason: 'disabled' | 'cancelled' | 'closed' | 'too-early' | 'too-late' | 'not-signed-up'; message: string; httpStatus: 403 | 409 };

// The rules of self check-in, without the database: when it opens, who may, present or late.
export function evaluateCheckIn(session: CheckInSession, situation: Situation, now: Date): CheckInVerdict {
  const refuse = (reason: Extract<CheckInVerdict, { ok: false }>['reason'], message: string, httpStatus: 403 | 409 = 409): CheckInVerdict => ({ ok: false, reason, message, httpStatus });
  if (session.status === 'cancelled') return refuse('cancelled', 'Cette séance est annulée.');
  if (!session.selfCheckIn) return refuse('disabled', 'Le pointage n’est pas ouvert pour cette séance. Signalez votre arrivée au médiateur.');
  if (session.status === 'done' || session.closedAt) return refuse('closed', 'Cette séance est clôturée : le pointage est fermé. Signalez-vous au médiateur.');
  const opensAt = new Date(session.startsAt.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * 60000);
  if (now < opensAt) {
    const sameDay = formatDay(opensAt) === formatDay(now);
    const when = sameDay ? `à ${formatTime(opensAt)}` : `le ${formatDay(opensAt)} à ${formatTime(opensAt)}`;
    return refuse('too-early', `Le pointage ouvre ${when}, ${CHECK_IN_OPENS_MINUTES_BEFORE} minutes avant le début de l’atelier.`);
  }
  if (now > session.endsAt) return refuse('too-late', 'L’atelier est terminé : le pointage est fermé. Signalez-vous au médiateur.');
  const { confirmed, current } = situation;
  if (current && (current.status === 'present' || current.status === 'late')) return { ok: true, status: current.status, walkIn: current.walkIn, alreadyMarked: true };
  if (!confirmed && !current && !session.walkInsAllowed) {
    return refuse('not-signed-up', 'Vous n’êtes pas inscrit à cette séance, et elle n’accueille que les personnes inscrites. Adressez-vous au médiateur.', 403);
  }
  const late = now.getTime() > session.startsAt.getTime() + session.lateAfterMinutes * 60000;
  return { ok: true, status: late ? 'late' : 'present', walkIn: current?.walkIn ?? !confirmed, alreadyMarked: false };
}

// The open session with this code (or, failing that, the latest one that had it, so that the
// person is told it is closed or cancelled rather than that the code is wrong).
async function sessionByCode(executor: Executor, code: string, { lock = false } = {}): Promise<CheckInSession | null> {
  const query = executor
    .select({
      id: sessions.id,
      workshopTitle: workshops.title,
      placeName: places.name,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      status: sessions.status,
      closedAt: sessions.closedAt,
      selfCheckIn: sessions.selfCheckIn,
      lateAfterMinutes: sessions.lateAfterMinutes,
      walkInsAllowed: sessions.walkInsAllowed,
    })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(eq(sessions.checkInCode, code))
    .orderBy(sql`${sessions.status} = 'scheduled' desc`, desc(sessions.startsAt))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: sessions }) : await query;
  return row ?? null;
}

async function situationOf(executor: Executor, sessionId: string, userId: string): Promise<Situation> {
  const [row] = await executor
    .select({
      confirmed: sql<boolean>`exists (select 1 from ${enrollments} e where e.session_id = ${sessionId} and e.user_id = ${userId} and e.status = 'confirmed')`,
      status: sql<AttendanceStatus | null>`(select a.status from ${attendance} a where a.session_id = ${sessionId} and a.user_id = ${userId})`,
      walkIn: sql<boolean | null>`(select a.walk_in from ${attendance} a where a.session_id = ${sessionId} and a.user_id = ${userId})`,
    })
    .from(sql`(select 1) as one`);
  return { confirmed: Boolean(row?.confirmed), current: row?.status ? { status: row.status, walkIn: Boolean(row.walkIn) } : null };
}

const UNKNOWN_CODE = 'Ce code ne correspond à aucune séance. Vérifiez les lettres et les chiffres, ou demandez-le au médiateur.';

export type CheckInPreview = { session: CheckInSession; verdict: CheckInVerdict };

// What /pointage/CODE shows before the person confirms: the session and whether they can check in.
export async function previewCheckIn(actor: Actor | null, input: unknown, now = new Date()): Promise<CheckInPreview> {
  assertSignedIn(actor);
  const { code } = parseInput(checkInSchema, input);
  const session = await sessionByCode(db, code);
  if (!session) throw new NotFoundError(UNKNOWN_CODE);
  return { session, verdict: evaluateCheckIn(session, await situationOf(db, session.id, actor.id), now) };
}

export type CheckInResult = { session: CheckInSession; status: 'present' | 'late'; alreadyMarked: boolean };

// A signed-in person marks themselves present (or late) with the session's code. Only ever the
// actor: there is no way to name someone else.
export async function checkInSelf(actor: Actor | null, input: unknown, now = new Date(), address?: string): Promise<CheckInResult> {
  assertSignedIn(actor);
  const { code } = parseInput(checkInSchema, input);
  // Codes are short: a person cannot try them by the hundred.
  await hit(`check-in:${actor.id}`, 20, 15 * 60, now);
  // …nor by opening many accounts from one address (lib/http/client-address).
  if (address) await hit(`check-in-address:${address}`, 60, 15 * 60, now);
  return db.transaction(async (tx) => {
    const session = await sessionByCode(tx, code, { lock: true });
    if (!session) throw new NotFoundError(UNKNOWN_CODE);
    const verdict = evaluateCheckIn(session, await situationOf(tx, session.id, actor.id), now);
    if (!verdict.ok) throw verdict.httpStatus === 403 ? new ForbiddenError(verdict.message) : new ConflictError(verdict.message);
    if (!verdict.alreadyMarked) {
      const [before] = await tx
        .select({ status: attendance.status, walkIn: attendance.walkIn })
        .from(attendance)
        .where(and(eq(attendance.sessionId, session.id), eq(attendance.userId, actor.id)));
      await tx
        .insert(attendance)
        .values({ sessionId: session.id, userId: actor.id, status: verdict.status, walkIn: verdict.walkIn, markedById: actor.id, markedAt: now })
        .onConflictDoUpdate({ target: [attendance.sessionId, attendance.userId], set: { status: verdict.status, markedById: actor.id, markedAt: now } });
      await writeAudit(tx, {
        actorId: actor.id,
        action: 'attendance.self-check-in',
        entityType: 'attendance',
        entityId: attendanceEntityId(session.id, actor.id),
        before: before ?? { status: 'unmarked', walkIn: false },
        after: { status: verdict.status, walkIn: before?.walkIn ?? verdict.walkIn },
        at: now,
      });
    }
    return { session, status: verdict.status, alreadyMarked: verdict.alreadyMarked };
  });
}
