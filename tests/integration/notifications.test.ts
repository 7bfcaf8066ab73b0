import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox, sessions, workshops } from '@/db/schema';
import { cancelEnrollment, enroll, enrollLocked, lockSession } from '@/lib/enrollment';
import { ForbiddenError } from '@/lib/errors';
import { enqueueReminders, listOutbox } from '@/lib/notifications';
import { deliverPending, MAX_ATTEMPTS } from '@/lib/notifications/worker';
import { demoActor } from '../helpers/actors';
import { db, onPostgres, seededTestDatabase } from '../helpers/db';
import { makeLearners, makeMediator, makeSession, messagesAbout, placeBySlug, ROANNE } from '../helpers/enrollment-fixtures';
import { startSmtpServer } from '../helpers/smtp';

const NOW = new Date('2026-11-28T10:00:00Z'); // Saturday 11:00 in Saint-Étienne
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const inDays = (days: number) => new Date(NOW.getTime() + days * 86400_000);

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  await seededTestDatabase({ now: NOW });
  smtp = await startSmtpServer();
});
afterAll(() => smtp?.close());
// Each test starts with an empty queue.
beforeEach(async () => {
  await db.update(outbox).set({ status: 'sent' }).where(eq(outbox.status, 'pending'));
});

async function titleOf(sessionId: string) {
  const [row] = await db.select({ title: workshops.title }).from(sessions).innerJoin(workshops, eq(workshops.id, sessions.workshopId)).where(eq(sessions.id, sessionId));
  return row!.title;
}

function calendarOf(mail: { attachments: { filename?: string; contentType: string; content: Buffer }[] }) {
  const ics = mail.attachments.find((a) => a.filename === 'atelier.ics');
  expect(ics?.contentType).toBe('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
  return calendar.getFirstSubcomponent('vevent')!;
}

describe('e-mail notifications through a real SMTP server', () => {
  it('sends the sign-up confirmation to the learner, with the session in an .ics file', async () => {
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const [learner] = await makeLearners(1);
    await enroll(learner!, sessionId, {}, NOW);
    expect(await deliverPending({ now: NOW, transport: smtp.transport })).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [mail, ...others] = smtp.to(learner!.email!);
    expect(others).toEqual([]);
    expect(mail!.subject).toBe(`Inscription confirmée : ${await titleOf(sessionId)}`);
    expect(mail!.text).toContain(`Bonjour ${learner!.name},`);
    expect(mail!.text).toContain(`/seances/${sessionId}`);
    const event = calendarOf(mail!);
    expect(event.getFirstPropertyValue('uid')).toBe(`seance-${sessionId}@comptoir`);
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(inDays(7).toISOString());
    const [row] = await messagesAbout(sessionId);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, toAddress: learner!.email, sentAt: NOW });
  });

  it('tells the person promoted from the waiting list, and only them', async () => {
    const sessionId = await makeSession({ capacity: 1, startsAt: inDays(7) });
    const [first, second, third] = await makeLearners(3);
    await enroll(first!, sessionId, {}, later(1));
    await enroll(second!, sessionId, {}, later(2));
    await enroll(third!, sessionId, {}, later(3));
    await cancelEnrollment(first!, sessionId, {}, later(4));
    await deliverPending({ now: later(5), transport: smtp.transport });
    const title = await titleOf(sessionId);
    expect(smtp.to(second!.email!).map((m) => m.subject)).toEqual([`Liste d’attente : ${title}`, `Une place pour vous : ${title}`]);
    expect(smtp.to(second!.email!)[0]!.attachments).toEqual([]);
    expect(calendarOf(smtp.to(second!.email!)[1]!).getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(smtp.to(third!.email!).map((m) => m.subject)).toEqual([`Liste d’attente : ${title}`]);
    expect(smtp.to(third!.email!)[0]!.text).toContain('en position 2');
  });

  it('sends nothing to a person without e-mail, and keeps the message for staff to phone them', async () => {
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const [person] = await makeLearners(1, { withEmail: false, createdById: mediator.id });
    const before = smtp.received.length;
    await enroll(mediator, sessionId, { learnerId: person!.id }, NOW);
    expect(await deliverPending({ now: NOW, transport: smtp.transport })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received.length).toBe(before);
    expect(await messagesAbout(sessionId)).toMatchObject([{ recipientId: person!.id, status: 'skipped', toAddress: null, kind: 'enrolled' }]);
  });

  it('retries a message the mail server refused, later, and delivers it once', async () => {
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const [learner] = await makeLearners(1);
    await enroll(learner!, sessionId, {}, NOW);
    smtp.rejectNext(1);
    expect(await deliverPending({ now: NOW, transport: smtp.transport })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [waiting] = await messagesAbout(sessionId);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: later(1) });
    expect(waiting!.lastError).toMatch(/451/);
    // Not yet due: nothing is tried.
    expect(await deliverPending({ now: later(0.5), transport: smtp.transport })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliverPending({ now: later(1), transport: smtp.transport })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.to(learner!.email!)).toHaveLength(1);
    expect((await messagesAbout(sessionId))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('gives up after six refusals, waiting longer each time, and marks the message failed', async () => {
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const [learner] = await makeLearners(1);
    await enroll(learner!, sessionId, {}, NOW);
    smtp.rejectNext(MAX_ATTEMPTS);
    let at = NOW;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverPending({ now: at, transport: smtp.transport });
      const [row] = await messagesAbout(sessionId);
      waits.push((row!.nextAttemptAt.getTime() - at.getTime()) / 60_000);
      at = row!.nextAttemptAt;
    }
    expect(waits.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect((await messagesAbout(sessionId))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(smtp.to(learner!.email!)).toEqual([]);
    smtp.rejectNext(0);
  });

  it('sends nothing for a sign-up whose transaction rolled back', async () => {
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const [learner] = await makeLearners(1);
    await db
      .transaction(async (tx) => {
        await enrollLocked(tx, { actor: learner!, session: await lockSession(tx, sessionId), learner: learner!, now: NOW });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await deliverPending({ now: NOW, transport: smtp.transport });
    expect(smtp.to(learner!.email!)).toEqual([]);
    expect(await messagesAbout(sessionId)).toEqual([]);
  });

  it('reminds confirmed people the day before, once, however often the worker runs', async () => {
    // Tomorrow (Sunday 29 November) at 14:00 in Saint-Étienne.
    const startsAt = new Date('2026-11-29T13:00:00Z');
    const sessionId = await makeSession({ capacity: 2, startsAt });
    const [a, b, waiting] = await makeLearners(3);
    for (const person of [a, b, waiting]) await enroll(person!, sessionId, {}, inDays(-3));
    const early = new Date('2026-11-28T06:30:00Z'); // 7:30, too early to send reminders
    expect(await enqueueReminders(early)).toBe(0);
    expect(await enqueueReminders(NOW)).toBe(2);
    expect(await enqueueReminders(later(1))).toBe(0);
    expect(await enqueueReminders(later(60))).toBe(0);
    await deliverPending({ now: later(60), transport: smtp.transport });
    const title = await titleOf(sessionId);
    for (const person of [a, b]) {
      const reminders = smtp.to(person!.email!).filter((m) => m.subject?.startsWith('Rappel'));
      expect(reminders.map((m) => m.subject)).toEqual([`Rappel : ${title}, demain à 14 h`]);
      expect(calendarOf(reminders[0]!).getFirstPropertyValue('uid')).toBe(`seance-${sessionId}@comptoir`);
    }
    expect(smtp.to(waiting!.email!).filter((m) => m.subject?.startsWith('Rappel'))).toEqual([]);
  });

  it('shows staff the messages of their places only, with the phone of people without e-mail; learners see none', async () => {
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const [person] = await makeLearners(1, { withEmail: false, createdById: mediator.id });
    await enroll(mediator, sessionId, { learnerId: person!.id }, NOW);
    const mine = (await listOutbox(mediator)).items.filter((m) => m.recipientName === person!.name);
    expect(mine).toMatchObject([{ status: 'skipped', kind: 'enrolled', toAddress: null, phone: expect.stringMatching(/^06 99 /) }]);
    const roanne = await makeMediator((await placeBySlug(ROANNE)).id);
    expect((await listOutbox(roanne)).items.filter((m) => m.recipientName === person!.name)).toEqual([]);
    expect((await listOutbox(await demoActor('coordinator'))).items.some((m) => m.recipientName === person!.name)).toBe(true);
    const [learner] = await makeLearners(1);
    await expect(listOutbox(learner!)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it.skipIf(!onPostgres)('on PostgreSQL only (PGlite has a single connection, so no two workers can race there): two workers running at once send each message once', async () => {
    const sessionId = await makeSession({ capacity: 30, startsAt: inDays(7) });
    const crowd = await makeLearners(20);
    for (const person of crowd) await enroll(person, sessionId, {}, NOW);
    const before = smtp.received.length;
    const reports = await Promise.all([deliverPending({ now: NOW, transport: smtp.transport }), deliverPending({ now: NOW, transport: smtp.transport })]);
    expect(reports[0]!.sent + reports[1]!.sent).toBe(20);
    expect(smtp.received.length - before).toBe(20);
    const sent = await db.select().from(outbox).where(and(eq(outbox.sessionId, sessionId), eq(outbox.status, 'sent')));
    expect(sent).toHaveLength(20);
  });
});
