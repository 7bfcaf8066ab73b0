import 'server-only';
import { and, asc, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { db, type Database } from '@/db';
import { attendance, enrollments, outbox, sessions, userRoles, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { env } from '@/lib/env';
import { publicOrigin } from '@/lib/http/origin';
import { log } from '@/lib/log';
import { recordErasure } from './erasure-log';
import { erasePerson } from './index';

// Retention (CNIL: up to 3 years after the last contact). People with no sign-in, sign-up or
// attendance for RETENTION_YEARS are warned (by e-mail, or on the desk's list when they have
// none); RETENTION_GRACE_DAYS later, if still inactive, their data is erased as on request.
// Staff accounts are left to the admin. Run by `npm run worker`; idempotent and batch-limited.

export type RetentionReport = { warned: number; erased: number };

// The person's last sign of life.
const lastActivity = sql`greatest(
  ${users.createdAt}, ${users.lastActiveAt}, ${users.claimedAt},
  (select max(s.starts_at) from ${enrollments} e join ${sessions} s on s.id = e.session_id where e.user_id = ${users.id}),
  (select max(a.marked_at) from ${attendance} a where a.user_id = ${users.id})
)`;

const notStaff = sql`not exists (select 1 from ${userRoles} r where r.user_id = ${users.id})`;

export function retentionCutoff(now: Date, years = env().RETENTION_YEARS): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - Math.floor(years));
  cutoff.setUTCDate(cutoff.getUTCDate() - Math.round((years % 1) * 365));
  return cutoff;
}

export async function runRetention({ now = new Date(), batchSize = 200, database = db }: { now?: Date; batchSize?: number; database?: Database } = {}): Promise<RetentionReport> {
  const cutoff = retentionCutoff(now);
  const graceEnd = new Date(now.getTime() - env().RETENTION_GRACE_DAYS * 86400_000);
  const inactive = and(isNull(users.erasedAt), notStaff, sql`${lastActivity} < ${cutoff.toISOString()}::timestamptz`);

  // 1. Warn, once.
  const toWarn = await database
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inactive, isNull(users.retentionWarnedAt), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .limit(batchSize);
  if (toWarn.length) {
    await database.transaction(async (tx) => {
      await tx.update(users).set({ retentionWarnedAt: now }).where(inArray(users.id, toWarn.map((u) => u.id)));
      const mails = toWarn.filter((u) => u.email);
      if (mails.length) {
        await tx
          .insert(outbox)
          .values(
            mails.map((u) => ({
              recipientId: u.id,
              toAddress: u.email,
              kind: 'retention-warning',
              dedupeKey: `retention-warning:${u.id}:${now.toISOString().slice(0, 10)}`,
              subject: 'Votre compte Comptoir va être effacé',
              body: `Bonjour ${u.name},\n\nVous n’avez pas utilisé Comptoir depuis longtemps. Sans nouvelles de vous d’ici ${env().RETENTION_GRACE_DAYS} jours, votre compte et vos données personnelles seront effacés.\n\nPour garder votre compte, il suffit de vous connecter : ${publicOrigin()}/connexion\n\nL’équipe Comptoir`,
              status: 'pending' as const,
              nextAttemptAt: now,
              createdAt: now,
            })),
          )
          .onConflictDoNothing();
      }
      await writeAudit(tx, toWarn.map((u) => ({ actorId: null, action: 'privacy.retention-warn', entityType: 'user', entityId: u.id, after: { by: u.email ? 'email' : 'desk' } })));
    });
  }

  // 2. Erase those warned long enough ago and still inactive (a sign-in clears the warning).
  const toErase = await database
    .select({ id: users.id })
    .from(users)
    .where(and(inactive, isNotNull(users.retentionWarnedAt), lte(users.retentionWarnedAt, graceEnd)))
    .orderBy(asc(users.id))
    .limit(batchSize);
  for (const { id } of toErase) {
    await database.transaction((tx) => erasePerson(tx, id, { actorId: null, reason: 'retention', now }));
    await recordErasure(id, now);
  }
  const report = { warned: toWarn.length, erased: toErase.length };
  if (report.warned || report.erased) log.info(report, 'retention pass');
  return report;
}
