import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postNote } from '@/app/api/v1/notes/route';
import { DELETE as deleteNoteApi, PATCH as patchNote } from '@/app/api/v1/notes/[id]/route';
import { POST as postReport } from '@/app/api/v1/notes/[id]/reports/route';
import { POST as postUseful } from '@/app/api/v1/notes/[id]/useful/route';
import { auditLog, outbox, placeStaff, reports, userRoles, users } from '@/db/schema';
import { countNotes, createNote, getNote, listNotes, reportNote } from '@/lib/notes';
import { dismissNoteReports, noteModerationQueue } from '@/lib/notes/moderation';
import { apiRequest } from '../helpers/auth';
import { db, migrateTestDatabase } from '../helpers/db';
import { makeCarnetWorld, type CarnetWorld } from '../helpers/notes-fixtures';

let world: CarnetWorld;
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const noCtx = { params: Promise.resolve({}) } as never;

beforeAll(async () => {
  await migrateTestDatabase();
  world = await makeCarnetWorld();
});

async function post(as: { id: string } | undefined, body: unknown) {
  return postNote(await apiRequest('/api/v1/notes', { method: 'POST', body, as }), noCtx);
}

describe('who may write in the carnet', () => {
  it('lets people with a confirmed or attended seat, walk-ins, trainers and staff write; refuses the others with 403 or 401', async () => {
    const body = { workshop: world.workshop.slug, kind: 'tip', visibility: 'public', body: 'Le bouton **Partager** est en haut.' };
    for (const who of ['author', 'participant', 'walkIn', 'otherSession', 'trainer', 'staff', 'coordinator'] as const) {
      expect((await post(world.people[who], body)).status, who).toBe(201);
    }
    for (const who of ['stranger', 'otherStaff'] as const) {
      const response = await post(world.people[who], body);
      expect(response.status, who).toBe(403);
      expect(((await response.json()) as { detail: string }).detail).toMatch(/inscrites ou venues/);
    }
    expect((await post(undefined, body)).status).toBe(401);
  });

  it('ties a note to a session only for people of that session (or staff), and checks the session belongs to the workshop', async () => {
    const body = { workshop: world.workshop.slug, sessionId: world.sessionA, kind: 'memo', visibility: 'participants', body: 'Étapes : 1. ouvrir, 2. imprimer.' };
    expect((await post(world.people.participant, body)).status).toBe(201);
    expect((await post(world.people.otherSession, body)).status).toBe(403);
    const wrong = await post(world.people.staff, { ...body, sessionId: '00000000-0000-4000-8000-000000000000' });
    expect(wrong.status).toBe(400);
  });

  it('refuses bad input with French messages and writes nothing', async () => {
    const before = await countNotes(world.people.coordinator, { workshop: world.workshop.slug });
    for (const body of [
      { workshop: world.workshop.slug, kind: 'poem', visibility: 'public', body: 'x' },
      { workshop: world.workshop.slug, kind: 'tip', visibility: 'everyone', body: 'x' },
      { workshop: world.workshop.slug, kind: 'tip', visibility: 'public', body: '   \u0000  ' },
      { workshop: world.workshop.slug, kind: 'tip', visibility: 'public', body: 'x'.repeat(10_001) },
      { workshop: world.workshop.slug, kind: 'tip', visibility: 'public', body: 'ok', extra: true },
      { workshop: 'atelier-inconnu', kind: 'tip', visibility: 'public', body: 'ok' },
    ]) {
      const response = await post(world.people.author, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    const notJson = await postNote(new Request('http://localhost/api/v1/notes', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }), noCtx);
    expect(notJson.status).toBe(400);
    expect(await countNotes(world.people.coordinator, { workshop: world.workshop.slug })).toBe(before);
  });
});

describe('questions between sessions', () => {
  it('tells the trainers through the outbox (skipped for staff without e-mail), takes replies one level deep, and lets only the asker mark one as helpful', async () => {
    const question = await createNote(world.people.participant, { workshop: world.workshop.slug, sessionId: world.sessionA, kind: 'question', visibility: 'participants', body: 'Comment scanner un document avec mon téléphone ?' });
    const mails = await db.select().from(outbox).where(eq(outbox.kind, 'note-question'));
    expect(mails.map((m) => m.recipientId)).toEqual([world.people.trainer.id]);
    expect(mails[0]!.subject).toContain('Imprimer ses documents');
    expect(mails[0]!.body).toContain('Comment scanner un document');
    expect(mails[0]!.status).toBe('pending');

    const reply = await createNote(world.people.walkIn, { workshop: world.workshop.slug, parentId: question.id, kind: 'tip', visibility: 'public', body: 'Avec l’appli **Notes**, bouton appareil photo.' });
    // A reply follows its question: same readers, same session.
    expect(reply.visibility).toBe('participants');
    expect(reply.sessionId).toBe(world.sessionA);
    await expect(createNote(world.people.author, { workshop: world.workshop.slug, parentId: reply.id, kind: 'tip', visibility: 'public', body: 'Trop profond' })).rejects.toMatchObject({ status: 400 });
    // Someone who cannot read the question cannot answer it.
    await expect(createNote(world.people.otherSession, { workshop: world.workshop.slug, parentId: question.id, kind: 'tip', visibility: 'public', body: 'Je réponds' })).rejects.toMatchObject({ status: 400 });

    const byOther = await patchNote(await apiRequest(`/api/v1/notes/${reply.id}`, { method: 'PATCH', body: { helped: true }, as: world.people.author }), ctx(reply.id));
    expect(byOther.status).toBe(403);
    const byAsker = await patchNote(await apiRequest(`/api/v1/notes/${reply.id}`, { method: 'PATCH', body: { helped: true }, as: world.people.participant }), ctx(reply.id));
    expect(byAsker.status).toBe(200);
    const seen = await getNote(world.people.participant, question.id);
    expect(seen.replies.map((r) => [r.id, r.helped])).toEqual([[reply.id, true]]);

    // The question is found by the words of its reply, for those who may read them.
    const found = await listNotes(world.people.participant, { workshop: world.workshop.slug, q: 'apareil photo' });
    expect(found.items.map((n) => n.id)).toContain(question.id);
    expect((await listNotes(world.people.stranger, { workshop: world.workshop.slug, q: 'appareil photo' })).items.map((n) => n.id)).not.toContain(question.id);
  });

  it('tells the staff of the place when the session has no trainer, with a skipped message for one without e-mail', async () => {
    const [phoneOnly] = await db.insert(users).values({ name: 'Gérard Sansmail', phone: '+33611223344' }).returning({ id: users.id });
    await db.insert(userRoles).values({ userId: phoneOnly!.id, role: 'mediator' });
    await db.insert(placeStaff).values({ placeId: world.placeId, userId: phoneOnly!.id });
    const question = await createNote(world.people.otherSession, { workshop: world.workshop.slug, sessionId: world.sessionB, kind: 'question', visibility: 'network', body: 'La séance B a-t-elle lieu ?' });
    const mails = await db.select().from(outbox).where(and(eq(outbox.kind, 'note-question'), eq(outbox.sessionId, world.sessionB)));
    // Session B has no trainer: the staff of the place are told instead.
    expect(mails.map((m) => m.recipientId).sort()).toEqual([world.people.staff.id, world.people.trainer.id, phoneOnly!.id].sort());
    expect(mails.find((m) => m.recipientId === phoneOnly!.id)?.status).toBe('skipped');
    expect(mails.find((m) => m.recipientId === world.people.staff.id)?.status).toBe('pending');
    expect(question.kind).toBe('question');
  });
});

describe('"utile" votes', () => {
  it('counts one vote per person, never the author’s own', async () => {
    const tip = await createNote(world.people.author, { workshop: world.workshop.slug, kind: 'tip', visibility: 'network', body: 'Ctrl + P pour imprimer.' });
    const vote = async (as: { id: string }) => postUseful(await apiRequest(`/api/v1/notes/${tip.id}/useful`, { method: 'POST', as }), ctx(tip.id));
    expect((await vote(world.people.participant)).status).toBe(201);
    const again = await vote(world.people.participant);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ usefulCount: 1, created: false });
    expect(await (await vote(world.people.stranger)).json()).toEqual({ usefulCount: 2, created: true });
    expect((await vote(world.people.author)).status).toBe(403);
    expect((await getNote(null, tip.id).catch(() => null))).toBeNull();
    expect((await getNote(world.people.stranger, tip.id)).usefulCount).toBe(2);
  });
});

describe('moderation', () => {
  it('takes reports with reasons, lets staff of the place hide with a reason (audit-logged, author told), and the note is gone for everyone but staff', async () => {
    const note = await createNote(world.people.author, { workshop: world.workshop.slug, kind: 'feedback', visibility: 'public', body: 'Appelez-moi au 06 12 34 56 78' });
    const report = async (as: { id: string } | undefined, reason: string) => postReport(await apiRequest(`/api/v1/notes/${note.id}/reports`, { method: 'POST', body: { reason }, as }), ctx(note.id));
    expect((await report(undefined, 'personal-data')).status).toBe(401);
    expect((await report(world.people.stranger, 'nonsense')).status).toBe(400);
    expect((await report(world.people.stranger, 'personal-data')).status).toBe(201);
    expect((await report(world.people.stranger, 'spam')).status).toBe(200);

    const hide = async (as: { id: string }, body: unknown) => patchNote(await apiRequest(`/api/v1/notes/${note.id}`, { method: 'PATCH', body, as }), ctx(note.id));
    expect((await hide(world.people.otherStaff, { hidden: true, hiddenReason: 'Numéro de téléphone' })).status).toBe(403);
    expect((await hide(world.people.participant, { hidden: true, hiddenReason: 'Numéro de téléphone' })).status).toBe(403);
    expect((await hide(world.people.staff, { hidden: true })).status).toBe(400);
    const hidden = await hide(world.people.staff, { hidden: true, hiddenReason: 'Numéro de téléphone' });
    expect(hidden.status).toBe(200);
    expect(((await hidden.json()) as { hidden: boolean }).hidden).toBe(true);

    for (const who of [null, world.people.author, world.people.participant, world.people.stranger, world.people.otherStaff]) {
      const ids = (await listNotes(who, { workshop: world.workshop.slug }, { pageSize: 100 })).items.map((n) => n.id);
      expect(ids).not.toContain(note.id);
      await expect(getNote(who, note.id)).rejects.toMatchObject({ status: 404 });
    }
    expect((await listNotes(world.people.staff, { workshop: world.workshop.slug }, { pageSize: 100 })).items.map((n) => n.id)).toContain(note.id);
    expect((await listNotes(world.people.coordinator, { workshop: world.workshop.slug }, { pageSize: 100 })).items.map((n) => n.id)).toContain(note.id);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, note.id), eq(auditLog.action, 'note.hide')));
    expect(audit?.actorId).toBe(world.people.staff.id);
    expect(audit?.after).toMatchObject({ reason: 'Numéro de téléphone' });
    const [told] = await db.select().from(outbox).where(and(eq(outbox.recipientId, world.people.author.id), eq(outbox.kind, 'note-hidden')));
    expect(told?.body).toContain('Numéro de téléphone');
    const open = await db.select().from(reports).where(eq(reports.noteId, note.id));
    expect(open.every((r) => r.resolution === 'hidden')).toBe(true);

    expect((await hide(world.people.staff, { hidden: false })).status).toBe(200);
    expect((await getNote(null, note.id)).id).toBe(note.id);
  });

  it('shows reported and hidden notes in the queue of the place’s staff and of coordinators only, and dismisses reports', async () => {
    const note = await createNote(world.people.participant, { workshop: world.workshop.slug, kind: 'tip', visibility: 'network', body: 'Achetez mes cours en ligne !' });
    await reportNote(world.people.stranger, note.id, { reason: 'spam' });
    await reportNote(world.people.author, note.id, { reason: 'spam' });
    const mine = await noteModerationQueue(world.people.staff);
    expect(mine.find((i) => i.id === note.id)?.openReports).toEqual([{ reason: 'spam', count: 2 }]);
    expect((await noteModerationQueue(world.people.coordinator)).map((i) => i.id)).toContain(note.id);
    expect((await noteModerationQueue(world.people.otherStaff)).map((i) => i.id)).not.toContain(note.id);
    await expect(noteModerationQueue(world.people.participant)).rejects.toMatchObject({ status: 403 });
    await expect(dismissNoteReports(world.people.otherStaff, note.id)).rejects.toMatchObject({ status: 404 });
    expect(await dismissNoteReports(world.people.staff, note.id)).toBe(2);
    expect((await noteModerationQueue(world.people.staff)).map((i) => i.id)).not.toContain(note.id);
  });

  it('lets only the author delete a note', async () => {
    const note = await createNote(world.people.author, { workshop: world.workshop.slug, kind: 'tip', visibility: 'public', body: 'À supprimer' });
    const del = async (as: { id: string }) => deleteNoteApi(await apiRequest(`/api/v1/notes/${note.id}`, { method: 'DELETE', as }), ctx(note.id));
    expect((await del(world.people.staff)).status).toBe(403);
    expect((await del(world.people.author)).status).toBe(204);
    expect((await del(world.people.author)).status).toBe(404);
  });
});
