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
  // When the change happened (the caller's clock, e.g. an injected `now`); the database's otherwise.
  at?: Date;
};

// THE audit writer: every row of the audit log is appended here and nowhere else
// (tests/unit/one-definition.test.ts fails on an insert into auditLog outside this file).
// Pass the transaction of the change, so that the change and its record are written together or
// not at all.
export async function writeAudit(tx: Executor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const rows = (Array.isArray(entries) ? entries : [entries]).map((e) => ({
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    // Dates become ISO strings, as they would in any JSON column.
    before: e.before === undefined ? null : JSON.parse(JSON.stringify(e.before)),
    after: e.after === undefined ? null : JSON.parse(JSON.stringify(e.after)),
    ...(e.at ? { at: e.at } : {}),
  }));
  if (rows.length > 0) await tx.insert(auditLog).values(rows);
}
