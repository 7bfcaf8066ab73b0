import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, enrollments, users } from '@/db/schema';
import { createLearnerAccount, verifyCredentials } from '@/lib/accounts';
import { enroll, listMyEnrollments } from '@/lib/enrollment';
import { ConflictError, ForbiddenError, RateLimitedError, ValidationError } from '@/lib/errors';
import { createAssistedLearner, issueClaimCode, searchKnownLearners } from '@/lib/learners';
import { listStaffSessions } from '@/lib/places';
import { loadActor } from '@/lib/accounts';
import { demoActor } from '../helpers/actors';
import { db, seededTestDatabase } from '../helpers/db';
import { makeLearners, makeMediator, makeSession, messagesAbout, placeBySlug, ROANNE, signUpsOf } from '../helpers/enrollment-fixtures';

const NOW = new Date('2026-11-28T10:00:00Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 86400_000);

beforeAll(() => seededTestDatabase({ now: NOW }));

async function userRow(id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

describe('signing up a person without e-mail at the desk', () => {
  it('creates a profile with just a name and a phone, records consent, and signs the person up', async () => {
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const result = await createAssistedLearner(mediator, { sessionId, name: ' Josiane Martin ', phone: '06 12 34 56 78', consent: 'on' }, NOW);
    expect(result).toMatchObject({ status: 'confirmed', name: 'Josiane Martin' });
    expect(result.claimCode).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const row = await userRow(result.learnerId);
    expect(row).toMatchObject({ email: null, passwordHash: null, phone: '+33612345678', consentAt: NOW, createdById: mediator.id, claimedAt: null });
    expect(row.claimCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.claimCodeHash).not.toContain(result.claimCode);
    expect(await signUpsOf(sessionId)).toMatchObject([{ userId: result.learnerId, status: 'confirmed' }]);
    const [signUp] = await db.select().from(enrollments).where(eq(enrollments.userId, result.learnerId));
    expect(signUp).toMatchObject({ source: 'staff', createdById: mediator.id });
    expect(await messagesAbout(sessionId)).toMatchObject([{ recipientId: result.learnerId, status: 'skipped' }]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, result.learnerId));
    expect(audit.map((a) => a.action)).toEqual(['learner.create-at-desk']);
  });

  it('puts the new person on the waiting list of a full session', async () => {
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 1, startsAt: inDays(7) });
    const [someone] = await makeLearners(1);
    await enroll(someone!, sessionId, {}, NOW);
    expect(await createAssistedLearner(mediator, { sessionId, name: 'Gérard Roche', phone: '0611223344', consent: 'on' }, NOW)).toMatchObject({ status: 'waitlisted', position: 1 });
  });

  it('needs the consent box, a valid phone and a name; nothing is stored otherwise', async () => {
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const error = await createAssistedLearner(mediator, { sessionId, name: 'A', phone: '12', consent: undefined }, NOW).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.consent[0]).toMatch(/^Cochez la case/);
    expect(error.fieldErrors.phone[0]).toBe('Ce numéro n’est pas valide. Exemple : 06 12 34 56 78');
    expect(error.fieldErrors.name[0]).toMatch(/2 lettres au moins/);
    expect(await signUpsOf(sessionId)).toEqual([]);
  });

  it('refuses a learner, and a mediator for a session of another place, leaving no profile behind', async () => {
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const [learner] = await makeLearners(1);
    const input = { sessionId, name: 'Paulette Vial', phone: '0699887766', consent: 'on' };
    await expect(createAssistedLearner(learner!, input, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    const roanne = await makeMediator((await placeBySlug(ROANNE)).id);
    await expect(createAssistedLearner(roanne, input, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.select().from(users).where(eq(users.phone, '+33699887766'))).toEqual([]);
  });

  it('refuses a closed session without creating the profile', async () => {
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(-1) });
    await expect(createAssistedLearner(mediator, { sessionId, name: 'Roger Faure', phone: '0633445566', consent: 'on' }, NOW)).rejects.toThrow(/déjà commencé/);
    expect(await db.select().from(users).where(eq(users.phone, '+33633445566'))).toEqual([]);
  });

  it('points to the existing person instead of creating the same profile twice', async () => {
    const mediator = await demoActor('mediator');
    const first = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const second = await makeSession({ capacity: 5, startsAt: inDays(8) });
    await createAssistedLearner(mediator, { sessionId: first, name: 'Lucienne Bret', phone: '0644556677', consent: 'on' }, NOW);
    await expect(createAssistedLearner(mediator, { sessionId: second, name: 'lucienne bret', phone: '06 44 55 66 77', consent: 'on' }, NOW)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('finding known learners at the desk', () => {
  it('finds people signed up at the mediator’s places by name (accents aside) or phone, with their contact', async () => {
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const created = await createAssistedLearner(mediator, { sessionId, name: 'Hélène Écuyer', phone: '07 11 22 33 44', consent: 'on' }, NOW);
    const byName = await searchKnownLearners(mediator, { q: 'helene ecu' }, { sessionId });
    expect(byName).toEqual([{ id: created.learnerId, name: 'Hélène Écuyer', phone: '07 11 22 33 44', email: null, claimable: true, statusInSession: 'confirmed' }]);
    expect((await searchKnownLearners(mediator, { q: '0711 22' })).map((l) => l.id)).toEqual([created.learnerId]);
    expect(await searchKnownLearners(mediator, { q: 'h' })).toEqual([]);
  });

  it('does not show a mediator the people known only at other places, nor let a learner search', async () => {
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    await createAssistedLearner(mediator, { sessionId, name: 'Marcel Plantier', phone: '0655443322', consent: 'on' }, NOW);
    const roanneMediator = await makeMediator((await placeBySlug(ROANNE)).id);
    expect(await searchKnownLearners(roanneMediator, { q: 'Plantier' })).toEqual([]);
    const [learner] = await makeLearners(1);
    await expect(searchKnownLearners(learner!, { q: 'Plantier' })).rejects.toBeInstanceOf(ForbiddenError);
    // Once Marcel signs up at Roanne, its mediator knows him and may see his phone.
    const coordinator = await demoActor('coordinator');
    const [found] = await searchKnownLearners(coordinator, { q: 'Plantier' });
    const roanneSession = await makeSession({ capacity: 5, startsAt: inDays(7), placeId: (await placeBySlug(ROANNE)).id });
    await enroll(coordinator, roanneSession, { learnerId: found!.id }, NOW);
    expect(await searchKnownLearners(roanneMediator, { q: 'Plantier' })).toMatchObject([{ name: 'Marcel Plantier', phone: '06 55 44 33 22' }]);
  });

  it('lists the upcoming sessions of the mediator’s places only', async () => {
    const mediator = await demoActor('mediator');
    const list = await listStaffSessions(mediator, { now: NOW, purpose: 'desk' });
    expect(list.length).toBeGreaterThan(0);
    const home = await placeBySlug('au-comptoir-numerique-saint-etienne');
    expect(new Set(list.map((s) => s.placeName))).toEqual(new Set([home.name]));
    expect(list.every((s) => s.startsAt > NOW)).toBe(true);
  });
});

describe('claiming a desk profile when creating an account', () => {
  it('turns the profile into the person’s account, keeping their sign-ups; the code works once', async () => {
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const created = await createAssistedLearner(mediator, { sessionId, name: 'Odette Perrin', phone: '0612121212', consent: 'on' }, NOW);
    const account = await createLearnerAccount(
      { name: 'Odette Perrin', email: 'odette.perrin@exemple.fr', password: 'un-mot-de-passe', claimPhone: '06.12.12.12.12', claimCode: created.claimCode.toLowerCase().replace('-', ' ') },
      'test-claim',
      NOW,
    );
    expect(account.id).toBe(created.learnerId);
    expect(await userRow(account.id)).toMatchObject({ email: 'odette.perrin@exemple.fr', claimedAt: NOW, claimCodeHash: null, consentAt: NOW });
    expect(await verifyCredentials({ email: 'odette.perrin@exemple.fr', password: 'un-mot-de-passe' })).toMatchObject({ id: created.learnerId });
    const mine = await listMyEnrollments(await loadActor(account.id), NOW);
    expect(mine.upcoming.map((e) => e.sessionId)).toEqual([sessionId]);
    const again = await createLearnerAccount({ name: 'Quelqu’un', email: 'autre@exemple.fr', password: 'un-mot-de-passe', claimPhone: '0612121212', claimCode: created.claimCode }, 'test-claim', NOW).catch((e) => e);
    expect(again).toBeInstanceOf(ValidationError);
    expect(again.fieldErrors.claimCode[0]).toMatch(/ne correspond pas/);
    expect(await db.select().from(users).where(eq(users.email, 'autre@exemple.fr'))).toEqual([]);
  });

  it('refuses a wrong code, a code given with another phone, an expired code, and a replaced code', async () => {
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const created = await createAssistedLearner(mediator, { sessionId, name: 'Fernand Giraud', phone: '0623232323', consent: 'on' }, NOW);
    const attempt = (claimPhone: string, claimCode: string, now = NOW) =>
      createLearnerAccount({ name: 'Fernand Giraud', email: `fernand.${Math.random()}@exemple.fr`, password: 'un-mot-de-passe', claimPhone, claimCode }, `ip-${Math.random()}`, now);
    await expect(attempt('0623232323', 'AAAA-AAAA')).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt('0623232324', created.claimCode)).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt('0623232323', created.claimCode, inDays(91))).rejects.toBeInstanceOf(ValidationError);
    const fresh = await issueClaimCode(mediator, created.learnerId, NOW);
    expect(fresh.claimCode).not.toBe(created.claimCode);
    await expect(attempt('0623232323', created.claimCode)).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt('0623232323', 'BBBB-BBBB')).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt('0623232323', 'CCCC-CCCC')).rejects.toBeInstanceOf(ValidationError);
    // Five tries an hour per phone number: the sixth is throttled, even with the right code.
    await expect(attempt('0623232323', fresh.claimCode)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('asks for both the phone and the code, and gives no code for a person who has an account', async () => {
    const error = await createLearnerAccount({ name: 'Léon Blanc', email: 'leon@exemple.fr', password: 'un-mot-de-passe', claimCode: 'ABCD-EFGH', claimPhone: '' }).catch((e) => e);
    expect(error.fieldErrors.claimPhone[0]).toBe('Indiquez le numéro de téléphone donné au médiateur.');
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const [withAccount] = await makeLearners(1);
    await enroll(withAccount!, await makeSession({ capacity: 5, startsAt: inDays(8) }), {}, NOW);
    await enroll(mediator, sessionId, { learnerId: withAccount!.id }, NOW);
    await expect(issueClaimCode(mediator, withAccount!.id, NOW)).rejects.toThrow(/déjà son propre compte/);
  });
});
