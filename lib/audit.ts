import 'server-only';
import type { Executor } from '@/db';
import { auditLog } from '@/db/schema';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

// Appends rows to the audit log. Pass the transaction of the change, so that the change and its
// record are written together or not at all.
export async function writeAudit(tx: Executor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const rows = (Array.isArray(entries) ? entries : [entries]).map((e) => ({
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    // Dates become ISO strings, as they would in any JSON column.
    before: e.before === undefined ? null : JSON.parse(JSON.stringify(e.before)),
    after: e.after === undefined ? null : JSON.parse(JSON.stringify(e.after)),
  }));
  if (rows.length > 0) await tx.insert(auditLog).values(rows);
}
