import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db';
import { outbox, passwordResets, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { hashSecret } from '@/lib/auth/secret-hash';
import { writeAudit } from '@/lib/audit';
import { publicOrigin } from '@/lib/http/origin';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { findKnownPerson } from '@/lib/learners';
import { newClaimCode, normalizeClaimCode } from '@/lib/learners/claim-code';
import { normalizePhone } from '@/lib/learners/phone';
import { hit } from '@/lib/rate-limit';
import { parseInput } from '@/lib/validation';
import { requestResetSchema } from './password-reset-schema';
import { passwordSchema } from './schema';

// Lost passwords. By e-mail: a one-time link (32 random bytes), valid one hour. At the desk, for
// people without e-mail: a one-time code given by a mediator of a place where they are known,
// valid one day, used with the person's phone number. Only SHA-256 hashes are kept; a new
// password ends every session of the account (users.sessionVersion).

export const LINK_MINUTES = 60;
export const DESK_CODE_HOURS = 24;

const linkHash = (token: string) => hashSecret('reset-link', token);
const deskHash = (userId: string, code: string) => hashSecret('reset-desk', `${userId}:${normalizeClaimCode(code)}`);

export { requestResetSchema };

// Always the same answer: whether the address is known is never told. Throttled per address and
// per caller.
export async function requestPasswordReset(input: unknown, clientKey = 'unknown', now = new Date()): Promise<{ outboxId: string | null }> {
  const { email } = parseInput(requestResetSchema, input);
  await hit(`reset-ip:${clientKey}`, 20, 3600, now);
  await hit(`reset:${email}`, 5, 3600, now);
  const [user] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.disabledAt), isNull(users.erasedAt)));
  if (!user) return { outboxId: null };
  const token = randomBytes(32).toString('base64url');
  const link = `${publicOrigin()}/mot-de-passe-oublie/${token}`;
  return db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({ userId: user.id, kind: 'link', tokenHash: linkHash(token), expiresAt: new Date(now.getTime() + LINK_MINUTES * 60_000), createdAt: now });
    const [message] = await tx.insert(outbox).values({
      recipientId: user.id,
      toAddress: email,
      kind: 'password-reset',
      subject: 'Choisir un nouveau mot de passe',
      body: `Bonjour ${user.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (il marche une seule fois, pendant une heure) :\n${link}\n\nSi vous n’avez rien demandé, ne faites rien : votre mot de passe reste le même.\n\nL’équipe Comptoir`,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    }).returning({ id: outbox.id });
    await writeAudit(tx, { actorId: null, action: 'account.password-reset-request', entityType: 'user', entityId: user.id });
    return { outboxId: message!.id };
  });
}

// Whether a link is still good, for the reset page (without using it).
export async function resetLinkIsValid(token: string, now = new Date()): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, linkHash(token)), eq(passwordResets.kind, 'link'), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  return Boolean(row);
}

const BAD_LINK = 'Ce lien ne marche plus : il a déjà servi ou il a plus d’une heure. Demandez-en un nouveau.';
const BAD_CODE = 'Ce code ne correspond pas à ce numéro, ou il n’est plus valable. Demandez un nouveau code au guichet.';

export const resetWithLinkSchema = z.object({ token: z.string().max(200), password: passwordSchema });
export const resetWithCodeSchema = z.object({
  phone: z.string({ error: 'Indiquez votre numéro de téléphone.' }).trim().min(1, 'Indiquez votre numéro de téléphone.').max(30),
  code: z.string({ error: 'Indiquez le code donné au guichet.' }).trim().min(1, 'Indiquez le code donné au guichet.').max(20),
  password: passwordSchema,
});

async function setPassword(resetId: string, userId: string, password: string, now: Date, via: 'link' | 'desk'): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    // Single use, even when two requests race: only the first one marks the row.
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, resetId), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (used.length === 0) throw new ValidationError({ [via === 'link' ? 'token' : 'code']: [via === 'link' ? BAD_LINK : BAD_CODE] });
    // Every other pending reset of the account stops working too.
    await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, lastActiveAt: now, updatedAt: now })
      .where(eq(users.id, userId));
    await writeAudit(tx, { actorId: userId, action: 'account.password-reset', entityType: 'user', entityId: userId, after: { via } });
  });
}

export async function resetPasswordWithLink(input: unknown, now = new Date()): Promise<void> {
  const { token, password } = parseInput(resetWithLinkSchema, input);
  const [row] = await db
    .select({ id: passwordResets.id, userId: passwordResets.userId })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, linkHash(token)), eq(passwordResets.kind, 'link'), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now), isNull(users.disabledAt)));
  if (!row) throw new ValidationError({ token: [BAD_LINK] }, BAD_LINK);
  await setPassword(row.id, row.userId, password, now, 'link');
}

// With the phone number and the code given at the desk. Guessing is slow: 5 tries per number per hour.
export async function resetPasswordWithCode(input: unknown, now = new Date()): Promise<{ userId: string }> {
  const data = parseInput(resetWithCodeSchema, input);
  const phone = normalizePhone(data.phone);
  if (!phone) throw new ValidationError({ phone: ['Ce numéro n’est pas valide. Exemple : 06 12 34 56 78'] });
  await hit(`reset-code:${phone}`, 5, 3600, now);
  const candidates = await db
    .select({ id: passwordResets.id, userId: passwordResets.userId, tokenHash: passwordResets.tokenHash })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(users.phone, phone), eq(passwordResets.kind, 'desk'), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now), isNull(users.disabledAt)));
  const match = candidates.find((c) => c.tokenHash === deskHash(c.userId, data.code));
  if (!match) throw new ValidationError({ code: [BAD_CODE] });
  await setPassword(match.id, match.userId, data.password, now, 'desk');
  return { userId: match.userId };
}

// At the desk: a one-time code for a person known at the mediator's places, to choose a new
// password with their phone number. Returned once; only its hash is kept.
export async function issueDeskResetCode(actor: Actor | null, personId: string, now = new Date()): Promise<{ name: string; code: string; expiresAt: Date }> {
  assertCan(actor, 'enrollment:on-behalf', 'any-place');
  return db.transaction(async (tx) => {
    const person = await findKnownPerson(tx, actor, personId);
    if (!person) throw new NotFoundError('Cette personne n’existe pas, ou elle n’est pas connue dans vos lieux.');
    if (!person.phone) throw new ValidationError({ code: ['Cette personne n’a pas de numéro de téléphone : ajoutez-le d’abord.'] }, 'Cette personne n’a pas de numéro de téléphone.');
    const code = newClaimCode();
    const expiresAt = new Date(now.getTime() + DESK_CODE_HOURS * 3600_000);
    await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, person.id), eq(passwordResets.kind, 'desk'), isNull(passwordResets.usedAt)));
    await tx.insert(passwordResets).values({ userId: person.id, kind: 'desk', tokenHash: deskHash(person.id, code), expiresAt, createdById: actor.id, createdAt: now });
    await writeAudit(tx, { actorId: actor.id, action: 'account.desk-reset-code', entityType: 'user', entityId: person.id });
    return { name: person.name, code, expiresAt };
  });
}
