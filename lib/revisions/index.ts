import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { diffWordsWithSpace } from 'diff';
import type { Executor } from '@/db';
import { revisions, users } from '@/db/schema';

// Versions of what people write together (a session memo, a resource): every save records
// who, when and the editable fields; any two versions can be compared and an old one restored
// by saving its content again (a restore is itself a new version).

export type RevisionTarget = { kind: 'note'; id: string } | { kind: 'resource'; id: string };
export type RevisionContent = Record<string, string>;
export type Revision = { id: string; authorName: string | null; createdAt: Date; content: RevisionContent };

const targetOf = (target: RevisionTarget) => (target.kind === 'note' ? { noteId: target.id } : { resourceId: target.id });
const whereTarget = (target: RevisionTarget) => (target.kind === 'note' ? eq(revisions.noteId, target.id) : eq(revisions.resourceId, target.id));

// Pass the transaction of the save, so that the change and its version are written together.
export async function recordRevision(tx: Executor, target: RevisionTarget, authorId: string | null, content: RevisionContent, now = new Date()): Promise<string> {
  const [row] = await tx
    .insert(revisions)
    .values({ ...targetOf(target), authorId, content, createdAt: now })
    .returning({ id: revisions.id });
  return row!.id;
}

// Oldest first. The author's name only (the caller decides who may read the history).
export async function listRevisions(tx: Executor, target: RevisionTarget): Promise<Revision[]> {
  return tx
    .select({ id: revisions.id, authorName: users.name, createdAt: revisions.createdAt, content: revisions.content })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(whereTarget(target))
    .orderBy(asc(revisions.createdAt), asc(revisions.id));
}

export type DiffPart = { text: string; change: 'added' | 'removed' | 'same' };
export type FieldDiff = { field: string; parts: DiffPart[] };

// Word by word differences of each field that changed between two versions (`before` null: the
// first version, everything is added).
export function diffRevisions(before: RevisionContent | null, after: RevisionContent): FieldDiff[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])];
  return fields
    .filter((field) => (before?.[field] ?? '') !== (after[field] ?? ''))
    .map((field) => ({
      field,
      parts: diffWordsWithSpace(before?.[field] ?? '', after[field] ?? '').map((part) => ({
        text: part.value,
        change: part.added ? 'added' : part.removed ? 'removed' : 'same',
      })),
    }));
}
