import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postAccount } from '@/app/api/v1/accounts/route';
import { POST as postReset } from '@/app/api/v1/password-resets/route';
import { GET as getExport } from '@/app/api/v1/me/export/route';
import { enrollments, outbox, passwordResets, users } from '@/db/schema';
import { createLearnerAccount, loadActor, verifyCredentials } from '@/lib/accounts';
import { issueDeskResetCode, requestPasswordReset, resetLinkIsValid, resetPasswordWithCode, resetPasswordWithLink } from '@/lib/accounts/password-reset';
import { ConflictError, RateLimitedError, ValidationError } from '@/lib/errors';
import { deliverPending } from '@/lib/notifications/worker';
import { demoActor } from '../helpers/actors';
import { apiRequest } from '../helpers/auth';
import { db, seededTestDatabase } from '../helpers/db';
import { makeLearners, makeMediator, makeSession, placeBySlug, ROANNE } from '../helpers/enrollment-fixtures';
import { startSmtpServer } from '../helpers/smtp';

const json = (body: unknown, ip = '10.0.0.1') =>
  new Request('http://localhost/api/v1/x', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify(body) });

async function linkFrom(address: string, smtp: Awaited<ReturnType<typeof startSmtpServer>>): Promise<string> {
  await deliverPending({ transport: smtp.transport });
  const mail = smtp.to(address).at(-1);
  const match = /\/mot-de-passe-oublie\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
  if (!match) throw new Error('no reset link in the e-mail');
  return match[1]!;
}

describe('lost password and accounts without e-mail', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    await seededTestDatabase();
    smtp = await startSmtpServer();
    return () => smtp.close();
  });

  it('answers 202 the same way for a known and an unknown address, and e-mails a one-time link to the known one only', async () => {
    const account = await createLearnerAccount({ name: 'Rose Vial', email: 'rose.vial@exemple.fr', password: 'ancien-mot-de-passe' });
    const known = await postReset(json({ email: 'Rose.Vial@exemple.fr' }, '10.0.0.2'), {});
    const unknown = await postReset(json({ email: 'personne@exemple.fr' }, '10.0.0.2'), {});
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.json()).toEqual(await unknown.json());
    const token = await linkFrom('rose.vial@exemple.fr', smtp);
    expect(smtp.to('personne@exemple.fr')).toEqual([]);
    // Only a hash is kept; once sent, the link leaves the outbox too.
    const [reset] = await db.select().from(passwordResets).where(eq(passwordResets.userId, account.id));
    expect(reset!.tokenHash).not.toContain(token);
    const [mail] = await db.select().from(outbox).where(and(eq(outbox.recipientId, account.id), eq(outbox.kind, 'password-reset')));
    expect(mail!.body).not.toContain(token);

    expect(await resetLinkIsValid(token)).toBe(true);
    await resetPasswordWithLink({ token, password: 'nouveau-mot-de-passe' });
    expect(await verifyCredentials({ email: 'rose.vial@exemple.fr', password: 'nouveau-mot-de-passe' })).toMatchObject({ id: account.id });
    expect(await verifyCredentials({ email: 'rose.vial@exemple.fr', password: 'ancien-mot-de-passe' })).toBeNull();
    // Single use.
    await expect(resetPasswordWithLink({ token, password: 'encore-un-autre-mot' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses a link after one hour', async () => {
    await createLearnerAccount({ name: 'Hugo Brun', email: 'hugo.brun@exemple.fr', password: 'ancien-mot-de-passe' });
    const then = new Date(Date.now() - 61 * 60_000);
    await requestPasswordReset({ email: 'hugo.brun@exemple.fr' }, '10.0.0.3', then);
    const token = await linkFrom('hugo.brun@exemple.fr', smtp);
    expect(await resetLinkIsValid(token)).toBe(false);
    await expect(resetPasswordWithLink({ token, password: 'nouveau-mot-de-passe' })).rejects.toThrow(/plus d’une heure/);
  });

  it('throttles requests for one address', async () => {
    await createLearnerAccount({ name: 'Inès Gay', email: 'ines.gay@exemple.fr', password: 'ancien-mot-de-passe' });
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: 'ines.gay@exemple.fr' }, `10.0.1.${i}`);
    await expect(requestPasswordReset({ email: 'ines.gay@exemple.fr' }, '10.0.1.9')).rejects.toBeInstanceOf(RateLimitedError);
    const response = await postReset(json({ email: 'ines.gay@exemple.fr' }, '10.0.1.10'), {});
    expect(response.status).toBe(429);
  });

  it('ends the other sessions of the account when the password changes', async () => {
    const account = await createLearnerAccount({ name: 'Noé Perrin', email: 'noe.perrin@exemple.fr', password: 'ancien-mot-de-passe' });
    const signedIn = await verifyCredentials({ email: 'noe.perrin@exemple.fr', password: 'ancien-mot-de-passe' });
    const before = await getExport(await apiRequest('/api/v1/me/export', { as: { id: account.id } }), {});
    expect(before.status).toBe(200);
    await requestPasswordReset({ email: 'noe.perrin@exemple.fr' }, '10.0.0.4');
    await resetPasswordWithLink({ token: await linkFrom('noe.perrin@exemple.fr', smtp), password: 'nouveau-mot-de-passe' });
    expect(await loadActor(account.id, signedIn!.sessionVersion)).toBeNull();
    const after = await getExport(await apiRequest('/api/v1/me/export', { as: { id: account.id } }), {});
    expect(after.status).toBe(401);
    const again = await verifyCredentials({ email: 'noe.perrin@exemple.fr', password: 'nouveau-mot-de-passe' });
    expect(await loadActor(account.id, again!.sessionVersion)).not.toBeNull();
  });

  it('creates an account with a phone number and no e-mail, signs in with the number, and sends it nothing', async () => {
    const response = await postAccount(json({ name: 'Yvette Roche', phone: '06 55 44 33 22', password: 'mot-de-passe-yvette' }, '10.0.2.1'), {});
    expect(response.status).toBe(201);
    const account = await response.json();
    expect(account).toMatchObject({ name: 'Yvette Roche', email: null, phone: '06 55 44 33 22' });
    expect(await verifyCredentials({ email: '+33 6 55 44 33 22', password: 'mot-de-passe-yvette' })).toMatchObject({ id: account.id, email: null });
    expect(await verifyCredentials({ email: '0655443322', password: 'pas-le-bon' })).toBeNull();
    await expect(createLearnerAccount({ name: 'Autre Personne', phone: '0655443322', password: 'mot-de-passe-autre' })).rejects.toBeInstanceOf(ConflictError);
    const [row] = await db.select({ consentAt: users.consentAt, consentVersion: users.consentVersion }).from(users).where(eq(users.id, account.id));
    expect(row).toEqual({ consentAt: expect.any(Date), consentVersion: expect.any(String) });

    const session = await makeSession({ capacity: 5, startsAt: new Date(Date.now() + 5 * 86400_000) });
    const { enroll } = await import('@/lib/enrollment');
    await enroll(await loadActor(account.id), session);
    const [message] = await db.select().from(outbox).where(eq(outbox.recipientId, account.id));
    expect(message).toMatchObject({ status: 'skipped', toAddress: null });
    expect(await db.select().from(enrollments).where(eq(enrollments.userId, account.id))).toHaveLength(1);
  });

  it('refuses an account with neither e-mail nor phone, or a bad number', async () => {
    await expect(createLearnerAccount({ name: 'Sans Rien', password: 'mot-de-passe-long' })).rejects.toMatchObject({ fieldErrors: { email: [expect.stringMatching(/e-mail, ou à défaut/)] } });
    await expect(createLearnerAccount({ name: 'Mauvais Numéro', phone: '12', password: 'mot-de-passe-long' })).rejects.toMatchObject({ fieldErrors: { phone: [expect.stringMatching(/pas valide/)] } });
  });

  it('gives a desk reset code to a person known at the mediator’s place, usable once with their phone', async () => {
    const mediator = await demoActor('mediator');
    const [person] = await makeLearners(1, { withEmail: false });
    const [phone] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, person!.id));
    await expect(issueDeskResetCode(mediator, person!.id)).rejects.toThrow(/pas connue/);
    const past = await makeSession({ capacity: 5, startsAt: new Date(Date.now() - 3 * 86400_000) });
    await db.insert(enrollments).values({ sessionId: past, userId: person!.id, status: 'confirmed' });
    const elsewhere = await makeMediator((await placeBySlug(ROANNE)).id);
    await expect(issueDeskResetCode(elsewhere, person!.id)).rejects.toThrow(/pas connue/);

    const { code } = await issueDeskResetCode(mediator, person!.id);
    await expect(resetPasswordWithCode({ phone: phone!.phone!, code: 'AAAA-BBBB', password: 'mot-de-passe-guichet' })).rejects.toBeInstanceOf(ValidationError);
    await resetPasswordWithCode({ phone: phone!.phone!, code: code.toLowerCase(), password: 'mot-de-passe-guichet' });
    await expect(resetPasswordWithCode({ phone: phone!.phone!, code, password: 'mot-de-passe-encore' })).rejects.toBeInstanceOf(ValidationError);
    // A desk profile with its new password signs in with its phone number.
    expect(await verifyCredentials({ email: phone!.phone!, password: 'mot-de-passe-guichet' })).toMatchObject({ id: person!.id });
  });
});
