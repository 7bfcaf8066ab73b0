import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listAccounts } from '@/app/api/v1/admin/accounts/route';
import { PATCH as patchAccount } from '@/app/api/v1/admin/accounts/[id]/route';
import { attendance, auditLog, enrollments, users } from '@/db/schema';
import { createLearnerAccount, listUsers, loadActor, verifyCredentials } from '@/lib/accounts';
import { mergeProfiles, previewMerge, updateAccount } from '@/lib/accounts/admin';
import { ForbiddenError } from '@/lib/errors';
import { demoActor } from '../helpers/actors';
import { apiRequest } from '../helpers/auth';
import { db, seededTestDatabase } from '../helpers/db';
import { makeLearners, makeSession } from '../helpers/enrollment-fixtures';

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

describe('admin: accounts', () => {
  beforeAll(() => seededTestDatabase());

  it('finds accounts by name (accents ignored), e-mail or phone, page by page, for admins only', async () => {
    const admin = await demoActor('admin');
    await createLearnerAccount({ name: 'Éloïse Marchetti', email: 'eloise.m@exemple.fr', password: 'mot-de-passe-long' });
    await createLearnerAccount({ name: 'Bruno Sans-Mail', phone: '07 11 22 33 44', password: 'mot-de-passe-long' });
    expect((await listUsers(admin, { q: 'eloise marc' })).items.map((u) => u.name)).toEqual(['Éloïse Marchetti']);
    expect((await listUsers(admin, { q: 'eloise.m@' })).items.map((u) => u.name)).toEqual(['Éloïse Marchetti']);
    expect((await listUsers(admin, { q: '07 11 22' })).items).toEqual([expect.objectContaining({ name: 'Bruno Sans-Mail', phone: '07 11 22 33 44', email: null })]);
    const first = await listUsers(admin, { pageSize: 2, page: 1 });
    const second = await listUsers(admin, { pageSize: 2, page: 2 });
    expect(first.pageCount).toBeGreaterThan(1);
    expect(second.items.map((u) => u.id)).not.toContain(first.items[0]!.id);

    const response = await listAccounts(await apiRequest('/api/v1/admin/accounts?q=bruno', { as: admin }), {});
    expect(response.status).toBe(200);
    expect((await response.json()).items[0].name).toBe('Bruno Sans-Mail');
    const coordinator = await demoActor('coordinator');
    expect((await listAccounts(await apiRequest('/api/v1/admin/accounts', { as: coordinator }), {})).status).toBe(403);
    await expect(listUsers(coordinator)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('gives and removes network roles, logged; the last admin cannot remove their own role', async () => {
    const admin = await demoActor('admin');
    const [learner] = await makeLearners(1);
    const granted = await patchAccount(await apiRequest(`/api/v1/admin/accounts/${learner!.id}`, { method: 'PATCH', as: admin, body: { roles: ['coordinator'] } }), ctx(learner!.id));
    expect(granted.status).toBe(200);
    expect((await granted.json()).roles).toEqual(['learner', 'coordinator']);
    expect((await loadActor(learner!.id))!.roles).toContain('coordinator');
    await updateAccount(admin, learner!.id, { roles: [] });
    expect((await loadActor(learner!.id))!.roles).toEqual(['learner']);
    const log = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityId, learner!.id), eq(auditLog.actorId, admin.id)));
    expect(log.map((l) => l.action)).toEqual(['user.role.grant', 'user.role.revoke']);

    const self = await patchAccount(await apiRequest(`/api/v1/admin/accounts/${admin.id}`, { method: 'PATCH', as: admin, body: { roles: [] } }), ctx(admin.id));
    expect(self.status).toBe(409);
    expect((await self.json()).detail).toMatch(/seul administrateur/);
    expect((await loadActor(admin.id))!.roles).toContain('admin');
    const bad = await patchAccount(await apiRequest(`/api/v1/admin/accounts/${learner!.id}`, { method: 'PATCH', as: admin, body: { roles: ['mediator'] } }), ctx(learner!.id));
    expect(bad.status).toBe(400);
  });

  it('disables an account: it cannot sign in and its sessions end; re-enabled, it can again', async () => {
    const admin = await demoActor('admin');
    const account = await createLearnerAccount({ name: 'Lucie Fabre', email: 'lucie.fabre@exemple.fr', password: 'mot-de-passe-lucie' });
    const signedIn = await verifyCredentials({ email: 'lucie.fabre@exemple.fr', password: 'mot-de-passe-lucie' });
    await updateAccount(admin, account.id, { disabled: true });
    expect(await verifyCredentials({ email: 'lucie.fabre@exemple.fr', password: 'mot-de-passe-lucie' })).toBeNull();
    expect(await loadActor(account.id, signedIn!.sessionVersion)).toBeNull();
    await updateAccount(admin, account.id, { disabled: false });
    const again = await verifyCredentials({ email: 'lucie.fabre@exemple.fr', password: 'mot-de-passe-lucie' });
    expect(await loadActor(account.id, again!.sessionVersion)).not.toBeNull();
    // The old session stays ended.
    expect(await loadActor(account.id, signedIn!.sessionVersion)).toBeNull();
    await expect(updateAccount(admin, admin.id, { disabled: true })).rejects.toThrow(/propre compte/);
  });

  it('merges two profiles of the same person, conflicts shown before, sign-ups and attendance moved', async () => {
    const admin = await demoActor('admin');
    const [keep, dup] = await makeLearners(2, { withEmail: false });
    const both = await makeSession({ capacity: 5, startsAt: new Date(Date.now() - 86400_000) });
    const onlyDup = await makeSession({ capacity: 5, startsAt: new Date(Date.now() + 86400_000) });
    await db.insert(enrollments).values([
      { sessionId: both, userId: keep!.id, status: 'confirmed' },
      { sessionId: both, userId: dup!.id, status: 'confirmed' },
      { sessionId: onlyDup, userId: dup!.id, status: 'confirmed' },
    ]);
    await db.insert(attendance).values({ sessionId: both, userId: dup!.id, status: 'present' });
    const preview = await previewMerge(admin, keep!.id, dup!.id);
    expect(preview.conflicts.map((c) => c.kind)).toEqual(['enrollment']);
    expect(preview.moves).toMatchObject({ enrollments: 2, attendance: 1 });
    await mergeProfiles(admin, keep!.id, dup!.id);
    const mine = await db.select({ sessionId: enrollments.sessionId }).from(enrollments).where(eq(enrollments.userId, keep!.id));
    expect(mine.map((m) => m.sessionId).sort()).toEqual([both, onlyDup].sort());
    expect(await db.select().from(attendance).where(eq(attendance.userId, keep!.id))).toHaveLength(1);
    expect(await db.select().from(users).where(eq(users.id, dup!.id))).toEqual([]);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.merge'), eq(auditLog.entityId, keep!.id)))).toHaveLength(1);
    const mediator = await demoActor('mediator');
    await expect(previewMerge(admin, keep!.id, mediator.id)).resolves.toMatchObject({ blocking: true });
    await expect(mergeProfiles(admin, keep!.id, mediator.id)).rejects.toThrow(/rôle/);
  });
});
