import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attendance, auditLog, outbox, users } from '@/db/schema';
import { verifyCredentials } from '@/lib/accounts';
import { hashPassword } from '@/lib/auth/password';
import { runRetention } from '@/lib/privacy/retention';
import { db, seededTestDatabase } from '../helpers/db';
import { makeSession } from '../helpers/enrollment-fixtures';

const DAY = 86400_000;
const YEARS = (n: number) => n * 365.25 * DAY;

describe('retention job', () => {
  const now = new Date();
  let oldWithEmail: string;
  let oldDesk: string;
  let oldButCame: string;
  let oldButSignedIn: string;

  beforeAll(async () => {
    await seededTestDatabase();
    const longAgo = new Date(now.getTime() - YEARS(4));
    const rows = await db
      .insert(users)
      .values([
        { name: 'Ancien Avec Mail', email: 'ancien@exemple.fr', passwordHash: await hashPassword('mot-de-passe-ancien'), createdAt: longAgo, lastActiveAt: longAgo },
        { name: 'Ancien Guichet', phone: '+33688000001', createdAt: longAgo },
        { name: 'Ancien Venu', phone: '+33688000002', createdAt: longAgo },
        { name: 'Ancien Revenu', email: 'revenu@exemple.fr', passwordHash: await hashPassword('mot-de-passe-revenu'), createdAt: longAgo, lastActiveAt: longAgo },
      ])
      .returning({ id: users.id });
    [oldWithEmail, oldDesk, oldButCame, oldButSignedIn] = rows.map((r) => r.id) as [string, string, string, string];
    // Came to a session a year ago: still a person we serve.
    const session = await makeSession({ capacity: 5, startsAt: new Date(now.getTime() - 365 * DAY) });
    await db.insert(attendance).values({ sessionId: session, userId: oldButCame, status: 'present', markedAt: new Date(now.getTime() - 365 * DAY) });
  });

  it('warns exactly the people inactive for three years, once, by e-mail when they have one', async () => {
    expect(await runRetention({ now })).toEqual({ warned: 3, erased: 0 });
    const warned = await db.select({ id: users.id }).from(users).where(inArray(users.id, [oldWithEmail, oldDesk, oldButCame, oldButSignedIn]));
    const flagged = await db.select({ id: users.id, at: users.retentionWarnedAt }).from(users).where(inArray(users.id, warned.map((w) => w.id)));
    expect(flagged.filter((f) => f.at).map((f) => f.id).sort()).toEqual([oldWithEmail, oldDesk, oldButSignedIn].sort());
    const mails = await db.select({ to: outbox.toAddress }).from(outbox).where(eq(outbox.kind, 'retention-warning'));
    expect(mails.map((m) => m.to).sort()).toEqual(['ancien@exemple.fr', 'revenu@exemple.fr']);
    // Second run: nothing new.
    expect(await runRetention({ now })).toEqual({ warned: 0, erased: 0 });
  });

  it('erases after the grace period those still inactive, then changes nothing on a second run', async () => {
    // One warned person signs in: they stay.
    expect(await verifyCredentials({ email: 'revenu@exemple.fr', password: 'mot-de-passe-revenu' })).not.toBeNull();
    const later = new Date(now.getTime() + 31 * DAY);
    expect(await runRetention({ now: later })).toEqual({ warned: 0, erased: 2 });
    const rows = await db.select({ id: users.id, name: users.name, erasedAt: users.erasedAt }).from(users).where(inArray(users.id, [oldWithEmail, oldDesk, oldButCame, oldButSignedIn]));
    const erased = rows.filter((r) => r.erasedAt).map((r) => r.id).sort();
    expect(erased).toEqual([oldWithEmail, oldDesk].sort());
    expect(rows.find((r) => r.id === oldButSignedIn)?.name).toBe('Ancien Revenu');
    expect(await db.select().from(auditLog).where(inArray(auditLog.action, ['privacy.erase']))).toHaveLength(2);
    expect(await runRetention({ now: later })).toEqual({ warned: 0, erased: 0 });
  });

  it('works through a backlog in batches', async () => {
    const longAgo = new Date(now.getTime() - YEARS(5));
    await db.insert(users).values(Array.from({ length: 5 }, (_, i) => ({ name: `Lot ${i}`, createdAt: longAgo })));
    expect(await runRetention({ now, batchSize: 2 })).toEqual({ warned: 2, erased: 0 });
    expect(await runRetention({ now, batchSize: 2 })).toEqual({ warned: 2, erased: 0 });
    expect(await runRetention({ now, batchSize: 2 })).toEqual({ warned: 1, erased: 0 });
    expect(await runRetention({ now, batchSize: 2 })).toEqual({ warned: 0, erased: 0 });
  });
});
