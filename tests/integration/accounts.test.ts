import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/accounts/route';
import { auditLog, users } from '@/db/schema';
import { createLearnerAccount, verifyCredentials } from '@/lib/accounts';
import { ConflictError, RateLimitedError, ValidationError } from '@/lib/errors';
import { db, migrateTestDatabase } from '../helpers/db';

async function userCount() {
  const [row] = await db.select({ n: count() }).from(users);
  return row!.n;
}

function post(body: unknown) {
  return POST(new Request('http://localhost/api/v1/accounts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), {});
}

describe('learner accounts', () => {
  beforeAll(migrateTestDatabase);

  it('creates a learner account with a lower-cased e-mail and an argon2id hash, and audit-logs it', async () => {
    const account = await createLearnerAccount({ name: '  Marie Dupont ', email: 'Marie.Dupont@Exemple.fr', password: 'un-mot-de-passe' });
    expect(account).toEqual({ id: expect.any(String), name: 'Marie Dupont', email: 'marie.dupont@exemple.fr' });
    const [row] = await db.select().from(users).where(eq(users.id, account.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, account.id));
    expect(audit.map((a) => a.action)).toEqual(['account.create']);
  });

  it('refuses bad input with a French message per field and stores nothing', async () => {
    const before = await userCount();
    const error = await createLearnerAccount({ name: '', email: 'pas-une-adresse', password: 'court' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.email[0]).toMatch(/adresse e-mail n’est pas valide/);
    expect(error.fieldErrors.password[0]).toMatch(/au moins 10 caractères/);
    expect(error.fieldErrors.name[0]).toMatch(/prénom et votre nom/);
    expect(await userCount()).toBe(before);
  });

  it('refuses an e-mail that is already taken, whatever its case', async () => {
    await createLearnerAccount({ name: 'Jean Roux', email: 'jean.roux@exemple.fr', password: 'un-mot-de-passe' });
    const before = await userCount();
    await expect(createLearnerAccount({ name: 'Jean Roux', email: 'JEAN.ROUX@exemple.fr', password: 'un-mot-de-passe' })).rejects.toBeInstanceOf(ConflictError);
    expect(await userCount()).toBe(before);
  });

  it('creates exactly one account when the same e-mail is sent twice at once', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => createLearnerAccount({ name: 'Léa Morel', email: 'lea.morel@exemple.fr', password: 'un-mot-de-passe' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
  });

  it('signs in with the right password only, and gives the same answer for an unknown e-mail', async () => {
    await createLearnerAccount({ name: 'Paul Faure', email: 'paul.faure@exemple.fr', password: 'le-bon-mot-de-passe' });
    const ok = await verifyCredentials({ email: 'Paul.Faure@exemple.fr', password: 'le-bon-mot-de-passe' });
    expect(ok).toMatchObject({ email: 'paul.faure@exemple.fr', roles: ['learner'] });
    expect(await verifyCredentials({ email: 'paul.faure@exemple.fr', password: 'mauvais-mot-de-passe' })).toBeNull();
    expect(await verifyCredentials({ email: 'inconnu@exemple.fr', password: 'le-bon-mot-de-passe' })).toBeNull();
  });

  it('never locks out someone who signs in successfully many times', async () => {
    await createLearnerAccount({ name: 'Rémi Robin', email: 'remi@exemple.fr', password: 'le-bon-mot-de-passe' });
    for (let i = 0; i < 15; i++) expect(await verifyCredentials({ email: 'remi@exemple.fr', password: 'le-bon-mot-de-passe' })).not.toBeNull();
  });

  it('blocks an e-mail after ten failed sign-ins in a quarter of an hour', async () => {
    for (let i = 0; i < 10; i++) expect(await verifyCredentials({ email: 'cible@exemple.fr', password: `essai-${i}` })).toBeNull();
    await expect(verifyCredentials({ email: 'cible@exemple.fr', password: 'essai' })).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe('POST /api/v1/accounts', () => {
  beforeAll(migrateTestDatabase);

  it('answers 201 with the account and no password hash', async () => {
    const response = await post({ name: 'Sophie Lambert', email: 'sophie@exemple.fr', password: 'un-mot-de-passe' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ id: expect.any(String), name: 'Sophie Lambert', email: 'sophie@exemple.fr' });
  });

  it('answers 409 problem+json when the e-mail is taken', async () => {
    await post({ name: 'Hugo Masson', email: 'hugo@exemple.fr', password: 'un-mot-de-passe' });
    const response = await post({ name: 'Hugo Masson', email: 'hugo@exemple.fr', password: 'un-mot-de-passe' });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toMatch(/existe déjà/);
  });

  it('answers 400 problem+json listing the fields for invalid input, and for a body that is not JSON', async () => {
    const response = await post({ email: 'x' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.errors).sort()).toEqual(['email', 'name', 'password']);
    const notJson = await POST(new Request('http://localhost/api/v1/accounts', { method: 'POST', body: '{oops' }), {});
    expect(notJson.status).toBe(400);
  });
});
