import 'server-only';
import { isUuid } from '@/lib/ids';
import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Executor } from '@/db';
import { noteUseful, notes, sessions, users, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertCan, assertSignedIn, type Actor } from '@/lib/auth/policy';
import { ForbiddenError, NotFoundError, UserError, ValidationError } from '@/lib/errors';
import { fileReport, resolveReports } from '@/lib/moderation/reports';
import { recordRevision } from '@/lib/revisions';
import { type FrenchCorpus, frenchSearch, searchWords } from '@/lib/search/french';
import { parseInput } from '@/lib/validation';
import { notifyAuthorOfHiding, notifyTrainersOfQuestion } from './notify';
import { noteInputSchema, noteListQuerySchema, notePatchSchema, noteReportSchema, type NoteKind, type NoteVisibility } from './schema';
import { staffOfNote, visibleNotes } from './visibility';

// The carnet of a workshop: notes, replies, "utile" votes, reports and moderation. Every read
// filters with visibleNotes(actor) (./visibility.ts); writes go through mayWriteOn().

export const NOTES_PER_PAGE = 20;

export type NoteView = {
  id: string;
  kind: NoteKind;
  visibility: NoteVisibility;
  body: string;
  author: { name: string };
  workshop: { slug: string; title: string };
  sessionId: string | null;
  parentId: string | null;
  createdAt: string;
  usefulCount: number;
  hidden: boolean;
  helped: boolean;
  // For the reader (pages): what they may do with it. Not part of the API's contract.
  mine: boolean;
  usefulByMe: boolean;
  replies: NoteView[];
};

// "Nadia Benali" → "Nadia B.": enough to know who wrote, without a full name on a public page.
export function shortName(name: string | null): string {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '—';
  if (parts.length === 1) return parts[0]!;
  return `${parts[0]} ${parts.at(-1)!.charAt(0).toUpperCase()}.`;
}

// The corpus of a search is the notes the reader may see; `row` names the current row's table.
const corpus = (actor: Actor | null, row: SQL = sql`${notes}`): FrenchCorpus => {
  const n2 = alias(notes, 'n2');
  return {
    vector: sql`${row}.search_vector`,
    text: sql`${row}.search_text`,
    anyDocumentMatches: (query) => sql`exists (select 1 from ${notes} n2 where n2.search_vector @@ ${query} and ${visibleNotes(actor, n2 as unknown as typeof notes)})`,
  };
};

// A question is found by the words of its visible replies too.
function replyMatches(actor: Actor | null, words: string[]): SQL {
  const r = alias(notes, 'r');
  const { condition } = frenchSearch(corpus(actor, sql.raw('"r"')), words);
  return sql`exists (select 1 from ${notes} r where ${r.parentId} = ${notes.id} and ${visibleNotes(actor, r as unknown as typeof notes)} and ${condition ?? sql`true`})`;
}

const usefulCountSql = sql<number>`(select count(*)::int from ${noteUseful} u where u.note_id = ${notes}.id)`;
const usefulByMeSql = (actor: Actor | null) =>
  actor ? sql<boolean>`exists (select 1 from ${noteUseful} u where u.note_id = ${notes}.id and u.user_id = ${actor.id}::uuid)` : sql<boolean>`false`;

function selection(actor: Actor | null) {
  return {
    id: notes.id,
    kind: notes.kind,
    visibility: notes.visibility,
    body: notes.body,
    authorId: notes.authorId,
    authorName: users.name,
    workshopSlug: workshops.slug,
    workshopTitle: workshops.title,
    sessionId: notes.sessionId,
    parentId: notes.parentId,
    createdAt: notes.createdAt,
    status: notes.status,
    helpedAt: notes.helpedAt,
    usefulCount: usefulCountSql,
    usefulByMe: usefulByMeSql(actor),
  };
}
type Row = { [K in keyof ReturnType<typeof selection>]: unknown } & {
  id: string;
  kind: NoteKind;
  visibility: NoteVisibility;
  body: string;
  authorId: string;
  authorName: string;
  workshopSlug: string;
  workshopTitle: string;
  sessionId: string | null;
  parentId: string | null;
  createdAt: Date;
  status: 'visible' | 'hidden';
  helpedAt: Date | null;
  usefulCount: number;
  usefulByMe: boolean;
};

const toView = (actor: Actor | null, r: Row, replies: NoteView[] = []): NoteView => ({
  id: r.id,
  kind: r.kind,
  visibility: r.visibility,
  body: r.body,
  author: { name: shortName(r.authorName) },
  workshop: { slug: r.workshopSlug, title: r.workshopTitle },
  sessionId: r.sessionId,
  parentId: r.parentId,
  createdAt: new Date(r.createdAt).toISOString(),
  usefulCount: Number(r.usefulCount),
  hidden: r.status === 'hidden',
  helped: r.helpedAt !== null,
  mine: actor?.id === r.authorId,
  usefulByMe: Boolean(r.usefulByMe),
  replies,
});

function baseQuery(tx: Executor, actor: Actor | null) {
  return tx.select(selection(actor)).from(notes).innerJoin(workshops, eq(workshops.id, notes.workshopId)).innerJoin(users, eq(users.id, notes.authorId));
}

export type NoteQuery = { workshop?: string; session?: string; q?: string; page?: number | string; mine?: string };

// The conditions of a list of top-level notes (replies come with their question).
function listConditions(actor: Actor | null, query: { workshop?: string; session?: string; mine?: string }, words: string[]): SQL[] {
  const conditions: SQL[] = [visibleNotes(actor), isNull(notes.parentId)];
  if (query.workshop) conditions.push(eq(workshops.slug, query.workshop));
  if (query.session) conditions.push(eq(notes.sessionId, query.session));
  if (query.mine) conditions.push(actor ? eq(notes.authorId, actor.id) : sql`false`);
  const search = frenchSearch(corpus(actor), words);
  if (search.condition) conditions.push(or(search.condition, replyMatches(actor, words))!);
  return conditions;
}

// Notes the actor may read, newest first (best match first with a search), with their replies.
export async function listNotes(actor: Actor | null, rawQuery: unknown, { pageSize = NOTES_PER_PAGE, tx = db as Executor } = {}): Promise<{ items: NoteView[]; total: number }> {
  const query = parseInput(noteListQuerySchema, rawQuery);
  const words = searchWords(query.q);
  const conditions = and(...listConditions(actor, query, words));
  const search = frenchSearch(corpus(actor), words);
  const [rows, [counted]] = await Promise.all([
    baseQuery(tx, actor)
      .where(conditions)
      .orderBy(...(words.length ? [desc(search.score)] : []), desc(notes.createdAt), desc(notes.id))
      .limit(pageSize)
      .offset((query.page - 1) * pageSize) as Promise<Row[]>,
    tx
      .select({ total: count() })
      .from(notes)
      .innerJoin(workshops, eq(workshops.id, notes.workshopId))
      .where(conditions),
  ]);
  const replies = rows.length
    ? ((await baseQuery(tx, actor)
        .where(and(visibleNotes(actor), inArray(notes.parentId, rows.map((r) => r.id))))
        .orderBy(asc(notes.createdAt), asc(notes.id))) as Row[])
    : [];
  return {
    items: rows.map((r) => toView(actor, r, replies.filter((reply) => reply.parentId === r.id).map((reply) => toView(actor, reply)))),
    total: counted?.total ?? 0,
  };
}

// The number of top-level notes the actor may read (same rule as listNotes).
export async function countNotes(actor: Actor | null, rawQuery: unknown): Promise<number> {
  const query = parseInput(noteListQuerySchema, rawQuery);
  const [row] = await db
    .select({ total: count() })
    .from(notes)
    .innerJoin(workshops, eq(workshops.id, notes.workshopId))
    .where(and(...listConditions(actor, query, searchWords(query.q))));
  return row?.total ?? 0;
}

// One note the actor may read, with its replies; 404 otherwise (a hidden or private note does
// not reveal that it exists).
export async function getNote(actor: Actor | null, id: string, tx: Executor = db): Promise<NoteView> {
  if (!isUuid(id)) throw new NotFoundError('Cette note n’existe pas.');
  const [row] = (await baseQuery(tx, actor).where(and(eq(notes.id, id), visibleNotes(actor)))) as Row[];
  if (!row) throw new NotFoundError('Cette note n’existe pas.');
  const replies = (await baseQuery(tx, actor)
    .where(and(visibleNotes(actor), eq(notes.parentId, id)))
    .orderBy(asc(notes.createdAt), asc(notes.id))) as Row[];
  return toView(actor, row, replies.map((r) => toView(actor, r)));
}

// Staff of a place that runs the workshop (or of the session's place), or a coordinator.
export async function isStaffFor(tx: Executor, actor: Actor, workshopId: string, sessionId: string | null): Promise<boolean> {
  const [row] = await tx
    .select({ ok: sql<boolean>`${staffOfNote(actor, { workshopId: sql`${workshopId}::uuid`, sessionId: sql`${sessionId}::uuid` })}` })
    .from(workshops)
    .where(eq(workshops.id, workshopId));
  return Boolean(row?.ok);
}

// A confirmed seat, an attendance (walk-ins included) or a trainer's place at a session of the
// workshop (at that session when one is given).
export async function isParticipant(tx: Executor, actorId: string, workshopId: string, sessionId: string | null): Promise<boolean> {
  const [row] = await tx.select({ ok: sql<boolean>`exists (select 1 from sessions s where s.workshop_id = ${workshopId}::uuid
    and (${sessionId}::uuid is null or s.id = ${sessionId}::uuid)
    and (exists (select 1 from enrollments e where e.session_id = s.id and e.user_id = ${actorId}::uuid and e.status = 'confirmed')
      or exists (select 1 from attendance a where a.session_id = s.id and a.user_id = ${actorId}::uuid and a.status in ('present', 'late'))
      or exists (select 1 from session_trainers st where st.session_id = s.id and st.user_id = ${actorId}::uuid)))` }).from(workshops).where(eq(workshops.id, workshopId));
  return Boolean(row?.ok);
}

// Who may write on a workshop's carnet: people with a confirmed or attended seat at one of its
// sessions (walk-ins who attended included), its trainers, staff of a place that runs it.
export async function mayWriteOn(actor: Actor | null, workshopId: string, sessionId: string | null = null, tx: Executor = db): Promise<boolean> {
  if (!actor) return false;
  return (await isStaffFor(tx, actor, workshopId, sessionId)) || (await isParticipant(tx, actor.id, workshopId, sessionId));
}

// The sessions a person may tie a note to (theirs, or all of them for staff), newest first.
export async function writableSessions(actor: Actor | null, workshopId: string): Promise<{ id: string; startsAt: Date; endsAt: Date }[]> {
  if (!actor) return [];
  const all = await db.select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt }).from(sessions).where(eq(sessions.workshopId, workshopId)).orderBy(desc(sessions.startsAt));
  const out = [];
  for (const s of all) if (await mayWriteOn(actor, workshopId, s.id)) out.push(s);
  return out;
}

async function loadNoteRow(tx: Executor, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await tx.select().from(notes).where(eq(notes.id, id));
  return row ?? null;
}

async function assertReadable(tx: Executor, actor: Actor | null, id: string) {
  if (!isUuid(id)) throw new NotFoundError('Cette note n’existe pas.');
  const [row] = await tx.select({ id: notes.id }).from(notes).where(and(eq(notes.id, id), visibleNotes(actor)));
  if (!row) throw new NotFoundError('Cette note n’existe pas.');
}

// Writes a note, a reply (one level deep: it takes its question's visibility and session) or a
// memo. A question tells the trainers, in the same transaction.
export async function createNote(actor: Actor | null, rawInput: unknown, { now = new Date() } = {}): Promise<NoteView> {
  assertSignedIn(actor);
  assertCan(actor, 'note:write');
  const input = parseInput(noteInputSchema, rawInput);
  return db.transaction(async (tx) => {
    const [workshop] = await tx.select({ id: workshops.id }).from(workshops).where(isUuid(input.workshop) ? or(eq(workshops.slug, input.workshop), eq(workshops.id, input.workshop)) : eq(workshops.slug, input.workshop));
    if (!workshop) throw new ValidationError({ workshop: ['Cet atelier n’existe pas.'] });
    let sessionId = input.sessionId ?? null;
    let visibility = input.visibility;
    let parentId: string | null = null;
    if (input.parentId) {
      await assertReadable(tx, actor, input.parentId).catch(() => {
        throw new ValidationError({ parentId: ['Cette note n’existe pas.'] });
      });
      const parent = (await loadNoteRow(tx, input.parentId))!;
      if (parent.parentId) throw new ValidationError({ parentId: ['On ne peut pas répondre à une réponse.'] });
      if (parent.workshopId !== workshop.id) throw new ValidationError({ parentId: ['Cette note n’est pas de cet atelier.'] });
      parentId = parent.id;
      sessionId = parent.sessionId;
      visibility = parent.visibility;
    }
    if (sessionId) {
      const [session] = await tx.select({ workshopId: sessions.workshopId }).from(sessions).where(eq(sessions.id, sessionId));
      if (!session || session.workshopId !== workshop.id) throw new ValidationError({ sessionId: ['Cette séance n’est pas une séance de cet atelier.'] });
    }
    // A reply is allowed to whoever may read the question and write on the workshop.
    if (!(await mayWriteOn(actor, workshop.id, parentId ? null : sessionId, tx))) {
      throw new ForbiddenError('Seules les personnes inscrites ou venues à une séance de cet atelier, et ses animateurs, peuvent y écrire.');
    }
    const [created] = await tx
      .insert(notes)
      .values({ authorId: actor.id, workshopId: workshop.id, sessionId, parentId, kind: input.kind, visibility, body: input.body, createdAt: now, updatedAt: now })
      .returning({ id: notes.id });
    if (input.kind === 'memo') await recordRevision(tx, { kind: 'note', id: created!.id }, actor.id, { body: input.body }, now);
    await writeAudit(tx, { actorId: actor.id, action: 'note.create', entityType: 'note', entityId: created!.id, after: { kind: input.kind, visibility, sessionId, parentId } });
    if (input.kind === 'question' && !parentId) await notifyTrainersOfQuestion(tx, { noteId: created!.id, workshopId: workshop.id, sessionId, authorId: actor.id, body: input.body, now });
    return getNote(actor, created!.id, tx);
  });
}

// The author edits or changes who reads; staff of the note's places hide or restore it with a
// reason (audit-logged, the author is told); the asker marks a reply "ça m'a aidé".
export async function updateNote(actor: Actor | null, id: string, rawPatch: unknown, { now = new Date() } = {}): Promise<NoteView> {
  assertSignedIn(actor);
  const patch = parseInput(notePatchSchema, rawPatch);
  return db.transaction(async (tx) => {
    const note = await loadNoteRow(tx, id);
    const staff = note ? await isStaffFor(tx, actor, note.workshopId!, note.sessionId) : false;
    // Staff may act on hidden notes; everyone else must be able to read the note.
    if (!note || (!staff && !(await tx.select({ id: notes.id }).from(notes).where(and(eq(notes.id, id), visibleNotes(actor)))).length)) {
      throw new NotFoundError('Cette note n’existe pas.');
    }
    const changes: Partial<typeof notes.$inferInsert> = {};
    if (patch.hidden !== undefined) {
      if (!staff) throw new ForbiddenError('Seule l’équipe du lieu peut masquer ou rétablir une note.');
      const reason = patch.hiddenReason ?? '';
      if (patch.hidden && reason.length < 3) throw new ValidationError({ hiddenReason: ['Indiquez la raison (elle sera envoyée à l’auteur).'] });
      if (patch.hidden !== (note.status === 'hidden')) {
        Object.assign(changes, patch.hidden ? { status: 'hidden', hiddenReason: reason, hiddenAt: now, moderatedById: actor.id } : { status: 'visible', hiddenReason: null, hiddenAt: null, moderatedById: actor.id });
        await resolveReports(tx, { kind: 'note', id }, actor.id, patch.hidden ? 'hidden' : 'kept', now);
        await writeAudit(tx, { actorId: actor.id, action: patch.hidden ? 'note.hide' : 'note.restore', entityType: 'note', entityId: id, before: { status: note.status }, after: { status: patch.hidden ? 'hidden' : 'visible', reason } });
        await notifyAuthorOfHiding(tx, { noteId: id, authorId: note.authorId, workshopId: note.workshopId!, sessionId: note.sessionId, hidden: patch.hidden, reason, now });
      }
    }
    if (patch.helped !== undefined) {
      const [parent] = note.parentId ? await tx.select({ authorId: notes.authorId, kind: notes.kind }).from(notes).where(eq(notes.id, note.parentId)) : [];
      if (!parent || parent.kind !== 'question') throw new ValidationError({ helped: ['Seule une réponse à une question peut être marquée.'] });
      if (parent.authorId !== actor.id) throw new ForbiddenError('Seule la personne qui a posé la question peut dire que la réponse l’a aidée.');
      changes.helpedAt = patch.helped ? now : null;
    }
    if (patch.body !== undefined || patch.visibility !== undefined) {
      const memoOfMine = note.kind === 'memo' && note.sessionId && (await isParticipant(tx, actor.id, note.workshopId!, note.sessionId));
      if (note.authorId !== actor.id && !(memoOfMine && patch.visibility === undefined)) throw new ForbiddenError('Seule la personne qui a écrit la note peut la modifier.');
      if (patch.visibility !== undefined && note.parentId) throw new ValidationError({ visibility: ['Une réponse suit la visibilité de sa question.'] });
      if (patch.body !== undefined) changes.body = patch.body;
      if (patch.visibility !== undefined) changes.visibility = patch.visibility;
      await writeAudit(tx, { actorId: actor.id, action: 'note.update', entityType: 'note', entityId: id, after: { visibility: changes.visibility } });
    }
    if (Object.keys(changes).length > 0) {
      await tx.update(notes).set({ ...changes, updatedAt: now }).where(eq(notes.id, id));
      if (changes.visibility) await tx.update(notes).set({ visibility: changes.visibility }).where(eq(notes.parentId, id));
    }
    if (patch.body !== undefined && note.kind === 'memo') {
      await recordRevision(tx, { kind: 'note', id }, actor.id, { body: patch.body }, now);
    }
    return staff && patch.hidden ? hiddenView(tx, actor, id) : getNote(actor, id, tx);
  });
}

// Staff read the hidden note through the same rule (visibleNotes lets staff see hidden notes).
const hiddenView = (tx: Executor, actor: Actor, id: string) => getNote(actor, id, tx);

// The author deletes their note (and its replies).
export async function deleteNote(actor: Actor | null, id: string): Promise<void> {
  assertSignedIn(actor);
  await db.transaction(async (tx) => {
    await assertReadable(tx, actor, id);
    const note = (await loadNoteRow(tx, id))!;
    if (note.authorId !== actor.id) throw new ForbiddenError('Seule la personne qui a écrit la note peut la supprimer.');
    await tx.delete(notes).where(eq(notes.id, id));
    await writeAudit(tx, { actorId: actor.id, action: 'note.delete', entityType: 'note', entityId: id, before: { kind: note.kind, visibility: note.visibility } });
  });
}

// One "utile" per person (a second one changes nothing); not on one's own note.
export async function markUseful(actor: Actor | null, id: string): Promise<{ usefulCount: number; created: boolean }> {
  assertSignedIn(actor);
  return db.transaction(async (tx) => {
    await assertReadable(tx, actor, id);
    const note = (await loadNoteRow(tx, id))!;
    if (note.authorId === actor.id) throw new UserError('Vous ne pouvez pas voter pour votre propre note.', { status: 403 });
    const inserted = await tx.insert(noteUseful).values({ noteId: id, userId: actor.id }).onConflictDoNothing().returning({ noteId: noteUseful.noteId });
    const [row] = await tx.select({ n: count() }).from(noteUseful).where(eq(noteUseful.noteId, id));
    return { usefulCount: row?.n ?? 0, created: inserted.length > 0 };
  });
}

// Anyone signed in who can read the note may report it, once.
export async function reportNote(actor: Actor | null, id: string, rawInput: unknown): Promise<{ created: boolean }> {
  assertSignedIn(actor);
  const input = parseInput(noteReportSchema, rawInput);
  return db.transaction(async (tx) => {
    await assertReadable(tx, actor, id);
    const result = await fileReport(tx, { kind: 'note', id }, actor.id, input);
    if (result.created) await writeAudit(tx, { actorId: actor.id, action: 'note.report', entityType: 'note', entityId: id, after: { reason: input.reason } });
    return result;
  });
}

// The API's shape of a note (DESIGN.md): the reader-specific fields stay on the pages.
export function noteJson(note: NoteView): Omit<NoteView, 'mine' | 'usefulByMe' | 'replies'> & { replies: unknown[] } {
  const { mine: _mine, usefulByMe: _usefulByMe, replies, ...rest } = note;
  return { ...rest, replies: replies.map(noteJson) };
}

export type CarnetAbilities = { signedIn: boolean; mayWrite: boolean; moderate: boolean; sessions: { id: string; startsAt: Date; endsAt: Date }[] };

// What the reader may do on a workshop's carnet (the server checks again on every action).
export async function carnetAbilities(actor: Actor | null, workshopId: string): Promise<CarnetAbilities> {
  if (!actor) return { signedIn: false, mayWrite: false, moderate: false, sessions: [] };
  const [moderate, mayWrite] = await Promise.all([isStaffFor(db, actor, workshopId, null), mayWriteOn(actor, workshopId)]);
  return { signedIn: true, mayWrite, moderate, sessions: mayWrite ? await writableSessions(actor, workshopId) : [] };
}
