import { beforeAll, describe, expect, it } from 'vitest';
import { getSessionMemo, memosOfMySessions, saveSessionMemo } from '@/lib/notes/memo';
import { migrateTestDatabase } from '../helpers/db';
import { makeCarnetWorld, type CarnetWorld } from '../helpers/notes-fixtures';

let world: CarnetWorld;

beforeAll(async () => {
  await migrateTestDatabase();
  world = await makeCarnetWorld();
});

describe('le mémo de séance', () => {
  it('is started by staff once the session is closed, prefilled with the title, date and attendees’ first names', async () => {
    await expect(saveSessionMemo(world.people.trainer, world.sessionB, 'Trop tôt')).rejects.toMatchObject({ status: 400 });
    const draft = await getSessionMemo(world.people.trainer, world.sessionA);
    expect(draft.canStart).toBe(true);
    expect(draft.draft).toContain('## Imprimer ses documents');
    expect(draft.draft).toContain('Présents : Josette, Nadia.');
    expect(draft.draft).toMatch(/mardi 10 novembre, 14 h – 16 h/);
    // A participant does not start it; once started, they complete it.
    await expect(saveSessionMemo(world.people.participant, world.sessionA, 'Moi')).rejects.toMatchObject({ status: 403 });
    await saveSessionMemo(world.people.trainer, world.sessionA, `${draft.draft}1. Ouvrir le fichier`);
    await saveSessionMemo(world.people.walkIn, world.sessionA, `${draft.draft}1. Ouvrir le fichier\n2. Choisir Imprimer`);
    await expect(saveSessionMemo(world.people.otherSession, world.sessionA, 'Intrus')).rejects.toMatchObject({ status: 403 });
  });

  it('keeps every version with who and the words that changed, and is visible to participants only', async () => {
    const memo = await getSessionMemo(world.people.participant, world.sessionA);
    expect(memo.canEdit).toBe(true);
    expect(memo.memo?.body).toContain('2. Choisir Imprimer');
    expect(memo.memo?.visibility).toBe('participants');
    expect(memo.versions.map((v) => v.authorName)).toEqual(['Josette', 'Léa']);
    const added = memo.versions[0]!.diffs[0]!.parts.filter((p) => p.change === 'added').map((p) => p.text);
    expect(added.join('')).toContain('Choisir Imprimer');

    expect((await getSessionMemo(world.people.otherSession, world.sessionA)).memo).toBeNull();
    expect((await getSessionMemo(null, world.sessionA)).memo).toBeNull();
    expect((await getSessionMemo(world.people.stranger, world.sessionA)).canEdit).toBe(false);
  });

  it('is found in Mon espace under the session the learner attended', async () => {
    expect([...(await memosOfMySessions(world.people.walkIn)).keys()]).toEqual([world.sessionA]);
    expect((await memosOfMySessions(world.people.otherSession)).size).toBe(0);
  });
});
