// npm run worker [-- --once]: the notification worker. Every 30 seconds it queues the reminders of
// tomorrow's sessions and sends the pending messages of the outbox through SMTP_URL (with retries
// and backoff). Several workers may run at once: each message is claimed with FOR UPDATE SKIP
// LOCKED. Without SMTP_URL nothing is sent; messages stay readable at /mediation/messages.
import { parseArgs } from 'node:util';
import { closeDb } from '@/db';
import { log } from '@/lib/log';
import { processOutbox, smtpTransport } from '@/lib/notifications/worker';

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
  do {
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
