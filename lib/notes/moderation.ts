import 'server-only';
import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { notes, reports, users, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertCan, can, type Actor } from '@/lib/auth/policy';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { resolveReports } from '@/lib/moderation/reports';
import { shortName } from './index';
import { staffOfNote, visibleNotes } from './visibility';

// The moderation queue of notes: reported or hidden notes of the places the actor staffs (all
// of them for coordinators). Reads through the same visibility rule as every other list.

export type QueueItem = {
  id: string;
  body: string;
  kind: string;
  authorName: string;
  workshop: { slug: string; title: string };
  createdAt: Date;
  hidden: boolean;
  hiddenReason: string | null;
  openReports: { reason: string; count: number }[];
};

export async function noteModerationQueue(actor: Actor | null, { limit = 100 } = {}): Promise<QueueItem[]> {
  assertCan(actor, 'note:moderate', 'any-place');
  const openReports = sql<{ reason: string; count: number }[]>`coalesce((select json_agg(json_build_object('reason', r.reason, 'count', r.n) order by r.n desc, r.reason)
    from (select reason, count(*)::int as n from ${reports} where ${reports}.note_id = ${notes}.id and ${reports}.resolved_at is null group by reason) r), '[]'::json)`;
  const hasOpen = sql`exists (select 1 from ${reports} where ${reports}.note_id = ${notes}.id and ${reports}.resolved_at is null)`;
  const rows = await db
    .select({
      id: notes.id,
      body: notes.body,
      kind: notes.kind,
      authorName: users.name,
      slug: workshops.slug,
      title: workshops.title,
      createdAt: notes.createdAt,
      status: notes.status,
      hiddenReason: notes.hiddenReason,
      openReports,
    })
    .from(notes)
    .innerJoin(workshops, eq(workshops.id, notes.workshopId))
    .innerJoin(users, eq(users.id, notes.authorId))
    .where(and(visibleNotes(actor), staffOfNote(actor), or(hasOpen, eq(notes.status, 'hidden'))))
    .orderBy(sql`${hasOpen} desc`, desc(notes.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    kind: r.kind,
    authorName: shortName(r.authorName),
    workshop: { slug: r.slug, title: r.title },
    createdAt: r.createdAt,
    hidden: r.status === 'hidden',
    hiddenReason: r.hiddenReason,
    openReports: typeof r.openReports === 'string' ? JSON.parse(r.openReports) : r.openReports,
  }));
}

// Staff found nothing wrong: the open reports are closed as "kept".
export async function dismissNoteReports(actor: Actor | null, id: string, now = new Date()): Promise<number> {
  if (!actor || !can(actor, 'note:moderate', 'any-place')) throw actor ? new ForbiddenError() : new ForbiddenError('Connectez-vous pour continuer.');
  return db.transaction(async (tx) => {
    const [note] = await tx.select({ id: notes.id }).from(notes).where(and(eq(notes.id, id), staffOfNote(actor)));
    if (!note) throw new NotFoundError('Cette note n’existe pas.');
    const closed = await resolveReports(tx, { kind: 'note', id }, actor.id, 'kept', now);
    await writeAudit(tx, { actorId: actor.id, action: 'note.reports-dismissed', entityType: 'note', entityId: id, after: { closed } });
    return closed;
  });
}

export const openNoteReportCount = async (actor: Actor): Promise<number> => {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${reports.noteId})::int` })
    .from(reports)
    .innerJoin(notes, eq(notes.id, reports.noteId))
    .where(and(isNull(reports.resolvedAt), staffOfNote(actor)));
  return row?.n ?? 0;
};
