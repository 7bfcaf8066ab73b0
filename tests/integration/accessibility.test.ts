import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityReports, auditLog, outbox } from '@/db/schema';
import { listAccessibilityReports, markAccessibilityReportHandled, reportAccessibilityBarrier } from '@/lib/accessibility';
import type { Actor } from '@/lib/auth/policy';
import { ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from '@/lib/errors';
import { demoActor } from '../helpers/actors';
import { db, seededTestDatabase } from '../helpers/db';

let coordinator: Actor;
let mediator: Actor;
let learner: Actor;

beforeAll(async () => {
  await seededTestDatabase();
  [coordinator, mediator, learner] = await Promise.all([demoActor('coordinator'), demoActor('mediator'), demoActor('learner')]);
});

describe('reporting an accessibility barrier', () => {
  it('stores the report of a visitor, and queues an e-mail to each coordinator in the same transaction', async () => {
    const { id } = await reportAccessibilityBarrier(null, { description: 'Le bouton « Menu » ne se lit pas avec mon lecteur d’écran.', pageUrl: '/ateliers', contact: '06 12 34 56 78', name: 'Josiane' }, { clientKey: 'visitor-1' });
    const [row] = await db.select().from(accessibilityReports).where(eq(accessibilityReports.id, id));
    expect(row).toMatchObject({ status: 'new', pageUrl: '/ateliers', contact: '06 12 34 56 78', name: 'Josiane', reporterId: null });
    const mails = await db.select().from(outbox).where(eq(outbox.kind, 'accessibility-report'));
    const mine = mails.filter((m) => m.dedupeKey?.includes(id));
    expect(mine.map((m) => m.toAddress)).toEqual(['coordination@comptoir.test']);
    expect(mine[0]!.body).toContain('Le bouton « Menu » ne se lit pas');
    expect(mine[0]!.body).toContain('06 12 34 56 78');
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toMatchObject({ action: 'accessibility.report', actorId: null });
  });

  it('keeps who reported when signed in; the optional fields may stay empty', async () => {
    const { id } = await reportAccessibilityBarrier(learner, { description: 'Le texte est trop petit sur mon téléphone.', pageUrl: '', contact: '' }, { clientKey: 'learner-1' });
    const [row] = await db.select().from(accessibilityReports).where(eq(accessibilityReports.id, id));
    expect(row).toMatchObject({ reporterId: learner.id, pageUrl: null, contact: null, name: null });
  });

  it('refuses an empty, too long or NUL-bearing description with a French message, and writes nothing', async () => {
    const before = (await db.select().from(accessibilityReports)).length;
    for (const description of ['   ', 'x'.repeat(2001), 'bonjour\u0000']) {
      await expect(reportAccessibilityBarrier(null, { description }, { clientKey: 'bad-input' })).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(reportAccessibilityBarrier(null, { description: 'ok', pageUrl: 'p'.repeat(501) }, { clientKey: 'bad-input' })).rejects.toThrow(ValidationError);
    await expect(reportAccessibilityBarrier(null, { description: '   ' }, { clientKey: 'bad-input' })).rejects.toMatchObject({ fieldErrors: { description: ['Décrivez le problème rencontré.'] } });
    expect((await db.select().from(accessibilityReports)).length).toBe(before);
  });

  it('slows down a robot: five reports an hour from one address', async () => {
    for (let i = 0; i < 5; i++) await reportAccessibilityBarrier(null, { description: `Essai ${i}` }, { clientKey: 'robot' });
    await expect(reportAccessibilityBarrier(null, { description: 'Encore un' }, { clientKey: 'robot' })).rejects.toBeInstanceOf(RateLimitedError);
    await expect(reportAccessibilityBarrier(null, { description: 'Quelqu’un d’autre' }, { clientKey: 'someone-else' })).resolves.toHaveProperty('id');
  });
});

describe('reading and handling reports', () => {
  it('shows the reports, newest first, to coordinators only', async () => {
    const { items, open } = await listAccessibilityReports(coordinator);
    expect(items.length).toBeGreaterThan(2);
    expect(open).toBe(items.filter((r) => r.status === 'new').length);
    const times = items.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await expect(listAccessibilityReports(mediator)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAccessibilityReports(learner)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAccessibilityReports(null)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('marks a report handled once, by a coordinator', async () => {
    const { items, open } = await listAccessibilityReports(coordinator);
    const target = items.find((r) => r.status === 'new')!;
    await expect(markAccessibilityReportHandled(mediator, target.id)).rejects.toBeInstanceOf(ForbiddenError);
    await markAccessibilityReportHandled(coordinator, target.id);
    await markAccessibilityReportHandled(coordinator, target.id);
    const after = await listAccessibilityReports(coordinator);
    expect(after.open).toBe(open - 1);
    expect(after.items.find((r) => r.id === target.id)).toMatchObject({ status: 'handled' });
    expect((await db.select().from(auditLog).where(eq(auditLog.entityId, target.id))).map((a) => a.action)).toEqual(['accessibility.report', 'accessibility.handle']);
    await expect(markAccessibilityReportHandled(coordinator, '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
    await expect(markAccessibilityReportHandled(coordinator, 'pas-un-id')).rejects.toBeInstanceOf(NotFoundError);
  });
});
