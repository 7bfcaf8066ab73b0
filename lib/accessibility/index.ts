import 'server-only';
import { and, count, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db';
import { accessibilityReports, outbox, userRoles, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { publicOrigin } from '@/lib/http/origin';
import { NotFoundError } from '@/lib/errors';
import { hit } from '@/lib/rate-limit';
import { parseInput } from '@/lib/validation';
import { isUuid } from '@/lib/ids';

// Barriers reported through the accessibility statement (/accessibilite). Anyone may report one,
// signed in or not; network coordinators read them on /coordination, are told by e-mail through
// the outbox, and mark them handled.

// Line breaks are welcome in a description; other control characters (a NUL byte) are not.
const text = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'Ce texte contient des caractères qui ne sont pas permis.');

export const accessibilityReportSchema = z.object({
  description: text(2000, 'La description doit faire au plus 2 000 caractères.').min(1, 'Décrivez le problème rencontré.'),
  pageUrl: text(500, 'L’adresse de la page doit faire au plus 500 caractères.').optional(),
  contact: text(200, 'Le moyen de vous répondre doit faire au plus 200 caractères.').optional(),
  name: text(120, 'Le nom doit faire au plus 120 caractères.').optional(),
});

export type AccessibilityReport = {
  id: string;
  description: string;
  pageUrl: string | null;
  contact: string | null;
  name: string | null;
  status: 'new' | 'handled';
  createdAt: Date;
  handledAt: Date | null;
};

// A few reports per hour and per address: enough for a person, too few for a robot.
const REPORTS_PER_HOUR = 5;

const emptyToNull = (value: string | undefined) => (value ? value : null);

export async function reportAccessibilityBarrier(actor: Actor | null, input: unknown, { clientKey = 'unknown', now = new Date() } = {}): Promise<{ id: string }> {
  const data = parseInput(accessibilityReportSchema, input);
  await hit(`accessibility-report:${clientKey}`, REPORTS_PER_HOUR, 3600, now);
  return db.transaction(async (tx) => {
    const [report] = await tx
      .insert(accessibilityReports)
      .values({ description: data.description, pageUrl: emptyToNull(data.pageUrl), contact: emptyToNull(data.contact), name: emptyToNull(data.name), reporterId: actor?.id ?? null, createdAt: now })
      .returning({ id: accessibilityReports.id });
    await writeAudit(tx, { actorId: actor?.id ?? null, action: 'accessibility.report', entityType: 'accessibility_report', entityId: report!.id, after: { status: 'new' }, at: now });
    // Every coordinator with an e-mail address is told, in the same transaction.
    const coordinators = await tx
      .select({ id: users.id, email: users.email })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(and(eq(userRoles.role, 'coordinator'), isNull(users.disabledAt), isNotNull(users.email)));
    if (coordinators.length > 0) {
      const body = [
        'Bonjour,',
        'Une personne signale un problème d’accessibilité sur Comptoir.',
        `Ce qui ne va pas :\n${data.description}`,
        data.pageUrl ? `Page : ${data.pageUrl}` : null,
        data.contact ? `Pour lui répondre : ${data.contact}${data.name ? ` (${data.name})` : ''}` : 'La personne n’a pas laissé de moyen de lui répondre.',
        `Tous les signalements : ${publicOrigin()}/coordination#accessibilite`,
      ]
        .filter(Boolean)
        .join('\n\n');
      await tx.insert(outbox).values(
        coordinators.map((c) => ({
          recipientId: c.id,
          toAddress: c.email,
          kind: 'accessibility-report',
          dedupeKey: `accessibility-report:${report!.id}:${c.id}`,
          subject: 'Signalement d’accessibilité sur Comptoir',
          body,
          nextAttemptAt: now,
          createdAt: now,
        })),
      );
    }
    return { id: report!.id };
  });
}

// The newest reports first, and how many are still to handle.
export async function listAccessibilityReports(actor: Actor | null, { limit = 20 } = {}): Promise<{ items: AccessibilityReport[]; open: number }> {
  assertCan(actor, 'coordination:view');
  const [items, [open]] = await Promise.all([
    db
      .select({
        id: accessibilityReports.id,
        description: accessibilityReports.description,
        pageUrl: accessibilityReports.pageUrl,
        contact: accessibilityReports.contact,
        name: accessibilityReports.name,
        status: accessibilityReports.status,
        createdAt: accessibilityReports.createdAt,
        handledAt: accessibilityReports.handledAt,
      })
      .from(accessibilityReports)
      .orderBy(desc(accessibilityReports.createdAt), desc(accessibilityReports.id))
      .limit(limit),
    db.select({ n: count() }).from(accessibilityReports).where(eq(accessibilityReports.status, 'new')),
  ]);
  return { items: items.map((r) => ({ ...r, status: r.status === 'handled' ? 'handled' : 'new' })), open: open?.n ?? 0 };
}

export async function markAccessibilityReportHandled(actor: Actor | null, id: unknown, now = new Date()): Promise<void> {
  assertCan(actor, 'coordination:view');
  if (!isUuid(id)) throw new NotFoundError('Ce signalement n’existe pas.');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(accessibilityReports)
      .set({ status: 'handled', handledAt: now, handledById: actor!.id })
      .where(and(eq(accessibilityReports.id, id as string), eq(accessibilityReports.status, 'new')))
      .returning({ id: accessibilityReports.id });
    if (!row) {
      const [exists] = await tx.select({ id: accessibilityReports.id }).from(accessibilityReports).where(eq(accessibilityReports.id, id as string));
      if (!exists) throw new NotFoundError('Ce signalement n’existe pas.');
      return;
    }
    await writeAudit(tx, { actorId: actor!.id, action: 'accessibility.handle', entityType: 'accessibility_report', entityId: row.id, before: { status: 'new' }, after: { status: 'handled' }, at: now });
  });
}
