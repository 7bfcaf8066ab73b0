import 'server-only';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { isUuid } from '@/lib/ids';
import { users, wishVotes, wishes, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertCan, assertSignedIn, can, type Actor } from '@/lib/auth/policy';
import { createWorkshop } from '@/lib/catalogue/workshops-admin';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { shortName } from '@/lib/notes';
import { parseInput } from '@/lib/validation';
import { wishInputSchema, wishListQuerySchema } from './schema';

// Wishes and offers: anyone reads, signed-in people post and say "moi aussi" (once each);
// staff see the demand by theme and commune and turn a wish into a draft workshop. The people
// who asked are told when that workshop's first session opens.

export const WISHES_PER_PAGE = 30;

export type WishView = {
  id: string;
  kind: 'learn' | 'teach';
  title: string;
  themes: string[];
  commune: string;
  author: { name: string };
  meTooCount: number;
  workshop: { slug: string; title: string } | null;
  createdAt: string;
  meToo: boolean;
  mine: boolean;
};

// The author counts as one: "moi aussi" adds the others.
const meTooCount = sql<number>`(1 + (select count(*)::int from ${wishVotes} v where v.wish_id = ${wishes}.id and v.user_id is distinct from ${wishes}.author_id))`;

export async function listWishes(actor: Actor | null, rawQuery: unknown): Promise<{ items: WishView[]; total: number }> {
  const query = parseInput(wishListQuerySchema, rawQuery);
  const conditions: SQL[] = [];
  if (query.kind) conditions.push(eq(wishes.kind, query.kind));
  if (query.theme) conditions.push(sql`${query.theme} = any(${wishes.themes})`);
  if (query.commune) conditions.push(sql`comptoir_fold(${wishes.commune}) = comptoir_fold(${query.commune})`);
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: wishes.id,
        kind: wishes.kind,
        title: wishes.title,
        themes: wishes.themes,
        commune: wishes.commune,
        authorId: wishes.authorId,
        authorName: users.name,
        meTooCount,
        meToo: actor ? sql<boolean>`exists (select 1 from ${wishVotes} v where v.wish_id = ${wishes}.id and v.user_id = ${actor.id}::uuid)` : sql<boolean>`false`,
        workshopSlug: workshops.slug,
        workshopTitle: workshops.title,
        createdAt: wishes.createdAt,
      })
      .from(wishes)
      .leftJoin(users, eq(users.id, wishes.authorId))
      // Draft workshops are not public: the link appears once the workshop is in the catalogue.
      .leftJoin(workshops, and(eq(workshops.id, wishes.workshopId), eq(workshops.status, 'published')))
      .where(where)
      .orderBy(desc(meTooCount), desc(wishes.createdAt), desc(wishes.id))
      .limit(WISHES_PER_PAGE)
      .offset((query.page - 1) * WISHES_PER_PAGE),
    db.select({ n: count() }).from(wishes).where(where),
  ]);
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      themes: r.themes,
      commune: r.commune,
      author: { name: shortName(r.authorName) },
      meTooCount: Number(r.meTooCount),
      workshop: r.workshopSlug ? { slug: r.workshopSlug, title: r.workshopTitle! } : null,
      createdAt: new Date(r.createdAt).toISOString(),
      meToo: Boolean(r.meToo) || r.authorId === actor?.id,
      mine: r.authorId === actor?.id,
    })),
  };
}

export async function createWish(actor: Actor | null, rawInput: unknown): Promise<{ id: string }> {
  assertSignedIn(actor);
  const input = parseInput(wishInputSchema, rawInput);
  let authorId = actor.id;
  if (input.forUserId && input.forUserId !== actor.id) {
    // At the desk: a mediator posts for someone.
    assertCan(actor, 'enrollment:on-behalf', 'any-place');
    const [person] = await db.select({ id: users.id }).from(users).where(eq(users.id, input.forUserId));
    if (!person) throw new ValidationError({ forUserId: ['Cette personne n’existe pas.'] });
    authorId = person.id;
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(wishes)
      .values({ kind: input.kind, title: input.title, themes: input.themes, commune: input.commune, authorId, createdById: actor.id })
      .returning({ id: wishes.id });
    await writeAudit(tx, { actorId: actor.id, action: 'wish.create', entityType: 'wish', entityId: row!.id, after: { kind: input.kind, title: input.title, authorId } });
    return { id: row!.id };
  });
}

// "Moi aussi": once per person (a second time changes nothing).
export async function meToo(actor: Actor | null, id: string): Promise<{ meTooCount: number; created: boolean }> {
  assertSignedIn(actor);
  if (!isUuid(id)) throw new NotFoundError('Cette envie n’existe pas.');
  return db.transaction(async (tx) => {
    const [wish] = await tx.select({ id: wishes.id, authorId: wishes.authorId }).from(wishes).where(eq(wishes.id, id));
    if (!wish) throw new NotFoundError('Cette envie n’existe pas.');
    const inserted = wish.authorId === actor.id ? [] : await tx.insert(wishVotes).values({ wishId: id, userId: actor.id }).onConflictDoNothing().returning({ wishId: wishVotes.wishId });
    const [row] = await tx.select({ n: meTooCount }).from(wishes).where(eq(wishes.id, id));
    return { meTooCount: Number(row?.n ?? 1), created: inserted.length > 0 };
  });
}

export type DemandRow = { key: string; wishes: number; people: number };

// The demand board for staff: "learn" wishes counted by theme and by commune (wishes, and people
// including "moi aussi"), optionally for the communes of one place.
export async function demandBoard(actor: Actor | null, { commune }: { commune?: string } = {}): Promise<{ byTheme: DemandRow[]; byCommune: DemandRow[] }> {
  assertCan(actor, 'workshop:manage', 'any-place');
  const filter = commune ? sql`and comptoir_fold(w.commune) = comptoir_fold(${commune})` : sql``;
  const people = sql`(1 + (select count(*) from wish_votes v where v.wish_id = w.id and v.user_id is distinct from w.author_id))`;
  const byTheme = await db
    .select({ key: sql<string>`t.theme`, wishes: sql<number>`count(*)::int`, people: sql<number>`sum(${people})::int` })
    .from(sql`wishes w cross join lateral unnest(w.themes) as t(theme)`)
    .where(sql`w.kind = 'learn' and w.workshop_id is null ${filter}`)
    .groupBy(sql`t.theme`)
    .orderBy(sql`sum(${people}) desc`, sql`t.theme`);
  const byCommune = await db
    .select({ key: sql<string>`w.commune`, wishes: sql<number>`count(*)::int`, people: sql<number>`sum(${people})::int` })
    .from(sql`wishes w`)
    .where(sql`w.kind = 'learn' and w.workshop_id is null ${filter}`)
    .groupBy(sql`w.commune`)
    .orderBy(sql`sum(${people}) desc`, sql`w.commune`);
  return { byTheme, byCommune };
}

// Staff turn a wish into a draft workshop of one of their places, in one step; the wish links
// to it, and its people are told when a first session opens (lib/wishes/notify.ts).
export async function wishToWorkshop(actor: Actor | null, id: string, { placeId }: { placeId?: string } = {}): Promise<{ slug: string }> {
  assertSignedIn(actor);
  assertCan(actor, 'workshop:manage', 'any-place');
  const [wish] = isUuid(id) ? await db.select().from(wishes).where(eq(wishes.id, id)) : [];
  if (!wish) throw new NotFoundError('Cette envie n’existe pas.');
  if (wish.workshopId) throw new ValidationError({ _: ['Cette envie a déjà son atelier.'] });
  const place = placeId ?? actor.staffedPlaceIds.find((p) => can(actor, 'workshop:manage', { placeId: p }));
  if (!place) throw new ValidationError({ placeId: ['Choisissez le lieu qui animera l’atelier.'] });
  const workshop = await createWorkshop(actor, {
    title: wish.title.slice(0, 120),
    summary: `Atelier demandé par des habitants : ${wish.title}`.slice(0, 280),
    themes: wish.themes.length ? wish.themes : ['navigation'],
    level: 'beginner',
    durationMinutes: 120,
    audiences: [],
    placeIds: [place],
  });
  await db.transaction(async (tx) => {
    await tx.update(wishes).set({ workshopId: workshop.id }).where(eq(wishes.id, id));
    await writeAudit(tx, { actorId: actor.id, action: 'wish.to-workshop', entityType: 'wish', entityId: id, after: { workshopId: workshop.id } });
  });
  return { slug: workshop.slug };
}
