import 'server-only';
import { isUuid } from '@/lib/ids';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db, type Transaction } from '@/db';
import { activities, activityParticipants, attendance, enrollments, notes, outbox, userRoles, users } from '@/db/schema';
import { assertCan, assertSignedIn, type Actor } from '@/lib/auth/policy';
import { writeAudit } from '@/lib/audit';
import { ConflictError, NotFoundError, UserError } from '@/lib/errors';
import { formatPhone } from '@/lib/learners/phone';
import { parseInput } from '@/lib/validation';

// The admin's changes to accounts: network roles (coordinator, admin — mediator staff is managed
// per place by coordinators), disabling, and merging two profiles of the same person. All logged.

import { NETWORK_ROLES, updateAccountSchema } from './admin-schema';

export { NETWORK_ROLES, updateAccountSchema };

const LAST_ADMIN = 'Vous êtes le seul administrateur : nommez d’abord un autre administrateur.';

async function lockUser(tx: Transaction, id: string) {
  if (!isUuid(id)) throw new NotFoundError('Ce compte n’existe pas.');
  const [user] = await tx.select({ id: users.id, disabledAt: users.disabledAt, erasedAt: users.erasedAt }).from(users).where(eq(users.id, id)).for('update');
  if (!user) throw new NotFoundError('Ce compte n’existe pas.');
  return user;
}

export async function updateAccount(actor: Actor | null, userId: string, input: unknown, now = new Date()): Promise<{ roles: string[]; disabled: boolean }> {
  const data = parseInput(updateAccountSchema, input);
  assertCan(actor, 'user:manage');
  assertSignedIn(actor);
  return db.transaction(async (tx) => {
    // Serialises admin changes, so that two admins cannot remove each other at the same time.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('comptoir:admins'))`);
    const user = await lockUser(tx, userId);
    if (user.erasedAt) throw new UserError('Ce compte a été effacé.', { status: 409 });
    const current = (await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role);
    const admins = await tx.select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.role, 'admin'));
    if (data.roles) {
      const wanted = new Set(data.roles);
      const grant = NETWORK_ROLES.filter((r) => wanted.has(r) && !current.includes(r));
      const revoke = NETWORK_ROLES.filter((r) => !wanted.has(r) && current.includes(r));
      if (revoke.includes('admin') && admins.length <= 1) throw new ConflictError(LAST_ADMIN, { roles: [LAST_ADMIN] });
      if (grant.length) await tx.insert(userRoles).values(grant.map((role) => ({ userId, role, grantedAt: now }))).onConflictDoNothing();
      if (revoke.length) await tx.delete(userRoles).where(and(eq(userRoles.userId, userId), inArray(userRoles.role, revoke)));
      await writeAudit(tx, [
        ...grant.map((role) => ({ actorId: actor.id, action: 'user.role.grant', entityType: 'user', entityId: userId, after: { role } })),
        ...revoke.map((role) => ({ actorId: actor.id, action: 'user.role.revoke', entityType: 'user', entityId: userId, before: { role } })),
      ]);
    }
    if (data.disabled !== undefined && data.disabled !== Boolean(user.disabledAt)) {
      if (data.disabled && userId === actor.id) throw new UserError('Vous ne pouvez pas désactiver votre propre compte.', { status: 409 });
      if (data.disabled && admins.some((a) => a.userId === userId) && admins.length <= 1) throw new ConflictError(LAST_ADMIN);
      await tx
        .update(users)
        .set(data.disabled ? { disabledAt: now, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now } : { disabledAt: null, updatedAt: now })
        .where(eq(users.id, userId));
      await writeAudit(tx, { actorId: actor.id, action: data.disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: userId });
    }
    const roles = (await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role);
    const [after] = await tx.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId));
    return { roles: ['learner', ...roles], disabled: Boolean(after?.disabledAt) };
  });
}

export type MergeConflict = { kind: 'enrollment' | 'attendance' | 'email' | 'password' | 'staff'; detail: string };
export type MergePreview = {
  keep: { id: string; name: string; email: string | null; phone: string | null };
  merge: { id: string; name: string; email: string | null; phone: string | null };
  moves: { enrollments: number; attendance: number; notes: number; activities: number };
  conflicts: MergeConflict[];
  blocking: boolean;
};

async function preview(tx: Transaction, keepId: string, mergeId: string): Promise<MergePreview> {
  if (keepId === mergeId) throw new UserError('Choisissez deux profils différents.', { status: 400 });
  const load = async (id: string) => {
    if (!isUuid(id)) throw new NotFoundError('Ce compte n’existe pas.');
    const [u] = await tx.select({ id: users.id, name: users.name, email: users.email, phone: users.phone, passwordHash: users.passwordHash, erasedAt: users.erasedAt }).from(users).where(eq(users.id, id));
    if (!u || u.erasedAt) throw new NotFoundError('Ce compte n’existe pas.');
    return u;
  };
  const [keep, merge] = [await load(keepId), await load(mergeId)];
  const count = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const n = sql<number>`count(*)::int`;
  const conflicts: MergeConflict[] = [];
  const sameSessions = await tx.execute<{ session_id: string }>(
    sql`select a.session_id from ${enrollments} a join ${enrollments} b on a.session_id = b.session_id where a.user_id = ${keepId} and b.user_id = ${mergeId}`,
  );
  const sameRows = (sameSessions as unknown as { rows?: unknown[] }).rows ?? (sameSessions as unknown as unknown[]);
  if (sameRows.length) conflicts.push({ kind: 'enrollment', detail: `${sameRows.length} séance(s) où les deux profils sont inscrits : l’inscription du profil gardé reste.` });
  const sameAttendance = await count(
    tx.select({ n }).from(attendance).where(and(eq(attendance.userId, mergeId), sql`exists (select 1 from ${attendance} k where k.session_id = ${attendance.sessionId} and k.user_id = ${keepId})`)),
  );
  if (sameAttendance) conflicts.push({ kind: 'attendance', detail: `${sameAttendance} présence(s) en double : celle du profil gardé reste.` });
  if (keep.email && merge.email) conflicts.push({ kind: 'email', detail: 'Les deux profils ont une adresse e-mail : seule celle du profil gardé reste.' });
  if (keep.passwordHash && merge.passwordHash) conflicts.push({ kind: 'password', detail: 'Les deux profils ont un mot de passe : seul celui du profil gardé reste.' });
  const staff = await count(tx.select({ n }).from(userRoles).where(eq(userRoles.userId, mergeId)));
  if (staff) conflicts.push({ kind: 'staff', detail: 'Le profil à fusionner a un rôle (médiateur, coordination ou admin) : retirez-le d’abord.' });
  return {
    keep: { id: keep.id, name: keep.name, email: keep.email, phone: keep.phone },
    merge: { id: merge.id, name: merge.name, email: merge.email, phone: merge.phone },
    moves: {
      enrollments: await count(tx.select({ n }).from(enrollments).where(eq(enrollments.userId, mergeId))),
      attendance: await count(tx.select({ n }).from(attendance).where(eq(attendance.userId, mergeId))),
      notes: await count(tx.select({ n }).from(notes).where(eq(notes.authorId, mergeId))),
      activities: await count(tx.select({ n }).from(activities).where(eq(activities.learnerId, mergeId))),
    },
    conflicts,
    blocking: staff > 0,
  };
}

export async function previewMerge(actor: Actor | null, keepId: string, mergeId: string): Promise<MergePreview> {
  assertCan(actor, 'user:manage');
  return db.transaction((tx) => preview(tx, keepId, mergeId));
}

// Moves the sign-ups, attendance, notes and activity records of `mergeId` to `keepId` (the kept
// profile's row wins each conflict), fills the kept profile's missing contact details, then
// removes the merged profile.
export async function mergeProfiles(actor: Actor | null, keepId: string, mergeId: string, now = new Date()): Promise<MergePreview> {
  assertCan(actor, 'user:manage');
  assertSignedIn(actor);
  return db.transaction(async (tx) => {
    const p = await preview(tx, keepId, mergeId);
    if (p.blocking) throw new ConflictError(p.conflicts.find((c) => c.kind === 'staff')!.detail);
    await tx.execute(sql`delete from ${enrollments} m where m.user_id = ${mergeId} and exists (select 1 from ${enrollments} k where k.session_id = m.session_id and k.user_id = ${keepId})`);
    await tx.update(enrollments).set({ userId: keepId, updatedAt: now }).where(eq(enrollments.userId, mergeId));
    await tx.execute(sql`delete from ${attendance} m where m.user_id = ${mergeId} and exists (select 1 from ${attendance} k where k.session_id = m.session_id and k.user_id = ${keepId})`);
    await tx.update(attendance).set({ userId: keepId }).where(eq(attendance.userId, mergeId));
    await tx.update(notes).set({ authorId: keepId }).where(eq(notes.authorId, mergeId));
    await tx.update(activities).set({ learnerId: keepId }).where(eq(activities.learnerId, mergeId));
    await tx.execute(sql`delete from ${activityParticipants} m where m.user_id = ${mergeId} and exists (select 1 from ${activityParticipants} k where k.activity_id = m.activity_id and k.user_id = ${keepId})`);
    await tx.update(activityParticipants).set({ userId: keepId }).where(eq(activityParticipants.userId, mergeId));
    await tx.update(outbox).set({ recipientId: keepId }).where(eq(outbox.recipientId, mergeId));
    const [keep] = await tx.select({ email: users.email, phone: users.phone }).from(users).where(eq(users.id, keepId));
    await tx.delete(users).where(eq(users.id, mergeId));
    await tx
      .update(users)
      .set({ ...(keep?.email ? {} : { email: p.merge.email }), ...(keep?.phone ? {} : { phone: p.merge.phone }), updatedAt: now })
      .where(eq(users.id, keepId));
    await writeAudit(tx, { actorId: actor.id, action: 'user.merge', entityType: 'user', entityId: keepId, after: { mergedId: mergeId, moves: p.moves, conflicts: p.conflicts.map((c) => c.kind) } });
    return p;
  });
}

export type AccountDetail = { id: string; name: string; email: string | null; phone: string | null; roles: string[]; disabled: boolean; erased: boolean; createdAt: Date; lastActiveAt: Date | null };

export async function accountDetail(actor: Actor | null, userId: string): Promise<AccountDetail> {
  assertCan(actor, 'user:manage');
  if (!isUuid(userId)) throw new NotFoundError('Ce compte n’existe pas.');
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw new NotFoundError('Ce compte n’existe pas.');
  const roles = (await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role);
  return { id: u.id, name: u.name, email: u.email, phone: u.phone ? formatPhone(u.phone) : null, roles, disabled: Boolean(u.disabledAt), erased: Boolean(u.erasedAt), createdAt: u.createdAt, lastActiveAt: u.lastActiveAt };
}
