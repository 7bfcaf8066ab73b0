// npm run worker [-- --once]: the notification worker. Every 30 seconds it queues the reminders of
// tomorrow's sessions and sends the pending messages of the outbox through SMTP_URL (with retries
// and backoff). Several workers may run at once: each message is claimed with FOR UPDATE SKIP
// LOCKED. Without SMTP_URL nothing is sent; messages stay readable at /mediation/messages.
// Once an hour it also runs the retention job (lib/privacy/retention: warn the people inactive
// for RETENTION_YEARS, erase them RETENTION_GRACE_DAYS later).
import { parseArgs } from 'node:util';
import { closeDb } from '@/db';
import { log } from '@/lib/log';
import { processOutbox, smtpTransport } from '@/lib/notifications/worker';
import { runRetention } from '@/lib/privacy/retention';

const { values } = parseArgs({ options: { once: { type: 'boolean', default: false }, interval: { type: 'string', default: '30' } } });
const intervalMs = Math.max(5, Number(values.interval) || 30) * 1000;

let stopping = false;
let wake: (() => void) | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
    wake?.();
  });
}

async function main() {
  const transport = smtpTransport();
  if (!transport) log.warn('SMTP_URL is not set: reminders are queued but nothing is sent (see /mediation/messages)');
  let retentionAt = 0;
  do {
    if (Date.now() - retentionAt >= 3600_000) {
      retentionAt = Date.now();
      try {
        const retention = await runRetention();
        log.info(retention, 'retention job pass');
      } catch (error) {
        log.error({ err: error }, 'retention job failed');
      }
    }
    try {
      const report = await processOutbox(new Date(), transport);
      if (report.reminders || report.sent || report.retried || report.failed) log.info(report, 'notification worker pass');
    } catch (error) {
      log.error({ err: error }, 'notification worker pass failed');
    }
    if (values.once || stopping) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, intervalMs);
    });
  } while (!stopping);
}

main()
  .catch((error) => {
    log.error({ err: error }, 'notification worker crashed');
    process.exitCode = 1;
  })
  .finally(() => closeDb());
