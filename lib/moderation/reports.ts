import 'server-only';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { reports } from '@/db/schema';

// Reports ("signalements") of notes and resources: one table, one rule for filing and
// resolving. The domain that owns the content (lib/notes, lib/resources) checks that the
// reporter may see it, and hides or keeps it; this module records the reports.

// Reason codes per kind of content; French labels in messages (moderation.reasons.<kind>.<code>).
export const REPORT_REASONS = {
  note: ['spam', 'inappropriate', 'personal-data', 'error'],
  resource: ['inappropriate', 'outdated', 'errors', 'duplicate'],
} as const;

export type ReportTarget = { kind: 'note'; id: string } | { kind: 'resource'; id: string };
export type ReportReason<K extends ReportTarget['kind']> = (typeof REPORT_REASONS)[K][number];

export const reportInputSchema = <K extends ReportTarget['kind']>(kind: K) =>
  z
    .object({
      reason: z.enum(REPORT_REASONS[kind] as unknown as [ReportReason<K>, ...ReportReason<K>[]], { message: 'Choisissez une raison.' }),
      comment: z.string().trim().max(1000, 'Le commentaire est trop long (1 000 caractères au plus).').default(''),
    })
    .strict();

function targetColumn(target: ReportTarget): SQL {
  return target.kind === 'note' ? eq(reports.noteId, target.id) : eq(reports.resourceId, target.id);
}

const targetValues = (target: ReportTarget) => (target.kind === 'note' ? { noteId: target.id } : { resourceId: target.id });

// Records a report. A second report of the same content by the same person changes nothing
// (`created: false`).
export async function fileReport(
  tx: Executor,
  target: ReportTarget,
  reporterId: string,
  input: { reason: string; comment?: string },
): Promise<{ created: boolean }> {
  const inserted = await tx
    .insert(reports)
    .values({ ...targetValues(target), reporterId, reason: input.reason, comment: input.comment ?? '' })
    .onConflictDoNothing()
    .returning({ id: reports.id });
  return { created: inserted.length > 0 };
}

// Closes the open reports of a content: 'hidden' when staff hid it, 'kept' when they found
// nothing wrong. Returns how many were closed.
export async function resolveReports(tx: Executor, target: ReportTarget, resolverId: string, resolution: 'hidden' | 'kept', now = new Date()): Promise<number> {
  const closed = await tx
    .update(reports)
    .set({ resolvedAt: now, resolvedById: resolverId, resolution })
    .where(and(targetColumn(target), isNull(reports.resolvedAt)))
    .returning({ id: reports.id });
  return closed.length;
}

// Open reports of one content, oldest first (reason codes and comments; reporters stay private).
export async function openReportsOf(tx: Executor, target: ReportTarget): Promise<{ reason: string; comment: string; createdAt: Date }[]> {
  return tx
    .select({ reason: reports.reason, comment: reports.comment, createdAt: reports.createdAt })
    .from(reports)
    .where(and(targetColumn(target), isNull(reports.resolvedAt)))
    .orderBy(reports.createdAt);
}
