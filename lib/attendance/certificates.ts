import 'server-only';
import { and, desc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db';
import { attendance, enrollments, places, sessions, users, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertCan, assertSignedIn, type Actor } from '@/lib/auth/policy';
import { NotFoundError, isUniqueViolation } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { randomCode } from './codes';
import { attendanceEntityId } from './marking';
import { loadSession, parseSessionId } from './session-row';
import { CERTIFICATE_CODE_LENGTH, certificateCodeSchema, type AttendanceStatus } from './schema';

// Exactly what an attendance certificate states, and so all that its verification page shows.
export type Certificate = {
  code: string;
  personName: string;
  workshopTitle: string;
  startsAt: Date;
  endsAt: Date;
  durationMinutes: number;
  placeName: string;
  placeAddress: string;
  placePostalCode: string;
  placeCommune: string;
};

const ATTENDED: AttendanceStatus[] = ['present', 'late'];

const certificateFields = {
  code: attendance.certificateCode,
  personName: users.name,
  workshopTitle: workshops.title,
  startsAt: sessions.startsAt,
  endsAt: sessions.endsAt,
  placeName: places.name,
  placeAddress: places.address,
  placePostalCode: places.postalCode,
  placeCommune: places.commune,
};

function certificateQuery(executor: Executor) {
  return executor
    .select(certificateFields)
    .from(attendance)
    .innerJoin(users, eq(users.id, attendance.userId))
    .innerJoin(sessions, eq(sessions.id, attendance.sessionId))
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .$dynamic();
}

function toCertificate(row: { code: string | null; startsAt: Date; endsAt: Date } & Omit<Certificate, 'code' | 'durationMinutes' | 'startsAt' | 'endsAt'>): Certificate {
  return { ...row, code: row.code!, durationMinutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60000) };
}

const NO_CERTIFICATE = 'Pas d’attestation pour cette séance : la présence n’y est pas enregistrée.';

// The certificate of one person's attendance at a session. A person gets their own; staff of the
// place (and coordinators) get anyone's, for people without an account. The verification code is
// drawn on the first download and kept.
export async function issueCertificate(actor: Actor | null, sessionId: unknown, options: { personId?: unknown } = {}, now = new Date()): Promise<Certificate> {
  assertSignedIn(actor);
  const id = parseSessionId(sessionId);
  let personId = actor.id;
  if (options.personId !== undefined && options.personId !== actor.id) {
    personId = parseInput(z.object({ personId: z.uuid({ error: 'Personne inconnue.' }) }), { personId: options.personId }).personId;
    const session = await loadSession(db, id);
    assertCan(actor, 'attendance:take', { placeId: session.placeId });
  } else {
    assertCan(actor, 'certificate:download');
  }
  // Only for a session that has started, where the person was present or late.
  const where = and(eq(attendance.sessionId, id), eq(attendance.userId, personId), inArray(attendance.status, ATTENDED), ne(sessions.status, 'cancelled'), lte(sessions.startsAt, now));
  const [row] = await certificateQuery(db).where(where);
  if (!row) throw new NotFoundError(NO_CERTIFICATE);
  if (row.code) return toCertificate(row);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const code = randomCode(CERTIFICATE_CODE_LENGTH);
        // Two downloads at once: only the first sets the code, the second reads it.
        const set = await tx
          .update(attendance)
          .set({ certificateCode: code })
          .where(and(eq(attendance.sessionId, id), eq(attendance.userId, personId), isNull(attendance.certificateCode)))
          .returning({ code: attendance.certificateCode });
        if (set.length) {
          await writeAudit(tx, { actorId: actor.id, action: 'certificate.issue', entityType: 'attendance', entityId: attendanceEntityId(id, personId), after: { certificateCode: code }, at: now });
        }
        const [issued] = await certificateQuery(tx).where(where);
        if (!issued?.code) throw new NotFoundError(NO_CERTIFICATE);
        return toCertificate(issued);
      });
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

// Anyone may check a code. A wrong code, or a certificate whose attendance was since corrected to
// an absence, is not valid: null, and nothing else is said.
export async function verifyCertificate(input: unknown, now = new Date()): Promise<Certificate | null> {
  const parsed = certificateCodeSchema.safeParse(input);
  if (!parsed.success) return null;
  const [row] = await certificateQuery(db).where(and(eq(attendance.certificateCode, parsed.data), inArray(attendance.status, ATTENDED), ne(sessions.status, 'cancelled'), lte(sessions.startsAt, now)));
  return row ? toCertificate(row) : null;
}

export function normaliseCertificateCode(input: unknown): string | null {
  const parsed = certificateCodeSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}

export type MyAttendance = {
  sessionId: string;
  workshopTitle: string;
  placeName: string;
  startsAt: Date;
  endsAt: Date;
  status: AttendanceStatus;
  walkIn: boolean;
  // Present or late: a certificate can be downloaded.
  certificate: boolean;
};

// The signed-in person's attendance history: past sessions they were signed up for or came to.
export async function listMyAttendance(actor: Actor | null, now = new Date(), limit = 50): Promise<MyAttendance[]> {
  assertCan(actor, 'myspace:view');
  const me = actor!.id;
  const mine = sql`(select ${enrollments.sessionId} from ${enrollments} where ${enrollments.userId} = ${me} and ${enrollments.status} = 'confirmed'
                    union select ${attendance.sessionId} from ${attendance} where ${attendance.userId} = ${me})`;
  const rows = await db
    .select({
      sessionId: sessions.id,
      workshopTitle: workshops.title,
      placeName: places.name,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      status: attendance.status,
      walkIn: attendance.walkIn,
    })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .leftJoin(attendance, and(eq(attendance.sessionId, sessions.id), eq(attendance.userId, me)))
    .where(and(inArray(sessions.id, mine), lte(sessions.endsAt, now), ne(sessions.status, 'cancelled')))
    .orderBy(desc(sessions.startsAt))
    .limit(limit);
  return rows.map((r) => {
    const status = r.status ?? 'unmarked';
    return { ...r, status, walkIn: r.walkIn ?? false, certificate: ATTENDED.includes(status) };
  });
}
