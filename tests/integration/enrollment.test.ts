import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, enrollments, outbox, sessions } from '@/db/schema';
import { demoActor } from '../helpers/actors';
import { db, seededTestDatabase } from '../helpers/db';
import { HOME, makeLearners, makeMediator, makeSession, messagesAbout, placeBySlug, ROANNE, signUpsOf } from '../helpers/enrollment-fixtures';
import { cancelEnrollment, cancelSessionEnrollments, enroll, enrollLocked, enrollmentPanel, fillFreeSeats, listMyEnrollments, lockSession, sessionCounts } from '@/lib/enrollment';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, UserError, ValidationError } from '@/lib/errors';

const NOW = new Date('2026-11-28T10:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const inDays = (days: number) => new Date(NOW.getTime() + days * 86400_000);

beforeAll(() => seededTestDatabase({ now: NOW }));

describe('signing up for a session', () => {
  it('confirms while seats are free, then puts people on the waiting list with their position', async () => {
    const sessionId = await makeSession({ capacity: 2, startsAt: inDays(7) });
    const [a, b, c, d] = await makeLearners(4);
    expect(await enroll(a!, sessionId, {}, later(1))).toEqual({ status: 'confirmed' });
    expect(await enroll(b!, sessionId, {}, later(2))).toEqual({ status: 'confirmed' });
    expect(await enroll(c!, sessionId, {}, later(3))).toEqual({ status: 'waitlisted', position: 1 });
    expect(await enroll(d!, sessionId, {}, later(4))).toEqual({ status: 'waitlisted', position: 2 });
    expect(await sessionCounts(sessionId)).toEqual({ capacity: 2, confirmedCount: 2, waitlistCount: 2, seatsLeft: 0 });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'enrollment.create'), eq(auditLog.actorId, c!.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ sessionId, status: 'waitlisted', source: 'self' });
  });

  it('says clearly that someone is already signed up, with their place in line', async () => {
    const sessionId = await makeSession({ capacity: 1, startsAt: inDays(7) });
    const [a, b] = await makeLearners(2);
    await enroll(a!, sessionId, {}, later(1));
    await enroll(b!, sessionId, {}, later(2));
    const twice = await enroll(a!, sessionId, {}, later(3)).catch((e) => e);
    expect(twice).toBeInstanceOf(ConflictError);
    expect(twice.status).toBe(409);
    expect(twice.message).toBe('Vous êtes déjà inscrit à cette séance.');
    await expect(enroll(b!, sessionId, {}, later(3))).rejects.toThrow('Vous êtes déjà sur la liste d’attente de cette séance (position 1).');
    expect(await signUpsOf(sessionId)).toHaveLength(2);
  });

  it('lets someone who cancelled sign up again, at the back of the line', async () => {
    const sessionId = await makeSession({ capacity: 1, startsAt: inDays(7) });
    const [a, b, c] = await makeLearners(3);
    await enroll(a!, sessionId, {}, later(1));
    await enroll(b!, sessionId, {}, later(2));
    await enroll(c!, sessionId, {}, later(3));
    await cancelEnrollment(b!, sessionId, {}, later(4));
    // Same instant as c's sign-up: still behind c.
    expect(await enroll(b!, sessionId, {}, later(3))).toEqual({ status: 'waitlisted', position: 2 });
    const rows = await signUpsOf(sessionId);
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.status === 'waitlisted').map((r) => r.userId)).toEqual([c!.id, b!.id]);
  });

  it('refuses a cancelled session, a session that has started, and a sign-up after the cut-off', async () => {
    const [a] = await makeLearners(1);
    const cancelled = await makeSession({ capacity: 5, startsAt: inDays(3), status: 'cancelled' });
    await expect(enroll(a!, cancelled, {}, NOW)).rejects.toThrow('Cette séance est annulée : on ne peut plus s’y inscrire.');
    const started = await makeSession({ capacity: 5, startsAt: later(-30) });
    await expect(enroll(a!, started, {}, NOW)).rejects.toThrow('Cette séance a déjà commencé ou est passée : on ne peut plus s’y inscrire.');
    // Starts tomorrow at 11:00 Paris, sign-up closes 24 hours before.
    const cutoff = await makeSession({ capacity: 5, startsAt: inDays(1), signupCutoffHours: 24 });
    const error = await enroll(a!, cutoff, {}, later(1)).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.status).toBe(409);
    expect(error.message).toBe('Les inscriptions à cette séance sont closes depuis samedi 28 novembre à 11 h.');
    expect(await enroll(a!, cutoff, {}, later(-1))).toEqual({ status: 'confirmed' });
    expect(await signUpsOf(cancelled)).toEqual([]);
    expect(await signUpsOf(started)).toEqual([]);
  });

  it('answers 404 for an unknown or malformed session, 401 for a visitor, 400 for a bad learner id', async () => {
    const [a] = await makeLearners(1);
    await expect(enroll(a!, '00000000-0000-4000-8000-000000000000', {}, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(enroll(a!, 'pas-un-identifiant', {}, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(3) });
    await expect(enroll(null, sessionId, {}, NOW)).rejects.toBeInstanceOf(UnauthenticatedError);
    const bad = await enroll(a!, sessionId, { learnerId: 'x' }, NOW).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.fieldErrors.learnerId).toBeDefined();
  });
});

describe('cancelling and the waiting list', () => {
  it('confirms the first person on the waiting list when a seat frees, and tells them', async () => {
    const sessionId = await makeSession({ capacity: 2, startsAt: inDays(7) });
    const [a, b, c, d] = await makeLearners(4);
    for (const [i, person] of [a, b, c, d].entries()) await enroll(person!, sessionId, {}, later(i));
    const result = await cancelEnrollment(a!, sessionId, {}, later(10));
    expect(result).toEqual({ status: 'cancelled', previousStatus: 'confirmed', promoted: 1 });
    const rows = await signUpsOf(sessionId);
    expect(Object.fromEntries(rows.map((r) => [r.userId, r.status]))).toEqual({ [a!.id]: 'cancelled', [b!.id]: 'confirmed', [c!.id]: 'confirmed', [d!.id]: 'waitlisted' });
    const promoted = (await messagesAbout(sessionId)).filter((m) => m.kind === 'promoted');
    expect(promoted.map((m) => m.recipientId)).toEqual([c!.id]);
    expect(promoted[0]!.subject).toMatch(/^Une place pour vous : /);
    const mine = await listMyEnrollments(d!, later(11));
    expect(mine.upcoming.find((e) => e.sessionId === sessionId)).toMatchObject({ status: 'waitlisted', position: 1 });
  });

  it('lets a person leave the waiting list; the people behind move up', async () => {
    const sessionId = await makeSession({ capacity: 1, startsAt: inDays(7) });
    const [a, b, c, d] = await makeLearners(4);
    for (const [i, person] of [a, b, c, d].entries()) await enroll(person!, sessionId, {}, later(i));
    expect(await cancelEnrollment(b!, sessionId, {}, later(10))).toEqual({ status: 'cancelled', previousStatus: 'waitlisted', promoted: 0 });
    expect((await enrollmentPanel(d!, sessionId, later(11)))!.mine).toEqual({ status: 'waitlisted', position: 2 });
    expect((await enrollmentPanel(c!, sessionId, later(11)))!.mine).toEqual({ status: 'waitlisted', position: 1 });
    expect((await signUpsOf(sessionId)).filter((r) => r.status === 'confirmed').map((r) => r.userId)).toEqual([a!.id]);
  });

  it('lets a learner cancel until the start, not after; a cancellation of nothing is 404', async () => {
    const sessionId = await makeSession({ capacity: 3, startsAt: later(60) });
    const [a, b] = await makeLearners(2);
    await enroll(a!, sessionId, {}, NOW);
    await expect(cancelEnrollment(a!, sessionId, {}, later(61))).rejects.toThrow('La séance a commencé : il n’est plus possible d’annuler. Prévenez le lieu si vous ne pouvez pas venir.');
    await expect(cancelEnrollment(b!, sessionId, {}, NOW)).rejects.toThrow('Vous n’êtes pas inscrit à cette séance.');
    expect((await cancelEnrollment(a!, sessionId, {}, later(59))).status).toBe('cancelled');
    await expect(cancelEnrollment(a!, sessionId, {}, later(59))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('gives seats added to a full session to the waiting line, oldest first', async () => {
    const sessionId = await makeSession({ capacity: 1, startsAt: inDays(7) });
    const people = await makeLearners(4);
    for (const [i, person] of people.entries()) await enroll(person, sessionId, {}, later(i));
    const promoted = await db.transaction(async (tx) => {
      await tx.update(sessions).set({ capacity: 3 }).where(eq(sessions.id, sessionId));
      return fillFreeSeats(tx, sessionId, null, later(10));
    });
    expect(promoted).toEqual([people[1]!.id, people[2]!.id]);
    expect(await sessionCounts(sessionId)).toMatchObject({ confirmedCount: 3, waitlistCount: 1 });
  });

  it('a cancelled session cancels its sign-ups and tells everyone, in the same transaction', async () => {
    const sessionId = await makeSession({ capacity: 1, startsAt: inDays(7) });
    const [a, b] = await makeLearners(2);
    await enroll(a!, sessionId, {}, later(1));
    await enroll(b!, sessionId, {}, later(2));
    const count = await db.transaction(async (tx) => {
      await tx.update(sessions).set({ status: 'cancelled' }).where(eq(sessions.id, sessionId));
      return cancelSessionEnrollments(tx, sessionId, null, later(5));
    });
    expect(count).toBe(2);
    expect((await signUpsOf(sessionId)).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    const told = (await messagesAbout(sessionId)).filter((m) => m.kind === 'session-cancelled');
    expect(told.map((m) => m.recipientId).sort()).toEqual([a!.id, b!.id].sort());
    expect((told[0]!.payload as { ics: string }).ics).toContain('STATUS:CANCELLED');
  });

  it('a sign-up rolled back with its transaction leaves no message in the outbox', async () => {
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const [a] = await makeLearners(1);
    const rollback = new Error('rolled back on purpose');
    await expect(
      db.transaction(async (tx) => {
        const session = await lockSession(tx, sessionId);
        await enrollLocked(tx, { actor: a!, session, learner: a!, now: NOW });
        expect(await tx.select().from(outbox).where(eq(outbox.sessionId, sessionId))).toHaveLength(1);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await messagesAbout(sessionId)).toEqual([]);
    expect(await signUpsOf(sessionId)).toEqual([]);
  });
});

describe('signing up someone else', () => {
  it('lets a mediator sign up and cancel a learner at their place, and the learner is told', async () => {
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7), signupCutoffHours: 48 });
    const [learner] = await makeLearners(1);
    // Someone the place knows (signed up there before): in the mediator's people scope.
    await enroll(learner!, await makeSession({ capacity: 5, startsAt: inDays(8) }));
    // The cut-off does not bind staff at the desk.
    expect(await enroll(mediator, sessionId, { learnerId: learner!.id }, inDays(6))).toEqual({ status: 'confirmed' });
    const [row] = await db.select().from(enrollments).where(eq(enrollments.sessionId, sessionId));
    expect(row).toMatchObject({ userId: learner!.id, source: 'staff', createdById: mediator.id });
    await expect(enroll(mediator, sessionId, { learnerId: learner!.id }, inDays(6))).rejects.toThrow('Cette personne est déjà inscrite à cette séance.');
    await cancelEnrollment(mediator, sessionId, { learnerId: learner!.id }, new Date(inDays(6).getTime() + 60_000));
    expect((await messagesAbout(sessionId)).map((m) => m.kind)).toEqual(['enrolled', 'cancelled-by-staff']);
  });

  it('refuses a learner signing up or cancelling someone else, and a mediator of another place', async () => {
    const [learner, other] = await makeLearners(2);
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    await enroll(other!, sessionId, {}, NOW);
    await expect(enroll(learner!, sessionId, { learnerId: other!.id }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelEnrollment(learner!, sessionId, { learnerId: other!.id }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    const roanneMediator = await makeMediator((await placeBySlug(ROANNE)).id);
    await expect(enroll(roanneMediator, sessionId, { learnerId: learner!.id }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelEnrollment(roanneMediator, sessionId, { learnerId: other!.id }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    // Signing oneself up by naming oneself is fine.
    expect(await enroll(learner!, sessionId, { learnerId: learner!.id }, NOW)).toEqual({ status: 'confirmed' });
    expect((await signUpsOf(sessionId)).filter((r) => r.status === 'confirmed')).toHaveLength(2);
  });

  it('lets a coordinator sign up anyone anywhere', async () => {
    const coordinator = await demoActor('coordinator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7), placeId: (await placeBySlug(ROANNE)).id });
    const [learner] = await makeLearners(1);
    expect(await enroll(coordinator, sessionId, { learnerId: learner!.id }, NOW)).toEqual({ status: 'confirmed' });
  });
});

describe('the enrollment panel', () => {
  it('shows seats left to a visitor, and their own status to a learner', async () => {
    const sessionId = await makeSession({ capacity: 2, startsAt: inDays(2), signupCutoffHours: 2 });
    const [a, b] = await makeLearners(2);
    await enroll(a!, sessionId, {}, NOW);
    expect(await enrollmentPanel(null, sessionId, NOW)).toMatchObject({ capacity: 2, confirmedCount: 1, seatsLeft: 1, mine: null, closed: null, canEnrollOthers: false });
    expect(await enrollmentPanel(a!, sessionId, NOW)).toMatchObject({ mine: { status: 'confirmed', position: null }, canCancel: true });
    expect(await enrollmentPanel(b!, sessionId, inDays(2))).toMatchObject({ closed: 'over' });
    expect((await enrollmentPanel(await demoActor('mediator'), sessionId, NOW))!.canEnrollOthers).toBe(true);
    expect(await enrollmentPanel(null, 'nope', NOW)).toBeNull();
    expect((await placeBySlug(HOME)).name).toBe('Au Comptoir Numérique');
  });
});
