import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { notes, reports, users, workshops } from '@/db/schema';
import { fileReport, openReportsOf, reportInputSchema, resolveReports } from '@/lib/moderation/reports';
import { diffRevisions, listRevisions, recordRevision } from '@/lib/revisions';
import { db, migrateTestDatabase } from '../helpers/db';

let authorId: string;
let readerId: string;
let noteId: string;

beforeAll(async () => {
  await migrateTestDatabase();
  const [author, reader] = await db
    .insert(users)
    .values([{ name: 'Nadia Auteur' }, { name: 'Paul Lecteur' }])
    .returning({ id: users.id });
  authorId = author!.id;
  readerId = reader!.id;
  const [workshop] = await db
    .insert(workshops)
    .values({ slug: 'premiers-pas', title: 'Premiers pas', summary: 'Découvrir', level: 'beginner', durationMinutes: 120 })
    .returning({ id: workshops.id });
  const [note] = await db.insert(notes).values({ authorId, workshopId: workshop!.id, kind: 'tip', visibility: 'public', body: 'Appuyer longtemps.' }).returning({ id: notes.id });
  noteId = note!.id;
});

describe('reports of notes and resources', () => {
  it('keeps one report per person and content, and closes them all when staff decide', async () => {
    const target = { kind: 'note', id: noteId } as const;
    expect(await fileReport(db, target, readerId, { reason: 'spam' })).toEqual({ created: true });
    expect(await fileReport(db, target, readerId, { reason: 'error' })).toEqual({ created: false });
    expect(await fileReport(db, target, authorId, { reason: 'error', comment: 'Faux' })).toEqual({ created: true });
    expect((await openReportsOf(db, target)).map((r) => r.reason)).toEqual(['spam', 'error']);

    expect(await resolveReports(db, target, authorId, 'kept')).toBe(2);
    expect(await openReportsOf(db, target)).toEqual([]);
    expect(await resolveReports(db, target, authorId, 'kept')).toBe(0);
  });

  it('accepts only the reasons of the kind of content, in French', () => {
    expect(reportInputSchema('note').safeParse({ reason: 'spam' }).success).toBe(true);
    const wrong = reportInputSchema('resource').safeParse({ reason: 'spam' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe('Choisissez une raison.');
    expect(reportInputSchema('note').safeParse({ reason: 'spam', extra: 1 }).success).toBe(false);
  });

  it('refuses a report of nothing or of two contents at once', async () => {
    const error = await db
      .insert(reports)
      .values({ reporterId: readerId, reason: 'spam' })
      .then(() => null, (e: { cause?: { message?: string } }) => e);
    expect(error?.cause?.message).toMatch(/reports_one_target/);
  });
});

describe('revisions', () => {
  it('lists the versions oldest first with their author, and shows the words that changed', async () => {
    const target = { kind: 'note', id: noteId } as const;
    const first = { body: 'Ouvrir les réglages.' };
    const second = { body: 'Ouvrir les réglages du téléphone.' };
    await recordRevision(db, target, authorId, first, new Date('2026-12-01T10:00:00Z'));
    await recordRevision(db, target, readerId, second, new Date('2026-12-01T11:00:00Z'));
    const history = await listRevisions(db, target);
    expect(history.map((r) => [r.authorName, r.content.body])).toEqual([
      ['Nadia Auteur', first.body],
      ['Paul Lecteur', second.body],
    ]);
    const [diff] = diffRevisions(history[0]!.content, history[1]!.content);
    expect(diff!.field).toBe('body');
    const text = (change: string) => diff!.parts.filter((p) => p.change === change).map((p) => p.text).join('');
    expect(text('added').trim()).toBe('du téléphone');
    expect(text('removed')).toBe('');
    expect(diff!.parts.map((p) => p.text).join('')).toBe(second.body);
    expect(diffRevisions(first, first)).toEqual([]);
  });
});

describe('French search building blocks', () => {
  it('folds accents and case, and weighs titles above bodies', async () => {
    const result = await db.execute<{ folded: string; matches: boolean; ranked: boolean }>(sql`select
      comptoir_fold('Démarches ÉCRITES') as folded,
      comptoir_weighted_vector('Messagerie', '', 'courriel') @@ to_tsquery('french', 'messagerie') as matches,
      ts_rank(comptoir_weighted_vector('Messagerie', '', ''), to_tsquery('french', 'messagerie')) >
        ts_rank(comptoir_weighted_vector('', '', 'Messagerie'), to_tsquery('french', 'messagerie')) as ranked`);
    // postgres.js answers rows, PGlite an object that holds them.
    const [row] = Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows;
    expect(row).toEqual({ folded: 'demarches ecrites', matches: true, ranked: true });
  });
});
