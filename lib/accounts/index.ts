import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { placeStaff, places, userRoles, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { ConflictError, ValidationError, isUniqueViolation } from '@/lib/errors';
import { findClaimableProfile } from '@/lib/learners';
import { normalizePhone } from '@/lib/learners/phone';
import { assertUnder, clearHits, hit, recordHit } from '@/lib/rate-limit';
import { parseInput } from '@/lib/validation';
import type { Role } from '@/lib/vocabulary';
import { createAccountSchema, signInSchema } from './schema';

export type AccountView = { id: string; name: string; email: string };

const EMAIL_TAKEN = 'Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou choisissez une autre adresse.';

// Creates a learner account. `clientKey` (the caller's address) throttles mass creation.
// With the phone number and one-time code a mediator gave them, the person takes over the
// profile created for them at the desk instead: same person, same sign-ups, now with an e-mail
// and a password (see lib/learners, "claim").
export async function createLearnerAccount(input: unknown, clientKey = 'unknown', now = new Date()): Promise<AccountView> {
  const data = parseInput(createAccountSchema, input);
  await hit(`account:${clientKey}`, 20, 3600);
  const claimPhone = data.claimPhone ? normalizePhone(data.claimPhone) : null;
  // Guessing codes is slow: a few tries per phone number per hour.
  if (claimPhone) {
    await hit(`claim:${claimPhone}`, 5, 3600);
    await hit(`claim-address:${clientKey}`, 20, 3600);
  }
  const passwordHash = await hashPassword(data.password);
  return db
    .transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
      if (existing) throw new ConflictError(EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
      if (claimPhone && data.claimCode) {
        const profile = await findClaimableProfile(tx, claimPhone, data.claimCode, now);
        const claimed = await tx
          .update(users)
          .set({ name: data.name, email: data.email, passwordHash, claimedAt: now, claimCodeHash: null, claimCodeExpiresAt: null, updatedAt: now })
          .where(and(eq(users.id, profile.id), isNull(users.passwordHash)))
          .returning({ id: users.id, name: users.name });
        const row = claimed[0];
        // Claimed by a concurrent request with the same code.
        if (!row) throw new ValidationError({ claimCode: ['Ce code a déjà servi. Connectez-vous, ou demandez un nouveau code à votre médiateur numérique.'] });
        await writeAudit(tx, { actorId: row.id, action: 'account.claim', entityType: 'user', entityId: row.id, at: now });
        return { id: row.id, name: row.name, email: data.email };
      }
      const inserted = await tx
        .insert(users)
        .values({ name: data.name, email: data.email, passwordHash })
        .onConflictDoNothing()
        .returning({ id: users.id, name: users.name, email: users.email });
      const row = inserted[0];
      // A concurrent request took the address between our read and our insert.
      if (!row) throw new ConflictError(EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
      await writeAudit(tx, { actorId: row.id, action: 'account.create', entityType: 'user', entityId: row.id });
      return { id: row.id, name: row.name, email: data.email };
    })
    .catch((error: unknown) => {
      // A concurrent claim took the address between our read and our update.
      if (isUniqueViolation(error)) throw new ConflictError(EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
      throw error;
    });
}

export type SignedInUser = { id: string; name: string; email: string; roles: Role[] };

// Sign-in throttling. Failures are counted per (account, client address) and per client address,
// never per account alone: a stranger's wrong passwords cannot lock the owner out, and a right
// password from another address is never refused. Spraying one password over many accounts from
// one address is slowed by the per-address count.
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS = 10;
export const SIGN_IN_FAILURES_PER_ADDRESS = 50;

const signInKeys = (email: string, address: string) => ({ pair: `signin:${email}|${address}`, address: `signin-address:${address}` });

// Throws RateLimitedError (429, Retry-After) when this address may not try this account now.
export async function assertSignInAllowed(email: string, address: string, now = new Date()): Promise<void> {
  const keys = signInKeys(email.trim().toLowerCase(), address);
  await assertUnder(keys.pair, SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS, SIGN_IN_WINDOW_SECONDS, now);
  await assertUnder(keys.address, SIGN_IN_FAILURES_PER_ADDRESS, SIGN_IN_WINDOW_SECONDS, now);
}

// E-mail + password check for next-auth. Unknown e-mail and wrong password give the same
// answer and take comparable time (a decoy hash is verified when the e-mail is unknown).
// `address` is the client address (lib/http/client-address.ts).
export async function verifyCredentials(input: unknown, address = 'unknown', now = new Date()): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await assertSignInAllowed(email, address, now);
  const keys = signInKeys(email, address);
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.disabledAt)));
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) {
    await recordHit(keys.pair, SIGN_IN_WINDOW_SECONDS, now);
    await recordHit(keys.address, SIGN_IN_WINDOW_SECONDS, now);
    return null;
  }
  // A successful sign-in wipes this pair's count: only failures in a row add up.
  await clearHits(keys.pair);
  return { id: user.id, name: user.name, email, roles: await rolesOf(user.id) };
}

async function rolesOf(userId: string): Promise<Role[]> {
  const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return ['learner', ...rows.map((r) => r.role)];
}

// What the signed-in user may do, read from the database on every request so that a revoked
// role or a disabled account takes effect at once.
export async function loadActor(userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  const [roles, staffed] = await Promise.all([
    rolesOf(user.id),
    db.select({ placeId: placeStaff.placeId }).from(placeStaff).where(eq(placeStaff.userId, user.id)),
  ]);
  return { ...user, roles, staffedPlaceIds: staffed.map((s) => s.placeId) };
}

export type UserListItem = { id: string; name: string; email: string | null; roles: Role[]; places: string[]; disabled: boolean; createdAt: Date };

// The admin's list of accounts with their roles and staffed places.
export async function listUsers(actor: Actor | null, { page = 1, pageSize = 50 } = {}): Promise<{ items: UserListItem[]; total: number }> {
  assertCan(actor, 'user:manage');
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
      roles: sql<Role[]>`coalesce((select array_agg(r.role::text order by r.role) from ${userRoles} r where r.user_id = ${users.id}), '{}')`,
      places: sql<string[]>`coalesce((select array_agg(p.name order by p.name) from ${placeStaff} s join ${places} p on p.id = s.place_id where s.user_id = ${users}.id), '{}')`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(users)
    .orderBy(sql`(select count(*) from ${userRoles} r where r.user_id = ${users.id}) desc`, asc(users.name))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({ id: r.id, name: r.name, email: r.email, roles: ['learner', ...r.roles], places: r.places, disabled: !!r.disabledAt, createdAt: r.createdAt })),
  };
}
