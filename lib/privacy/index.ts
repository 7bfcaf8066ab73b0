import 'server-only';
import { and, eq, gt, inArray, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Transaction } from '@/db';
import { auditLog, enrollments, outbox, rateLimits, sessions, userRoles, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { assertCan, assertSignedIn, type Actor } from '@/lib/auth/policy';
import { writeAudit } from '@/lib/audit';
import { publicOrigin } from '@/lib/http/origin';
import { cancelLocked, lockSession } from '@/lib/enrollment';
import { ForbiddenError, NotFoundError, UserError, ValidationError } from '@/lib/errors';
import { findKnownPerson } from '@/lib/learners';
import { formatPhone } from '@/lib/learners/phone';
import { loadSessionInfo } from '@/lib/notifications';
import { hit } from '@/lib/rate-limit';
import { parseInput } from '@/lib/validation';
import { recordErasure } from './erasure-log';
import { PERSON_DATA, type ErasureContext } from './registry';

// "Mes données": the export of everything Comptoir holds about a person, and the erasure of their
// account. Both read the registry (./registry.ts), which lists every table holding a person.

export { PRIVACY_TEXT_VERSION } from './version';

export const ERASED_NAME = 'Personne effacée';

export type PersonExport = {
  exportedAt: string;
  profile: Record<string, unknown>;
  consents: { at: string; version: string | null; given: 'at-the-desk' | 'online' }[];
  claimCodes: { action: string; at: string }[];
  certificates: { sessionId: string; workshop: string; code: string }[];
  [section: string]: unknown;
};

async function buildExport(tx: Transaction, userId: string, now: Date): Promise<PersonExport> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user || user.erasedAt) throw new NotFoundError('Cette personne n’existe pas.');
  const [creator] = user.createdById ? await tx.select({ name: users.name }).from(users).where(eq(users.id, user.createdById)) : [];
  const sections: Record<string, unknown> = {};
  for (const entry of PERSON_DATA) {
    if (entry.section && entry.export) sections[entry.section] = await entry.export(tx, userId);
  }
  const attendance = (sections.attendance ?? []) as { sessionId: string; workshop: string; certificateCode: string | null }[];
  const claimCodes = await tx
    .select({ action: auditLog.action, at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, userId), inArray(auditLog.action, ['learner.create-at-desk', 'learner.claim-code', 'account.claim'])));
  return {
    exportedAt: now.toISOString(),
    profile: {
      id: user.id,
      name: user.name,
      email: user.email,
      phone: user.phone ? formatPhone(user.phone) : null,
      commune: user.commune,
      locale: user.locale,
      createdAt: user.createdAt.toISOString(),
      createdAtTheDeskBy: creator?.name ?? null,
      claimedAt: user.claimedAt?.toISOString() ?? null,
      hasPassword: Boolean(user.passwordHash),
      calendarFeed: Boolean(user.calendarTokenHash),
      lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
      disabled: Boolean(user.disabledAt),
    },
    consents: user.consentAt ? [{ at: user.consentAt.toISOString(), version: user.consentVersion, given: user.createdById ? 'at-the-desk' : 'online' }] : [],
    claimCodes: claimCodes.map((c) => ({ action: c.action, at: c.at.toISOString() })),
    certificates: attendance.filter((a) => a.certificateCode).map((a) => ({ sessionId: a.sessionId, workshop: a.workshop, code: a.certificateCode!, url: `${publicOrigin()}/attestations/${a.certificateCode}` })),
    ...sections,
  };
}

// The signed-in person's own data.
export async function exportMyData(actor: Actor | null, now = new Date()): Promise<PersonExport> {
  assertCan(actor, 'data:export-own');
  assertSignedIn(actor);
  return db.transaction((tx) => buildExport(tx, actor.id, now));
}

// At the desk, for a person without e-mail known at the mediator's places; logged.
export async function exportAtDesk(actor: Actor | null, personId: string, now = new Date()): Promise<PersonExport> {
  assertCan(actor, 'enrollment:on-behalf', 'any-place');
  return db.transaction(async (tx) => {
    const person = await findKnownPerson(tx, actor, personId);
    if (!person) throw new NotFoundError('Cette personne n’existe pas, ou elle n’est pas connue dans vos lieux.');
    if (!person.deskProfile) throw new ForbiddenError('Cette personne a une adresse e-mail : elle télécharge ses données elle-même, depuis « Mes données ».');
    await writeAudit(tx, { actorId: actor.id, action: 'privacy.export-at-desk', entityType: 'user', entityId: person.id });
    return buildExport(tx, person.id, now);
  });
}

export type ErasureResult = { cancelledEnrollments: number; promoted: number };

// Erases a person in one transaction: future sign-ups cancelled (the waiting list moves up), each
// table of the registry cleaned, then the profile anonymised. The row stays so that attendance
// counts, statistics and activity reports stay right. The person is told by e-mail when they have
// one. Callers add the id to the erasure log once the transaction is committed (eraseAndLog).
export async function erasePerson(
  tx: Transaction,
  userId: string,
  { actorId, reason, now, farewell = true }: { actorId: string | null; reason: string; now: Date; farewell?: boolean },
): Promise<ErasureResult> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw new NotFoundError('Cette personne n’existe pas.');
  if (user.erasedAt) return { cancelledEnrollments: 0, promoted: 0 };
  const admins = await tx.select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.role, 'admin'));
  if (admins.length === 1 && admins[0]!.userId === userId) throw new UserError('Vous êtes le seul administrateur : nommez d’abord un autre administrateur.', { status: 409 });

  // Future sign-ups: cancelled as the person would cancel them, so that the seat goes on.
  const future = await tx
    .select({ id: enrollments.id, sessionId: enrollments.sessionId, status: enrollments.status })
    .from(enrollments)
    .innerJoin(sessions, eq(sessions.id, enrollments.sessionId))
    .where(and(eq(enrollments.userId, userId), inArray(enrollments.status, ['confirmed', 'waitlisted']), gt(sessions.startsAt, now)));
  let promoted = 0;
  for (const e of future) {
    const session = await lockSession(tx, e.sessionId);
    const result = await cancelLocked(tx, { session, enrollment: { id: e.id, status: e.status as 'confirmed' | 'waitlisted' }, actorId, by: 'erasure', now, info: await loadSessionInfo(tx, e.sessionId) });
    promoted += result.promoted;
  }

  const values = [user.name, user.email, user.phone, user.phone ? formatPhone(user.phone) : null].filter((v): v is string => Boolean(v && v.length >= 3));
  const ctx: ErasureContext = { userId, values, now };
  for (const entry of PERSON_DATA) if (typeof entry.erase === 'function') await entry.erase(tx, ctx);
  // Throttling counters are keyed by e-mail or phone.
  const keys = [user.email, user.phone].filter((v): v is string => Boolean(v));
  // Counters are keyed by login (e.g. "signin:<e-mail>") or by login and address ("signin:<e-mail>|<address>").
  if (keys.length) await tx.delete(rateLimits).where(or(...keys.flatMap((k) => [like(rateLimits.key, `%:${k}`), like(rateLimits.key, `%:${k}|%`)])));

  await tx
    .update(users)
    .set({
      name: ERASED_NAME,
      email: null,
      phone: null,
      passwordHash: null,
      // The commune stays: alone it names no one, and the statistics of the network count it.
      claimCodeHash: null,
      claimCodeExpiresAt: null,
      calendarTokenHash: null,
      calendarTokenCreatedAt: null,
      consentAt: null,
      consentVersion: null,
      disabledAt: now,
      erasedAt: now,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
  await writeAudit(tx, { actorId, action: 'privacy.erase', entityType: 'user', entityId: userId, after: { reason, cancelledEnrollments: future.length } });
  if (user.email && farewell) {
    // Not tied to the profile: the worker blanks the address once the message is sent.
    await tx.insert(outbox).values({
      recipientId: null,
      toAddress: user.email,
      kind: 'account-erased',
      subject: 'Votre compte Comptoir est supprimé',
      body: 'Bonjour,\n\nVotre compte Comptoir et vos données personnelles ont été supprimés, comme vous l’avez demandé. Les présences aux ateliers restent comptées, sans votre nom.\n\nÀ bientôt peut-être dans un Espace Public Numérique.\n\nL’équipe Comptoir',
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    });
  }
  return { cancelledEnrollments: future.length, promoted };
}

// One erasure in its own transaction, then logged (only once committed) for replay on restore.
export async function eraseAndLog(userId: string, options: { actorId: string | null; reason: string; now: Date }, check?: (tx: Transaction) => Promise<void>): Promise<ErasureResult> {
  const result = await db.transaction(async (tx) => {
    await check?.(tx);
    return erasePerson(tx, userId, options);
  });
  await recordErasure(userId, options.now);
  return result;
}

const eraseOwnSchema = z.object({ password: z.string({ error: 'Indiquez votre mot de passe.' }).min(1, 'Indiquez votre mot de passe.').max(200) });

// The person erases their own account, confirmed by their password.
export async function eraseMyAccount(actor: Actor | null, input: unknown, now = new Date()): Promise<ErasureResult> {
  const { password } = parseInput(eraseOwnSchema, input);
  assertCan(actor, 'data:delete-own');
  assertSignedIn(actor);
  await hit(`erase:${actor.id}`, 10, 15 * 60);
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!(await verifyPassword(user?.passwordHash, password))) throw new ValidationError({ password: ['Ce mot de passe n’est pas le bon.'] });
  return eraseAndLog(actor.id, { actorId: actor.id, reason: 'request', now });
}

const eraseAtDeskSchema = z.object({
  reason: z.string({ error: 'Indiquez la raison.' }).trim().min(3, 'Indiquez la raison (3 lettres au moins).').max(300, 'La raison doit faire au plus 300 caractères.'),
});

// At the desk, for a desk profile (no e-mail) known at the mediator's places, with a reason.
export async function eraseAtDesk(actor: Actor | null, personId: string, input: unknown, now = new Date()): Promise<ErasureResult> {
  const { reason } = parseInput(eraseAtDeskSchema, input);
  assertCan(actor, 'enrollment:on-behalf', 'any-place');
  return eraseAndLog(personId, { actorId: actor.id, reason: `desk: ${reason}`, now }, async (tx) => {
    const person = await findKnownPerson(tx, actor, personId);
    if (!person) throw new NotFoundError('Cette personne n’existe pas, ou elle n’est pas connue dans vos lieux.');
    if (!person.deskProfile) throw new ForbiddenError('Cette personne a une adresse e-mail : elle supprime son compte elle-même, depuis « Mes données ».');
  });
}
