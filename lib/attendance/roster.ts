import 'server-only';
import { namesakeHintsOf } from '@/lib/learners/namesakes';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Executor } from '@/db';
import { attendance, enrollments, places, sessionTrainers, sessions, users, workshops } from '@/db/schema';
import { assertCan, can, placeScope, type Actor } from '@/lib/auth/policy';
import { NotFoundError } from '@/lib/errors';
import { type AttendanceStatus } from './schema';
import { parseSessionId } from './session-row';

// The roster of a session: who signed up, who came, who waits, and the counts.

// Places whose learners the actor may look up: every place for network staff (null), otherwise
// the places they staff.
export function placeScopeOf(actor: Actor): string[] | null {
  const scope = placeScope(actor);
  return scope === 'all' ? null : [...scope];
}

export type RosterPerson = {
  personId: string;
  name: string;
  status: AttendanceStatus;
  // Came without a confirmed sign-up (added at the door or checked in by themselves).
  walkIn: boolean;
  // Has a confirmed sign-up for this session.
  enrolled: boolean;
  markedAt: Date | null;
  // Absences without notice at other sessions of the actor's places (every place for coordinators).
  noShows: number;
  // Tells two people of the same name apart (lib/learners/namesakes).
  namesake?: string;
};

export type WaitingPerson = { personId: string; name: string; position: number };

export type AttendanceCounts = {
  confirmed: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
  unmarked: number;
  walkIns: number;
};

export type RosterSession = {
  id: string;
  workshopTitle: string;
  workshopSlug: string;
  placeId: string;
  placeName: string;
  placeAddress: string;
  placePostalCode: string;
  placeCommune: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  status: 'scheduled' | 'cancelled' | 'done';
  closedAt: Date | null;
  selfCheckIn: boolean;
  checkInCode: string | null;
  lateAfterMinutes: number;
  walkInsAllowed: boolean;
  trainers: string[];
};

export type Roster = { session: RosterSession; people: RosterPerson[]; waitlist: WaitingPerson[]; counts: AttendanceCounts };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' });

export function countAttendance(people: readonly Pick<RosterPerson, 'status' | 'walkIn' | 'enrolled'>[]): AttendanceCounts {
  const counts: AttendanceCounts = { confirmed: 0, present: 0, late: 0, excused: 0, absent: 0, unmarked: 0, walkIns: 0 };
  for (const p of people) {
    if (p.enrolled) counts.confirmed++;
    if (p.walkIn) counts.walkIns++;
    counts[p.status]++;
  }
  return counts;
}

// Confirmed sign-ups and everyone with an attendance row (walk-ins included), as a subquery.
export const onRoster = (sessionId: string) =>
  sql`(select ${enrollments.userId} from ${enrollments} where ${enrollments.sessionId} = ${sessionId} and ${enrollments.status} = 'confirmed'
       union select ${attendance.userId} from ${attendance} where ${attendance.sessionId} = ${sessionId})`;

async function sessionHeader(executor: Executor, id: string): Promise<RosterSession> {
  const [row] = await executor
    .select({
      id: sessions.id,
      workshopTitle: workshops.title,
      workshopSlug: workshops.slug,
      placeId: sessions.placeId,
      placeName: places.name,
      placeAddress: places.address,
      placePostalCode: places.postalCode,
      placeCommune: places.commune,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      capacity: sessions.capacity,
      status: sessions.status,
      closedAt: sessions.closedAt,
      selfCheckIn: sessions.selfCheckIn,
      checkInCode: sessions.checkInCode,
      lateAfterMinutes: sessions.lateAfterMinutes,
      walkInsAllowed: sessions.walkInsAllowed,
      trainers: sql<string[]>`coalesce((select array_agg(u.name order by u.name) from ${sessionTrainers} st join ${users} u on u.id = st.user_id where st.session_id = ${sessions.id}), '{}')`,
    })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(eq(sessions.id, id));
  if (!row) throw new NotFoundError('Cette séance n’existe pas.');
  return row;
}

async function rosterPeople(executor: Executor, sessionId: string, scope: string[] | null): Promise<RosterPerson[]> {
  const a2 = alias(attendance, 'a2');
  const s2 = alias(sessions, 's2');
  const noShows = executor
    .select({ n: sql<number>`count(*)::int` })
    .from(a2)
    .innerJoin(s2, eq(s2.id, a2.sessionId))
    .where(and(eq(a2.userId, users.id), eq(a2.status, 'absent'), ne(a2.sessionId, sessionId), scope ? inArray(s2.placeId, scope) : undefined));
  const rows = await executor
    .select({
      personId: users.id,
      name: users.name,
      status: attendance.status,
      walkIn: attendance.walkIn,
      markedAt: attendance.markedAt,
      enrolled: sql<boolean>`exists (select 1 from ${enrollments} e where e.session_id = ${sessionId} and e.user_id = ${users.id} and e.status = 'confirmed')`,
      noShows: sql<number>`(${noShows})`,
      phone: users.phone,
      email: users.email,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(attendance, and(eq(attendance.sessionId, sessionId), eq(attendance.userId, users.id)))
    .where(inArray(users.id, onRoster(sessionId)));
  const hints = namesakeHintsOf(rows.map((r) => ({ id: r.personId, name: r.name, phone: r.phone, email: r.email, createdAt: r.createdAt })));
  return rows
    .map(({ phone: _phone, email: _email, createdAt: _createdAt, ...r }) => ({
      ...r,
      status: r.status ?? 'unmarked',
      walkIn: r.walkIn ?? false,
      noShows: Number(r.noShows),
      ...(hints.has(r.personId) ? { namesake: hints.get(r.personId) } : {}),
    }))
    .sort(byName);
}

async function waitingList(executor: Executor, sessionId: string): Promise<WaitingPerson[]> {
  const rows = await executor
    .select({ personId: users.id, name: users.name })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(eq(enrollments.sessionId, sessionId), eq(enrollments.status, 'waitlisted')))
    .orderBy(asc(enrollments.waitlistedAt), asc(enrollments.id));
  return rows.map((r, i) => ({ ...r, position: i + 1 }));
}

// The roster of a session: staff of its place and coordinators only. Three queries, whatever the
// number of people.
export async function getRoster(actor: Actor | null, sessionId: unknown): Promise<Roster> {
  const id = parseSessionId(sessionId);
  const session = await sessionHeader(db, id);
  assertCan(actor, 'attendance:take', { placeId: session.placeId });
  const [people, waitlist] = await Promise.all([rosterPeople(db, id, placeScopeOf(actor)), waitingList(db, id)]);
  const onList = new Set(people.map((p) => p.personId));
  return { session, people, waitlist: waitlist.filter((w) => !onList.has(w.personId)), counts: countAttendance(people) };
}

// Whether the actor may take attendance at this session (for showing links).
export function canTakeAttendance(actor: Actor | null, placeId: string): boolean {
  return can(actor, 'attendance:take', { placeId });
}
