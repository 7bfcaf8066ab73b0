import 'server-only';
import { PRIVACY_TEXT_VERSION } from '@/lib/privacy/version';
import { and, asc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { attendance, enrollments, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { inPeopleScope } from '@/lib/auth/people-scope';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { learnerSearchSchema } from '@/lib/learners/schema';
import { parseInput } from '@/lib/validation';
import { walkInKnownSchema, walkInNewSchema } from './schema';
import { writeMarks, assertMarkingOpen } from './marking';
import { type SessionRow, parseSessionId, loadSession } from './session-row';
import { onRoster } from './roster';

// People who come without a sign-up: someone already known, or a new profile made at the door.

async function addWalkInTx(tx: Executor, actor: Actor, session: SessionRow, personId: string, now: Date): Promise<{ personId: string; name: string }> {
  const [person] = await tx
    .select({
      name: users.name,
      confirmed: sql<boolean>`exists (select 1 from ${enrollments} e where e.session_id = ${session.id} and e.user_id = ${users.id} and e.status = 'confirmed')`,
      marked: sql<boolean>`exists (select 1 from ${attendance} a where a.session_id = ${session.id} and a.user_id = ${users.id})`,
    })
    .from(users)
    .where(and(eq(users.id, personId), isNull(users.disabledAt), inPeopleScope(actor, users.id)));
  if (!person) throw new NotFoundError('Cette personne est introuvable parmi les personnes de vos lieux.');
  if (person.confirmed || person.marked) throw new ConflictError(`${person.name} est déjà sur la liste de cette séance : marquez sa présence dans la liste.`);
  await writeMarks(tx, actor, session, [{ personId, status: 'present', walkIn: true }], now, session.closedAt ? 'attendance.walk-in-after-closing' : 'attendance.walk-in');
  return { personId, name: person.name };
}

// "Ajouter une personne venue sans inscription", someone already known: present, walk-in, no
// sign-up and no seat taken.
export async function addWalkIn(actor: Actor | null, sessionId: unknown, input: unknown, now = new Date()): Promise<{ personId: string; name: string }> {
  const { personId } = parseInput(walkInKnownSchema, input);
  const id = parseSessionId(sessionId);
  return db.transaction(async (tx) => {
    const session = await loadSession(tx, id, { lock: true });
    assertCan(actor, 'attendance:take', { placeId: session.placeId });
    assertMarkingOpen(session, now);
    return addWalkInTx(tx, actor, session, personId, now);
  });
}

// A profile with just a name, created at the door with the person's consent (no e-mail, no
// password: they can claim it later), then added as a walk-in.
export async function addNewWalkIn(actor: Actor | null, sessionId: unknown, input: unknown, now = new Date()): Promise<{ personId: string; name: string }> {
  const data = parseInput(walkInNewSchema, input);
  const id = parseSessionId(sessionId);
  return db.transaction(async (tx) => {
    const session = await loadSession(tx, id, { lock: true });
    assertCan(actor, 'attendance:take', { placeId: session.placeId });
    assertMarkingOpen(session, now);
    const [created] = await tx.insert(users).values({ name: data.name, consentAt: now, consentVersion: PRIVACY_TEXT_VERSION, createdById: actor.id }).returning({ id: users.id });
    await writeAudit(tx, { actorId: actor.id, action: 'user.create-at-desk', entityType: 'user', entityId: created!.id, after: { name: data.name, consentAt: now.toISOString() }, at: now });
    return addWalkInTx(tx, actor, session, created!.id, now);
  });
}

export type WalkInCandidate = { personId: string; name: string; commune: string | null };

// Search by name (accents and case ignored) among the learners of the actor's places, leaving out
// people already on the roster.
export async function searchWalkInCandidates(actor: Actor | null, sessionId: unknown, input: unknown): Promise<WalkInCandidate[]> {
  const id = parseSessionId(sessionId);
  const session = await loadSession(db, id);
  assertCan(actor, 'attendance:take', { placeId: session.placeId });
  const { q } = parseInput(learnerSearchSchema, input);
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ personId: users.id, name: users.name, commune: users.commune })
    .from(users)
    .where(
      and(
        sql`unaccent(${users.name}) ilike unaccent(${pattern})`,
        isNull(users.disabledAt),
        inPeopleScope(actor, users.id),
        notInArray(users.id, onRoster(id)),
      ),
    )
    .orderBy(asc(users.name))
    .limit(10);
}
