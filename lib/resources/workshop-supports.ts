import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { places, resources, sessions, users, workshopPlaces, workshopResources, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { workshopResourcesSchema } from './schema';
import { type ResourceListItem, listColumns, itemsFor } from './reads';
import { isCoordinator, visibleResources, NOT_FOUND, mayPublish } from './visibility';

// Workshops' "supports": the resources a workshop hands out, chosen by its staff.

async function assertManagesWorkshop(tx: Executor, actor: Actor | null, workshopSlug: string): Promise<string> {
  const [workshop] = await tx.select({ id: workshops.id }).from(workshops).where(eq(workshops.slug, workshopSlug));
  if (!workshop) throw new NotFoundError('Cet atelier n’existe pas.');
  if (!actor) throw new UnauthenticatedError();
  const placeIds = (await tx.select({ placeId: workshopPlaces.placeId }).from(workshopPlaces).where(eq(workshopPlaces.workshopId, workshop.id))).map((p) => p.placeId);
  if (!isCoordinator(actor) && !placeIds.some((placeId) => can(actor, 'workshop:manage', { placeId }))) {
    throw new ForbiddenError('Seule l’équipe des lieux de cet atelier peut choisir ses supports.');
  }
  return workshop.id;
}

async function visibleIdsBySlug(tx: Executor, actor: Actor | null, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await tx
    .select({ id: resources.id, slug: resources.slug })
    .from(resources)
    .where(and(inArray(resources.slug, slugs), visibleResources(actor)));
  return new Map(rows.map((r) => [r.slug, r.id]));
}

// Replaces the supports of a workshop, in the given order.
export async function setWorkshopResources(actor: Actor | null, workshopSlug: string, input: unknown): Promise<{ resources: string[] }> {
  const { resources: slugs } = parseInput(workshopResourcesSchema, input);
  const unique = [...new Set(slugs)];
  return db.transaction(async (tx) => {
    const workshopId = await assertManagesWorkshop(tx, actor, workshopSlug);
    const ids = await visibleIdsBySlug(tx, actor, unique);
    const missing = unique.filter((s) => !ids.has(s));
    if (missing.length > 0) throw new ValidationError({ resources: [`Ressource introuvable : ${missing.join(', ')}.`] });
    await tx.delete(workshopResources).where(eq(workshopResources.workshopId, workshopId));
    if (unique.length > 0) await tx.insert(workshopResources).values(unique.map((slug, position) => ({ workshopId, resourceId: ids.get(slug)!, position })));
    await writeAudit(tx, { actorId: actor!.id, action: 'workshop.resources', entityType: 'workshop', entityId: workshopId, after: unique });
    return { resources: unique };
  });
}

// Attaches one resource to a workshop, or detaches it (from the resource's side).
export async function linkResourceToWorkshop(actor: Actor | null, resourceSlug: string, workshopSlug: string, linked: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const workshopId = await assertManagesWorkshop(tx, actor, workshopSlug);
    const ids = await visibleIdsBySlug(tx, actor, [resourceSlug]);
    const resourceId = ids.get(resourceSlug);
    if (!resourceId) throw new NotFoundError(NOT_FOUND);
    if (linked) {
      const [last] = await tx
        .select({ position: sql<number>`coalesce(max(${workshopResources.position}), -1)::int` })
        .from(workshopResources)
        .where(eq(workshopResources.workshopId, workshopId));
      await tx
        .insert(workshopResources)
        .values({ workshopId, resourceId, position: (last?.position ?? -1) + 1 })
        .onConflictDoNothing();
    } else {
      await tx.delete(workshopResources).where(and(eq(workshopResources.workshopId, workshopId), eq(workshopResources.resourceId, resourceId)));
    }
    await writeAudit(tx, { actorId: actor!.id, action: linked ? 'workshop.resource.add' : 'workshop.resource.remove', entityType: 'workshop', entityId: workshopId, after: { resource: resourceSlug } });
  });
}

// The supports of some workshops that this person may see, by workshop id (the workshop page,
// Mon espace).
export async function supportsOfWorkshops(actor: Actor | null, workshopIds: string[], now = new Date()): Promise<Map<string, ResourceListItem[]>> {
  const map = new Map<string, ResourceListItem[]>();
  if (workshopIds.length === 0) return map;
  const rows = await db
    .select({ ...listColumns, workshopId: workshopResources.workshopId })
    .from(workshopResources)
    .innerJoin(resources, eq(resources.id, workshopResources.resourceId))
    .leftJoin(users, eq(users.id, resources.authorId))
    .leftJoin(places, eq(places.id, resources.placeId))
    .where(and(inArray(workshopResources.workshopId, [...new Set(workshopIds)]), visibleResources(actor)))
    .orderBy(asc(workshopResources.position), asc(resources.title));
  const items = await itemsFor(db, rows, now);
  rows.forEach((row, i) => {
    const list = map.get(row.workshopId) ?? [];
    list.push(items[i]!);
    map.set(row.workshopId, list);
  });
  return map;
}

// Workshops a member of staff may attach a resource to (the resource page's form).
export async function attachableWorkshops(actor: Actor | null): Promise<{ slug: string; title: string }[]> {
  if (!actor) return [];
  if (isCoordinator(actor)) return db.select({ slug: workshops.slug, title: workshops.title }).from(workshops).orderBy(asc(workshops.title));
  if (!can(actor, 'workshop:manage', 'any-place')) return [];
  return db
    .selectDistinct({ slug: workshops.slug, title: workshops.title })
    .from(workshops)
    .innerJoin(workshopPlaces, eq(workshopPlaces.workshopId, workshops.id))
    .where(
      inArray(
        workshopPlaces.placeId,
        actor.staffedPlaceIds.filter((placeId) => can(actor, 'workshop:manage', { placeId })),
      ),
    )
    .orderBy(asc(workshops.title));
}

// The supports of the workshops of some sessions, by session id (Mon espace, under the
// sessions the person attended).
export async function supportsOfSessions(actor: Actor | null, sessionIds: string[]): Promise<Map<string, ResourceListItem[]>> {
  const map = new Map<string, ResourceListItem[]>();
  if (sessionIds.length === 0) return map;
  const rows = await db.select({ id: sessions.id, workshopId: sessions.workshopId }).from(sessions).where(inArray(sessions.id, sessionIds));
  const byWorkshop = await supportsOfWorkshops(
    actor,
    rows.map((r) => r.workshopId),
  );
  for (const row of rows) map.set(row.id, byWorkshop.get(row.workshopId) ?? []);
  return map;
}

// Resources a member of staff may attach to a workshop from its page: those of the places they
// staff (every one for coordinators), newest first, not drafts.
export async function attachableResources(actor: Actor | null, limit = 200): Promise<{ slug: string; title: string }[]> {
  if (!mayPublish(actor)) return [];
  const scope = isCoordinator(actor)
    ? sql`true`
    : sql`${resources.placeId} in (${sql.join(
        actor!.staffedPlaceIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;
  return db
    .select({ slug: resources.slug, title: resources.title })
    .from(resources)
    .where(and(scope, sql`${resources.visibility} <> 'draft'`, isNull(resources.hiddenAt)))
    .orderBy(desc(resources.updatedAt))
    .limit(limit);
}

// May this person choose the supports of this workshop (from its page)?
export async function mayChooseSupports(actor: Actor | null, workshopId: string): Promise<boolean> {
  if (!actor) return false;
  if (isCoordinator(actor)) return true;
  const placeIds = (await db.select({ placeId: workshopPlaces.placeId }).from(workshopPlaces).where(eq(workshopPlaces.workshopId, workshopId))).map((p) => p.placeId);
  return placeIds.some((placeId) => can(actor, 'workshop:manage', { placeId }));
}
