import 'server-only';
import { and, asc, eq, lte } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { db, type Database } from '@/db';
import { outbox } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { env } from '@/lib/env';
import { errorSummary, log } from '@/lib/log';
import { enqueueReminders } from './index';

// Sends the outbox. Each message is claimed with FOR UPDATE SKIP LOCKED inside its own short
// transaction, so several workers (or app instances) never send the same message twice at once,
// and a crash mid-send leaves the message pending for the next run (at-least-once delivery).

export type MailTransport = {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    attachments?: { filename: string; content: string; contentType: string }[];
  }): Promise<unknown>;
};

export const MAX_ATTEMPTS = 6;

// 1, 2, 4, 8, 16 minutes between attempts; the sixth failure marks the message failed.
export function backoffMs(attempts: number): number {
  return Math.min(2 ** (attempts - 1), 60) * 60_000;
}

export type DeliveryReport = { sent: number; retried: number; failed: number };

export async function deliverPending({
  now = new Date(),
  transport,
  batchSize = 50,
  database = db,
}: {
  now?: Date;
  transport: MailTransport;
  batchSize?: number;
  database?: Database;
}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const from = env().MAIL_FROM;
  for (let i = 0; i < batchSize; i++) {
    const outcome = await database.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!message) return null;
      const ics = (message.payload as { ics?: string } | null)?.ics;
      try {
        if (!message.toAddress) throw new Error('no e-mail address');
        await transport.sendMail({
          from,
          to: message.toAddress,
          subject: message.subject,
          text: message.body,
          attachments: ics ? [{ filename: 'atelier.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : undefined,
        });
        await tx
          .update(outbox)
          .set({ status: 'sent', sentAt: now, attempts: message.attempts + 1, lastError: null })
          .where(eq(outbox.id, message.id));
        return 'sent' as const;
      } catch (error) {
        const attempts = message.attempts + 1;
        const failed = attempts >= MAX_ATTEMPTS;
        const lastError = error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500);
        log.warn({ outboxId: message.id, attempts, err: errorSummary(lastError) }, failed ? 'notification failed for good' : 'notification send failed, will retry');
        await tx
          .update(outbox)
          .set({ status: failed ? 'failed' : 'pending', attempts, lastError, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) })
          .where(eq(outbox.id, message.id));
        return failed ? ('failed' as const) : ('retried' as const);
      }
    });
    if (!outcome) break;
    report[outcome]++;
  }
  return report;
}

// The SMTP transport named by SMTP_URL, or null when none is configured (development).
export function smtpTransport(): MailTransport | null {
  const url = env().SMTP_URL;
  return url ? (nodemailer.createTransport(url) as MailTransport) : null;
}

// One pass of the worker: queue the due reminders, then send what is pending.
export async function processOutbox(now = new Date(), transport = smtpTransport()): Promise<{ reminders: number } & DeliveryReport> {
  const reminders = await enqueueReminders(now);
  if (!transport) return { reminders, sent: 0, retried: 0, failed: 0 };
  return { reminders, ...(await deliverPending({ now, transport })) };
}

// The staff-only "send now" button of /mediation/messages.
// The whole network's outbox is sent: network staff (coordination) only, not any mediator.
export async function runOutboxNow(actor: Actor | null, now = new Date()) {
  assertCan(actor, 'coordination:view');
  return processOutbox(now);
}
