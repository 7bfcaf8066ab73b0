import 'server-only';
import { and, asc, eq, exists, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db';
import { enrollments, sessions, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { inPeopleScope } from '@/lib/auth/people-scope';
import { assertCan, can, placeScope, type Actor } from '@/lib/auth/policy';
import { enrollLocked, lockSession, type EnrollResult } from '@/lib/enrollment';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { PRIVACY_TEXT_VERSION } from '@/lib/privacy/version';
import { parseInput } from '@/lib/validation';
import { claimCodeExpiry, hashClaimCode, newClaimCode, normalizeClaimCode } from './claim-code';
import { namesakeHints } from './namesakes';
import { formatPhone, phoneSearchDigits } from './phone';
import { createAssistedLearnerSchema, learnerSearchSchema } from './schema';
import { isUuid } from '@/lib/ids';

// Learners seen from the desk: the people a mediator knows at their places, the profiles they
// create for people without e-mail, and the claim of such a profile by its owner.


// Coordinators act on every place.
const everywhere = (actor: Actor) => placeScope(actor) === 'all';

// "Signed up at one of these places" (any status, past or future): the people whose phone and
// e-mail the staff of those places may see (policy `learner:contact`).
function signedUpAt(placeIds: string[]): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(enrollments)
      .innerJoin(sessions, eq(sessions.id, enrollments.sessionId))
      .where(and(eq(enrollments.userId, users.id), inArray(sessions.placeId, placeIds))),
  );
}

function contactVisible(actor: Actor): SQL {
  if (everywhere(actor)) return sql`true`;
  const placeIds = actor.staffedPlaceIds.filter((placeId) => can(actor, 'learner:contact', { placeId }));
  return placeIds.length ? signedUpAt(placeIds) : sql`false`;
}

export type KnownLearner = {
  id: string;
  name: string;
  // Only when the actor may see them (signed up at their places).
  phone: string | null;
  email: string | null;
  // A desk profile nobody has claimed yet: a new claim code can be given.
  claimable: boolean;
  // Tells two results of the same name apart (lib/learners/namesakes).
  namesake?: string;
  // Their sign-up to the session being filled, if any.
  statusInSession: 'confirmed' | 'waitlisted' | null;
};

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

// The desk search: by name (accents and case ignored) or by part of a phone number.
export async function searchKnownLearners(actor: Actor | null, input: unknown, { sessionId, limit = 20 }: { sessionId?: string; limit?: number } = {}): Promise<KnownLearner[]> {
  assertCan(actor, 'enrollment:on-behalf', 'any-place');
  // While the name is being typed, too short a search finds nobody rather than an error.
  const typed = (input as { q?: unknown } | null)?.q;
  if (typed === undefined || (typeof typed === 'string' && typed.trim().length < 2)) return [];
  const { q } = parseInput(learnerSearchSchema, input);
  const digits = phoneSearchDigits(q);
  const match = digits
    ? sql`regexp_replace(coalesce(${users.phone}, ''), '\\D', '', 'g') like ${`%${digits}%`}`
    : sql`unaccent(lower(${users.name})) like unaccent(lower(${`%${escapeLike(q)}%`}))`;
  const visible = contactVisible(actor);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      phone: users.phone,
      email: users.email,
      contactVisible: sql<boolean>`${visible}`,
      claimable: sql<boolean>`(${users.passwordHash} is null and ${users.claimedAt} is null and ${users.email} is null)`,
      statusInSession: isUuid(sessionId)
        ? sql<'confirmed' | 'waitlisted' | null>`(select e.status::text from ${enrollments} e where e.session_id = ${sessionId} and e.user_id = "users"."id" and e.status <> 'cancelled')`
        : sql<null>`null`,
    })
    .from(users)
    .where(and(isNull(users.disabledAt), match, inPeopleScope(actor, users.id)))
    .orderBy(asc(users.name))
    .limit(limit);
  const hints = await namesakeHints(db, rows);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: r.contactVisible && r.phone ? formatPhone(r.phone) : null,
    email: r.contactVisible ? r.email : null,
    claimable: r.claimable,
    statusInSession: r.statusInSession,
    ...(hints.has(r.id) ? { namesake: hints.get(r.id) } : {}),
  }));
}

export type AssistedLearner = EnrollResult & { learnerId: string; name: string; claimCode: string };

// Creates a profile at the desk — name and phone, no e-mail, no password, consent recorded with
// its date — and signs the person up for the session, in one transaction: if the sign-up is
// refused, no profile is left behind. The one-time claim code is returned once, to be given to
// the person; only its hash is kept.
export async function createAssistedLearner(actor: Actor | null, input: unknown, now = new Date()): Promise<AssistedLearner> {
  assertCan(actor, 'enrollment:on-behalf', 'any-place');
  const data = parseInput(createAssistedLearnerSchema, input);
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, data.sessionId);
    assertCan(actor, 'enrollment:on-behalf', { placeId: session.placeId });
    // The same person already known here: sign them up from the search instead.
    const [twin] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.phone, data.phone), sql`unaccent(lower(${users.name})) = unaccent(lower(${data.name}))`, inPeopleScope(actor, users.id)))
      .limit(1);
    if (twin) {
      const message = 'Une personne avec ce nom et ce numéro existe déjà : cherchez-la dans la liste pour l’inscrire.';
      throw new ConflictError(message, { phone: [message] });
    }
    const claimCode = newClaimCode();
    const [learner] = await tx
      .insert(users)
      .values({
        name: data.name,
        phone: data.phone,
        consentAt: now,
        consentVersion: PRIVACY_TEXT_VERSION,
        createdById: actor.id,
        claimCodeHash: hashClaimCode(claimCode),
        claimCodeExpiresAt: claimCodeExpiry(now),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id, name: users.name });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'learner.create-at-desk',
      entityType: 'user',
      entityId: learner!.id,
      after: { name: data.name, consentAt: now.toISOString(), placeId: session.placeId },
      at: now,
    });
    const result = await enrollLocked(tx, { actor, session, learner: learner!, now });
    return { ...result, learnerId: learner!.id, name: learner!.name, claimCode };
  });
}

// A new claim code for an unclaimed desk profile known to the actor (the old one stops working).
export async function issueClaimCode(actor: Actor | null, learnerId: string, now = new Date()): Promise<{ name: string; claimCode: string }> {
  assertCan(actor, 'enrollment:on-behalf', 'any-place');
  if (!isUuid(learnerId)) throw new NotFoundError('Cette personne n’existe pas.');
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: users.id, name: users.name, claimable: sql<boolean>`(${users.passwordHash} is null and ${users.claimedAt} is null and ${users.email} is null)` })
      .from(users)
      .where(and(eq(users.id, learnerId), isNull(users.disabledAt), inPeopleScope(actor, users.id)));
    if (!person) throw new NotFoundError('Cette personne n’existe pas, ou elle n’est pas connue dans vos lieux.');
    if (!person.claimable) throw new ForbiddenError('Cette personne a déjà son propre compte : elle se connecte avec son adresse e-mail.');
    const claimCode = newClaimCode();
    await tx.update(users).set({ claimCodeHash: hashClaimCode(claimCode), claimCodeExpiresAt: claimCodeExpiry(now), updatedAt: now }).where(eq(users.id, person.id));
    await writeAudit(tx, { actorId: actor.id, action: 'learner.claim-code', entityType: 'user', entityId: person.id, at: now });
    return { name: person.name, claimCode };
  });
}

const BAD_CLAIM = 'Ce code ne correspond pas à ce numéro de téléphone, ou il n’est plus valable. Demandez un nouveau code à votre médiateur numérique.';

// Inside account creation: the unclaimed desk profile with this phone and code, locked, or a
// ValidationError on the code field. The code works once (the caller clears it).
export async function findClaimableProfile(tx: Transaction, phone: string, code: string, now: Date): Promise<{ id: string }> {
  if (normalizeClaimCode(code).length !== 8) throw new ValidationError({ claimCode: [BAD_CLAIM] });
  const [profile] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.phone, phone),
        eq(users.claimCodeHash, hashClaimCode(code)),
        gt(users.claimCodeExpiresAt, now),
        isNull(users.passwordHash),
        isNull(users.email),
        isNull(users.claimedAt),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
    .for('update');
  if (!profile) throw new ValidationError({ claimCode: [BAD_CLAIM] });
  return profile;
}

export type KnownPerson = { id: string; name: string; email: string | null; phone: string | null; deskProfile: boolean };

// A person known to the actor at the desk (signed up at one of their places, or a profile they
// created; anyone for coordination), or null. For the desk's privacy actions (export, erasure,
// reset code).
export async function findKnownPerson(tx: Executor, actor: Actor, personId: string): Promise<KnownPerson | null> {
  if (!isUuid(personId)) return null;
  const [person] = await tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      phone: users.phone,
      deskProfile: sql<boolean>`(${users.email} is null)`,
    })
    .from(users)
    .where(and(eq(users.id, personId), isNull(users.erasedAt), inPeopleScope(actor, users.id)));
  return person ?? null;
}

// The desk page of one person: who they are, and what the desk can do for them.
export async function deskPerson(actor: Actor | null, personId: string): Promise<{ id: string; name: string; deskProfile: boolean; hasPhone: boolean }> {
  assertCan(actor, 'enrollment:on-behalf', 'any-place');
  const person = await findKnownPerson(db, actor, personId);
  if (!person) throw new NotFoundError('Cette personne n’existe pas, ou elle n’est pas connue dans vos lieux.');
  return { id: person.id, name: person.name, deskProfile: person.deskProfile, hasPhone: Boolean(person.phone) };
}
