import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getNotesApi } from '@/app/api/v1/notes/route';
import { GET as getNoteApi } from '@/app/api/v1/notes/[id]/route';
import type { Actor } from '@/lib/auth/policy';
import { countNotes, getNote, listNotes } from '@/lib/notes';
import { NOTE_VISIBILITIES, type NoteVisibility } from '@/lib/notes/schema';
import { apiRequest } from '../helpers/auth';
import { migrateTestDatabase } from '../helpers/db';
import { insertNote, makeCarnetWorld, type CarnetWorld } from '../helpers/notes-fixtures';

// The one visibility rule of notes, proven as a matrix: every visibility × scope (one session or
// the whole workshop) × hidden or not, read by every relationship to the workshop. The expected
// answer is written here from the rule in words; list, count, search, the API list and the API
// item must all give it.

type Viewer = keyof CarnetWorld['people'] | 'visitor';
const VIEWERS: Viewer[] = ['author', 'participant', 'walkIn', 'otherSession', 'trainer', 'staff', 'otherStaff', 'coordinator', 'stranger', 'visitor'];
type Case = { id: string; visibility: NoteVisibility; scope: 'session' | 'workshop'; hidden: boolean };

// The rule in words (DESIGN.md, issue 10).
function expected(viewer: Viewer, c: Case): boolean {
  const staffOfPlace = viewer === 'staff' || viewer === 'trainer' || viewer === 'coordinator';
  if (c.hidden && !staffOfPlace) return false;
  switch (c.visibility) {
    case 'private':
      return viewer === 'author';
    case 'public':
      return true;
    case 'network':
      return viewer !== 'visitor';
    case 'participants': {
      const ofSessionA = viewer === 'author' || viewer === 'participant' || viewer === 'walkIn';
      const ofWorkshop = ofSessionA || viewer === 'otherSession';
      return staffOfPlace || (c.scope === 'session' ? ofSessionA : ofWorkshop);
    }
  }
}

let world: CarnetWorld;
const cases: Case[] = [];

beforeAll(async () => {
  await migrateTestDatabase();
  world = await makeCarnetWorld();
  let i = 0;
  for (const visibility of NOTE_VISIBILITIES)
    for (const scope of ['session', 'workshop'] as const)
      for (const hidden of [false, true]) {
        const id = await insertNote({
          authorId: world.people.author.id,
          workshopId: world.workshop.id,
          sessionId: scope === 'session' ? world.sessionA : null,
          kind: 'tip',
          visibility,
          status: hidden ? 'hidden' : 'visible',
          hiddenReason: hidden ? 'Données personnelles' : null,
          body: `Astuce numéro ${++i} : pour l’imprimante, appuyer sur le bouton bleu.`,
          createdAt: new Date(Date.UTC(2026, 10, 10, 15, i)),
        });
        cases.push({ id, visibility, scope, hidden });
      }
});

const actorOf = (viewer: Viewer): Actor | null => (viewer === 'visitor' ? null : world.people[viewer]);

describe('who reads which note', () => {
  it.each(VIEWERS)('%s: list, count, search, API list and API item give the same notes as the rule', async (viewer) => {
    const actor = actorOf(viewer);
    const want = cases.filter((c) => expected(viewer, c)).map((c) => c.id).sort();

    const listed = await listNotes(actor, { workshop: world.workshop.slug }, { pageSize: 100 });
    expect(listed.items.map((n) => n.id).sort()).toEqual(want);
    expect(listed.total).toBe(want.length);
    expect(await countNotes(actor, { workshop: world.workshop.slug })).toBe(want.length);

    // French search, with an accent forgotten and a typo.
    for (const q of ['imprimante', 'bouton bléu', 'imprimente']) {
      const found = await listNotes(actor, { workshop: world.workshop.slug, q }, { pageSize: 100 });
      expect(found.items.map((n) => n.id).sort(), q).toEqual(want);
      expect(await countNotes(actor, { workshop: world.workshop.slug, q })).toBe(want.length);
    }

    const as = actor ? { id: actor.id } : undefined;
    const response = await getNotesApi(await apiRequest(`/api/v1/notes?workshop=${world.workshop.slug}`, { as }), { params: Promise.resolve({}) } as never);
    const body = (await response.json()) as { items: { id: string; author: { name: string } }[]; total: number };
    expect(body.items.map((n) => n.id).sort()).toEqual(want);
    expect(body.total).toBe(want.length);
    // A learner's full name never travels; the first name and an initial do.
    for (const item of body.items) expect(item.author.name).toBe('Nadia B.');

    for (const c of cases) {
      const readable = await getNote(actor, c.id).then(() => true, () => false);
      expect(readable, `${c.visibility}/${c.scope}/${c.hidden ? 'hidden' : 'shown'}`).toBe(expected(viewer, c));
      const item = await getNoteApi(await apiRequest(`/api/v1/notes/${c.id}`, { as }), { params: Promise.resolve({ id: c.id }) });
      expect(item.status).toBe(expected(viewer, c) ? 200 : 404);
    }
  });

  it('shows staff which notes are hidden, and a search for a word no note holds finds nothing', async () => {
    const listed = await listNotes(world.people.staff, { workshop: world.workshop.slug }, { pageSize: 100 });
    expect(listed.items.filter((n) => n.hidden).length).toBe(cases.filter((c) => c.hidden && c.visibility !== 'private').length);
    expect((await listNotes(world.people.coordinator, { workshop: world.workshop.slug, q: 'tricot' })).total).toBe(0);
  });
});
