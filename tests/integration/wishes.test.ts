import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getWishes, POST as postWish } from '@/app/api/v1/wishes/route';
import { POST as postMeToo } from '@/app/api/v1/wishes/[id]/me-too/route';
import { outbox, wishes } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { scheduleSessions } from '@/lib/catalogue/sessions-admin';
import { updateWorkshop } from '@/lib/catalogue/workshops-admin';
import { demandBoard, listWishes, wishToWorkshop } from '@/lib/wishes';
import { apiRequest } from '../helpers/auth';
import { db, migrateTestDatabase } from '../helpers/db';
import { makeCarnetWorld, type CarnetWorld } from '../helpers/notes-fixtures';

let world: CarnetWorld;
const noCtx = { params: Promise.resolve({}) } as never;

beforeAll(async () => {
  await migrateTestDatabase();
  world = await makeCarnetWorld();
});

async function post(as: Actor | undefined, body: unknown) {
  return postWish(await apiRequest('/api/v1/wishes', { method: 'POST', body, as }), noCtx);
}
async function meToo(as: Actor | undefined, id: string) {
  return postMeToo(await apiRequest(`/api/v1/wishes/${id}/me-too`, { method: 'POST', as }), { params: Promise.resolve({ id }) });
}

describe('wishes and offers', () => {
  let wishId = '';

  it('takes a wish from anyone signed in, refuses visitors and bad input, and anyone reads them', async () => {
    expect((await post(undefined, { kind: 'learn', title: 'Faire une visio', themes: ['reseaux-sociaux'], commune: 'Firminy' })).status).toBe(401);
    const bad = await post(world.people.author, { kind: 'learn', title: 'x', themes: [], commune: '' });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { errors: object }).errors).sort()).toEqual(['commune', 'themes', 'title']);
    const created = await post(world.people.author, { kind: 'learn', title: 'Faire une visio avec ma famille', themes: ['reseaux-sociaux'], commune: 'Firminy' });
    expect(created.status).toBe(201);
    wishId = ((await created.json()) as { id: string }).id;
    // Posting for someone else is for mediators at the desk.
    expect((await post(world.people.participant, { kind: 'learn', title: 'Pour ma voisine', themes: ['sante'], commune: 'Firminy', forUserId: world.people.walkIn.id })).status).toBe(403);
    expect((await post(world.people.staff, { kind: 'learn', title: 'Prendre un rendez-vous médical', themes: ['sante'], commune: 'Firminy', forUserId: world.people.walkIn.id })).status).toBe(201);
    const list = (await (await getWishes(await apiRequest('/api/v1/wishes?commune=firminy'), noCtx)).json()) as { items: { title: string; author: { name: string }; meTooCount: number }[]; total: number };
    expect(list.total).toBe(2);
    expect(list.items.map((w) => w.author.name).sort()).toEqual(['Josette R.', 'Nadia B.']);
  });

  it('counts a "moi aussi" once per person, and the author once', async () => {
    expect((await meToo(world.people.participant, wishId)).status).toBe(201);
    const again = await meToo(world.people.participant, wishId);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ meTooCount: 2, created: false });
    expect(await (await meToo(world.people.author, wishId)).json()).toEqual({ meTooCount: 2, created: false });
    expect(await (await meToo(world.people.otherSession, wishId)).json()).toEqual({ meTooCount: 3, created: true });
    expect((await meToo(undefined, wishId)).status).toBe(401);
    expect((await meToo(world.people.stranger, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('shows staff the demand by theme and commune, and refuses learners', async () => {
    const board = await demandBoard(world.people.staff);
    expect(board.byTheme.find((r) => r.key === 'reseaux-sociaux')).toEqual({ key: 'reseaux-sociaux', wishes: 1, people: 3 });
    expect(board.byCommune.find((r) => r.key === 'Firminy')).toEqual({ key: 'Firminy', wishes: 2, people: 4 });
    await expect(demandBoard(world.people.participant)).rejects.toMatchObject({ status: 403 });
  });

  it('turns a wish into a draft workshop, and tells the people who asked when its first session opens, once', async () => {
    const { slug } = await wishToWorkshop(world.people.staff, wishId, { placeId: world.placeId });
    const [linked] = await db.select({ workshopId: wishes.workshopId }).from(wishes).where(eq(wishes.id, wishId));
    expect(linked?.workshopId).toBeTruthy();
    await expect(wishToWorkshop(world.people.staff, wishId, { placeId: world.placeId })).rejects.toMatchObject({ status: 400 });

    const now = new Date('2026-11-30T10:00:00Z');
    const schedule = (date: string) => scheduleSessions(world.people.staff, slug, { placeId: world.placeId, date, startTime: '14:00', capacity: 8 }, { now });
    // A session of a draft workshop is not open to anyone yet: nobody is told.
    await schedule('2026-12-10');
    const told = () => db.select({ to: outbox.recipientId }).from(outbox).where(eq(outbox.kind, 'wish-opened'));
    expect(await told()).toEqual([]);
    await updateWorkshop(world.people.staff, slug, { status: 'published' }, { now });
    expect((await told()).map((r) => r.to).sort()).toEqual([world.people.author.id, world.people.participant.id, world.people.otherSession.id].sort());
    await schedule('2026-12-17');
    expect(await told()).toHaveLength(3);
    const [mail] = await db.select().from(outbox).where(and(eq(outbox.kind, 'wish-opened'), eq(outbox.recipientId, world.people.author.id)));
    expect(mail?.body).toContain('Faire une visio avec ma famille');

    const listed = await listWishes(null, {});
    expect(listed.items.find((w) => w.id === wishId)?.workshop?.slug).toBe(slug);
  });
});
