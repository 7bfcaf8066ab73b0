import 'server-only';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { placeStaff, places, userRoles, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { ConflictError, ValidationError, isUniqueViolation } from '@/lib/errors';
import { findClaimableProfile } from '@/lib/learners';
import { formatPhone, normalizePhone, phoneSearchDigits } from '@/lib/learners/phone';
import { PRIVACY_TEXT_VERSION } from '@/lib/privacy/version';
import { assertUnder, clearHits, hit, recordHit } from '@/lib/rate-limit';
import { parseInput } from '@/lib/validation';
import type { Role } from '@/lib/vocabulary';
import { createAccountSchema, signInSchema } from './schema';

export type AccountView = { id: string; name: string; email: string | null; phone?: string | null };

const EMAIL_TAKEN = 'Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou choisissez une autre adresse.';
const PHONE_TAKEN = 'Un compte existe déjà avec ce numéro. Connectez-vous avec ce numéro, ou demandez un nouveau mot de passe au guichet.';

// Creates a learner account, with an e-mail address or — for people without one — a mobile
// number (nothing is ever sent to a phone). `clientKey` (the caller's address) throttles mass
// creation. With the phone number and one-time code a mediator gave them, the person takes over
// the profile created for them at the desk instead: same person, same sign-ups, now with a
// password (see lib/learners, "claim").
export async function createLearnerAccount(input: unknown, clientKey = 'unknown', now = new Date()): Promise<AccountView> {
  const data = parseInput(createAccountSchema, input);
  await hit(`account:${clientKey}`, 20, 3600);
  const email = data.email ?? null;
  const phone = data.phone ? normalizePhone(data.phone) : null;
  const taken = () => (email ? new ConflictError(EMAIL_TAKEN, { email: [EMAIL_TAKEN] }) : new ConflictError(PHONE_TAKEN, { phone: [PHONE_TAKEN] }));
  const claimPhone = data.claimPhone ? normalizePhone(data.claimPhone) : null;
  // Guessing codes is slow: a few tries per phone number per hour.
  if (claimPhone) {
    await hit(`claim:${claimPhone}`, 5, 3600);
    await hit(`claim-address:${clientKey}`, 20, 3600);
  }
  const passwordHash = await hashPassword(data.password);
  const consent = { consentAt: now, consentVersion: data.privacyVersion ?? PRIVACY_TEXT_VERSION };
  return db
    .transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(email ? eq(users.email, email) : and(eq(users.phone, phone!), isNull(users.email), isNotNull(users.passwordHash)));
      if (existing) throw taken();
      if (claimPhone && data.claimCode) {
        const profile = await findClaimableProfile(tx, claimPhone, data.claimCode, now);
        const claimed = await tx
          .update(users)
          .set({ name: data.name, email, ...(phone ? { phone } : {}), passwordHash, claimedAt: now, claimCodeHash: null, claimCodeExpiresAt: null, lastActiveAt: now, ...consent, updatedAt: now })
          .where(and(eq(users.id, profile.id), isNull(users.passwordHash)))
          .returning({ id: users.id, name: users.name });
        const row = claimed[0];
        // Claimed by a concurrent request with the same code.
        if (!row) throw new ValidationError({ claimCode: ['Ce code a déjà servi. Connectez-vous, ou demandez un nouveau code à votre médiateur numérique.'] });
        await writeAudit(tx, { actorId: row.id, action: 'account.claim', entityType: 'user', entityId: row.id, at: now });
        return { id: row.id, name: row.name, email, ...(email ? {} : { phone: formatPhone(phone ?? claimPhone) }) };
      }
      const inserted = await tx
        .insert(users)
        .values({ name: data.name, email, phone, passwordHash, lastActiveAt: now, ...consent })
        .onConflictDoNothing()
        .returning({ id: users.id, name: users.name });
      const row = inserted[0];
      // A concurrent request took the address (or number) between our read and our insert.
      if (!row) throw taken();
      await writeAudit(tx, { actorId: row.id, action: 'account.create', entityType: 'user', entityId: row.id, after: { via: email ? 'email' : 'phone' } });
      return { id: row.id, name: row.name, email, ...(email ? {} : { phone: formatPhone(phone!) }) };
    })
    .catch((error: unknown) => {
      // A concurrent claim took the address between our read and our update.
      if (isUniqueViolation(error)) throw taken();
      throw error;
    });
}

export type SignedInUser = { id: string; name: string; email: string | null; roles: Role[]; sessionVersion: number };

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

// E-mail (or phone of an account without e-mail) + password check for next-auth. Unknown
// login and wrong password give the same answer and take comparable time (a decoy hash is
// verified when the login is unknown).
// `address` is the client address (lib/http/client-address.ts).
export async function verifyCredentials(input: unknown, address = 'unknown', now = new Date()): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await assertSignInAllowed(email, address, now);
  const keys = signInKeys(email, address);
  const byPhone = !email.includes('@');
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(byPhone ? and(eq(users.phone, email), isNull(users.email), isNotNull(users.passwordHash)) : eq(users.email, email), isNull(users.disabledAt)));
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) {
    await recordHit(keys.pair, SIGN_IN_WINDOW_SECONDS, now);
    await recordHit(keys.address, SIGN_IN_WINDOW_SECONDS, now);
    return null;
  }
  // A successful sign-in wipes this pair's count: only failures in a row add up.
  await clearHits(keys.pair);
  await db.update(users).set({ lastActiveAt: now, retentionWarnedAt: null }).where(eq(users.id, user.id));
  return { id: user.id, name: user.name, email: user.email, roles: await rolesOf(user.id), sessionVersion: user.sessionVersion };
}

async function rolesOf(userId: string): Promise<Role[]> {
  const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return ['learner', ...rows.map((r) => r.role)];
}

// What the signed-in user may do, read from the database on every request so that a revoked
// role or a disabled account takes effect at once.
// With the session's version: a session signed before the last password change or disabling ends.
export async function loadActor(userId: string, sessionVersion?: number): Promise<Actor | null> {
  // One statement (it runs on every signed-in request): the person, their roles and their places.
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      sessionVersion: users.sessionVersion,
      roles: sql<Role[]>`array(select ${userRoles.role}::text from ${userRoles} where ${userRoles.userId} = ${users.id} order by 1)`,
      staffedPlaceIds: sql<string[]>`array(select ${placeStaff.placeId}::text from ${placeStaff} where ${placeStaff.userId} = ${users.id} order by 1)`,
    })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!row || (sessionVersion !== undefined && row.sessionVersion !== sessionVersion)) return null;
  return { id: row.id, name: row.name, email: row.email, roles: ['learner', ...row.roles], staffedPlaceIds: row.staffedPlaceIds };
}

export type UserListItem = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  roles: Role[];
  places: string[];
  disabled: boolean;
  erased: boolean;
  createdAt: Date;
  lastActiveAt: Date | null;
};

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

// The admin's search of accounts by name, e-mail or phone, with roles and staffed places; staff
// first, then by name. Paginated.
export async function listUsers(actor: Actor | null, { q = '', page = 1, pageSize = 25 }: { q?: string; page?: number; pageSize?: number } = {}): Promise<{ items: UserListItem[]; total: number; page: number; pageCount: number }> {
  assertCan(actor, 'user:manage');
  const query = q.trim().slice(0, 100);
  const digits = phoneSearchDigits(query);
  const match = !query
    ? undefined
    : digits
      ? sql`regexp_replace(coalesce(${users.phone}, ''), '\\D', '', 'g') like ${`%${digits}%`}`
      : sql`(unaccent(lower(${users.name})) like unaccent(lower(${`%${escapeLike(query)}%`})) or ${users.email} like ${`%${escapeLike(query.toLowerCase())}%`})`;
  const size = Math.min(Math.max(1, pageSize), 100);
  const current = Math.max(1, Math.floor(page) || 1);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      phone: users.phone,
      disabledAt: users.disabledAt,
      erasedAt: users.erasedAt,
      createdAt: users.createdAt,
      lastActiveAt: users.lastActiveAt,
      roles: sql<Role[]>`coalesce((select array_agg(r.role::text order by r.role) from ${userRoles} r where r.user_id = ${users.id}), '{}')`,
      places: sql<string[]>`coalesce((select array_agg(p.name order by p.name) from ${placeStaff} s join ${places} p on p.id = s.place_id where s.user_id = ${users}.id), '{}')`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(users)
    .where(match)
    .orderBy(sql`(select count(*) from ${userRoles} r where r.user_id = ${users.id}) desc`, asc(users.name), asc(users.id))
    .limit(size)
    .offset((current - 1) * size);
  const total = rows[0]?.total ?? (current > 1 ? (await listUsers(actor, { q, page: 1, pageSize: size })).total : 0);
  return {
    total,
    page: current,
    pageCount: Math.max(1, Math.ceil(total / size)),
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      phone: r.phone ? formatPhone(r.phone) : null,
      roles: ['learner', ...r.roles],
      places: r.places,
      disabled: !!r.disabledAt,
      erased: !!r.erasedAt,
      createdAt: r.createdAt,
      lastActiveAt: r.lastActiveAt,
    })),
  };
}
