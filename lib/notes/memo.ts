import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { isUuid } from '@/lib/ids';
import { attendance, notes, sessions, users, workshops } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { formatSessionTime } from '@/lib/format/dates';
import { diffRevisions, listRevisions, type FieldDiff } from '@/lib/revisions';
import { createNote, getNote, isParticipant, isStaffFor, updateNote, type NoteView } from './index';
import { visibleNotes } from './visibility';

// Le mémo de séance: after closing a session, its trainer writes the steps of what was done,
// prefilled with the workshop's title, the date and the attendees' first names; participants
// complete it; every save is a revision (who, when, diff).

export type MemoVersion = { id: string; authorName: string; createdAt: Date; diffs: FieldDiff[] };
export type SessionMemo = {
  session: { id: string; title: string; slug: string; startsAt: Date; endsAt: Date; closed: boolean };
  memo: NoteView | null;
  canStart: boolean;
  canEdit: boolean;
  draft: string;
  versions: MemoVersion[];
};

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

export async function getSessionMemo(actor: Actor | null, sessionId: string): Promise<SessionMemo> {
  if (!isUuid(sessionId)) throw new NotFoundError('Cette séance n’existe pas.');
  const [session] = await db
    .select({ id: sessions.id, workshopId: sessions.workshopId, title: workshops.title, slug: workshops.slug, startsAt: sessions.startsAt, endsAt: sessions.endsAt, closedAt: sessions.closedAt, status: sessions.status })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .where(eq(sessions.id, sessionId));
  if (!session) throw new NotFoundError('Cette séance n’existe pas.');
  const [memoRow] = await db
    .select({ id: notes.id })
    .from(notes)
    .where(and(eq(notes.sessionId, sessionId), eq(notes.kind, 'memo'), visibleNotes(actor)))
    .orderBy(asc(notes.createdAt))
    .limit(1);
  const memo = memoRow ? await getNote(actor, memoRow.id) : null;
  const staff = actor ? await isStaffFor(db, actor, session.workshopId, sessionId) : false;
  const participant = actor ? await isParticipant(db, actor.id, session.workshopId, sessionId) : false;
  const closed = Boolean(session.closedAt) || session.status === 'done';
  const present = await db
    .select({ name: users.name })
    .from(attendance)
    .innerJoin(users, eq(users.id, attendance.userId))
    .where(and(eq(attendance.sessionId, sessionId), inArray(attendance.status, ['present', 'late'])))
    .orderBy(asc(users.name));
  const when = formatSessionTime(session.startsAt, session.endsAt);
  const draft = [`## ${session.title}`, '', when, '', `Présents : ${present.map((p) => firstName(p.name)).join(', ') || '…'}.`, '', 'Ce que nous avons fait :', '', '1. ', ''].join('\n');
  const revisions = memo ? await listRevisions(db, { kind: 'note', id: memo.id }) : [];
  const versions = revisions
    .map((r, i) => ({ id: r.id, authorName: r.authorName ? firstName(r.authorName) : '—', createdAt: r.createdAt, diffs: diffRevisions(i === 0 ? null : revisions[i - 1]!.content, r.content) }))
    .reverse();
  return {
    session: { id: session.id, title: session.title, slug: session.slug, startsAt: session.startsAt, endsAt: session.endsAt, closed },
    memo,
    canStart: !memo && staff && closed,
    canEdit: Boolean(memo) && (staff || participant || memo!.mine),
    draft,
    versions,
  };
}

// Start the memo (staff of the place, once the session is closed) or save a new version.
export async function saveSessionMemo(actor: Actor | null, sessionId: string, body: string): Promise<NoteView> {
  const current = await getSessionMemo(actor, sessionId);
  if (current.memo) {
    if (!current.canEdit) throw new ForbiddenError('Seuls les participants de la séance et ses animateurs peuvent compléter le mémo.');
    return updateNote(actor, current.memo.id, { body });
  }
  if (!current.canStart) {
    if (!current.session.closed) throw new ValidationError({ body: ['Le mémo s’écrit une fois la séance clôturée.'] });
    throw new ForbiddenError('Seule l’équipe du lieu peut commencer le mémo de la séance.');
  }
  return createNote(actor, { workshop: current.session.slug, sessionId, kind: 'memo', visibility: 'participants', body });
}

// The memos of the sessions a person attended, newest first (for Mon espace).
export async function memosOfMySessions(actor: Actor): Promise<Map<string, string>> {
  const rows = await db
    .select({ sessionId: notes.sessionId, id: notes.id })
    .from(notes)
    .innerJoin(attendance, and(eq(attendance.sessionId, notes.sessionId), eq(attendance.userId, actor.id)))
    .where(and(eq(notes.kind, 'memo'), visibleNotes(actor)))
    .orderBy(desc(notes.createdAt));
  return new Map(rows.map((r) => [r.sessionId!, r.id]));
}
