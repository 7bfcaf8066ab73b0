import 'server-only';
import { and, asc, count, eq, gt, inArray, like, or, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { places, sessions, workshopPlaces, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertCan, assertSignedIn, can, isEmptyScope, placeScope, type Actor } from '@/lib/auth/policy';
import { inScope } from '@/lib/auth/place-scope';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { slugCandidate, slugify } from '@/lib/slug';
import { parseInput } from '@/lib/validation';
import type { Audience, Level, Theme } from '@/lib/vocabulary';
import { createWorkshopSchema, updateWorkshopSchema, type WorkshopStatus } from './schema';
import { workshopContentColumns, type WorkshopContent } from './workshop-content';
import { notifyWishersWhenOpen } from '@/lib/wishes/notify';

// Building the catalogue: staff create, edit, publish and archive workshops.
//
// Who may do what (policy action 'workshop:manage', scoped to a place):
// - a coordinator: every workshop, every place;
// - a mediator: a workshop that at least one of the places they staff runs. When creating, every
//   place chosen must be one they staff; when editing, they may add or remove only places they
//   staff — the other places of a shared workshop stay as they are.
// - A workshop with no place at all (not made by this code) is the coordinators' alone.

export type PlaceRef = { id: string; slug: string; name: string; commune: string };

export type WorkshopView = WorkshopContent & {
  status: WorkshopStatus;
  places: PlaceRef[];
  createdAt: Date;
  updatedAt: Date;
};

const NOT_FOUND = 'Cet atelier n’existe pas.';
const NOT_YOURS = 'Cet atelier n’est proposé dans aucun des lieux où vous intervenez.';
const PLACE_NOT_YOURS = 'Vous ne pouvez choisir que les lieux où vous intervenez.';
const PLACE_KEPT = 'Vous ne pouvez pas retirer un lieu où vous n’intervenez pas.';

// May the actor manage a workshop run by these places?
export function canManageWorkshop(actor: Actor | null, placeIds: readonly string[]): boolean {
  if (placeIds.length === 0) return placeScope(actor) === 'all';
  return placeIds.some((placeId) => can(actor, 'workshop:manage', { placeId }));
}

function assertCanManageWorkshop(actor: Actor | null, placeIds: readonly string[]): asserts actor is Actor {
  assertSignedIn(actor);
  if (!canManageWorkshop(actor, placeIds)) throw new ForbiddenError(NOT_YOURS);
}

const workshopColumns = {
  ...workshopContentColumns,
  status: workshops.status,
  createdAt: workshops.createdAt,
  updatedAt: workshops.updatedAt,
};

async function placesOf(tx: Executor, workshopIds: string[]): Promise<Map<string, PlaceRef[]>> {
  const map = new Map<string, PlaceRef[]>();
  if (workshopIds.length === 0) return map;
  const rows = await tx
    .select({ workshopId: workshopPlaces.workshopId, id: places.id, slug: places.slug, name: places.name, commune: places.commune })
    .from(workshopPlaces)
    .innerJoin(places, eq(places.id, workshopPlaces.placeId))
    .where(inArray(workshopPlaces.workshopId, workshopIds))
    .orderBy(asc(places.commune), asc(places.name));
  for (const { workshopId, ...place } of rows) map.set(workshopId, [...(map.get(workshopId) ?? []), place]);
  return map;
}

async function loadWorkshop(tx: Executor, where: { slug: string } | { id: string }, lock = false): Promise<WorkshopView | null> {
  const query = tx
    .select(workshopColumns)
    .from(workshops)
    .where('slug' in where ? eq(workshops.slug, where.slug) : eq(workshops.id, where.id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) return null;
  const placeMap = await placesOf(tx, [row.id]);
  return { ...row, themes: row.themes as Theme[], audiences: row.audiences as Audience[], places: placeMap.get(row.id) ?? [] };
}

// The places the actor may attach a workshop to: all active places for a coordinator, the
// places they staff for a mediator.
export async function placeChoicesFor(actor: Actor | null): Promise<PlaceRef[]> {
  assertCan(actor, 'mediation:view');
  const scope = placeScope(actor);
  if (isEmptyScope(scope)) return [];
  return db
    .select({ id: places.id, slug: places.slug, name: places.name, commune: places.commune })
    .from(places)
    .where(scope === 'all' ? eq(places.active, true) : inScope(places.id, scope))
    .orderBy(asc(places.commune), asc(places.name));
}

export type ManagedWorkshop = {
  id: string;
  slug: string;
  title: string;
  status: WorkshopStatus;
  level: Level;
  durationMinutes: number;
  places: PlaceRef[];
  upcomingSessions: number;
};

// "Mes ateliers": the workshops the actor may manage, optionally of one place or status.
export async function listManagedWorkshops(
  actor: Actor | null,
  { placeId, status, now = new Date() }: { placeId?: string; status?: WorkshopStatus; now?: Date } = {},
): Promise<ManagedWorkshop[]> {
  assertCan(actor, 'mediation:view');
  const actorScope = placeScope(actor);
  const scope = actorScope === 'all' ? (placeId ? [placeId] : null) : actorScope.filter((id) => !placeId || id === placeId);
  if (scope && scope.length === 0) return [];
  // `${workshops}.id`, not `${workshops.id}`: in a one-table select drizzle leaves columns unqualified,
  // and a bare "id" would name the subquery's own column.
  const upcoming = sql<number>`(select count(*)::int from ${sessions} s where s.workshop_id = ${workshops}.id and s.status = 'scheduled' and s.starts_at > ${now.toISOString()}::timestamptz)`;
  const rows = await db
    .select({
      id: workshops.id,
      slug: workshops.slug,
      title: workshops.title,
      status: workshops.status,
      level: workshops.level,
      durationMinutes: workshops.durationMinutes,
      upcomingSessions: upcoming,
    })
    .from(workshops)
    .where(
      and(
        scope ? inArray(workshops.id, db.select({ id: workshopPlaces.workshopId }).from(workshopPlaces).where(inArray(workshopPlaces.placeId, scope))) : undefined,
        status ? eq(workshops.status, status) : undefined,
      ),
    )
    .orderBy(sql`case ${workshops.status} when 'draft' then 0 when 'published' then 1 else 2 end`, asc(workshops.title));
  const placeMap = await placesOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, places: placeMap.get(r.id) ?? [] }));
}

export type WorkshopForEdit = WorkshopView & {
  // Places whose membership the actor may change (the rest is shown, and kept).
  placeChoices: PlaceRef[];
  manageablePlaceIds: string[];
};

// One workshop with what its edit form needs; 404 if unknown, 403 if not the actor's.
export async function getWorkshopForEdit(actor: Actor | null, slug: string): Promise<WorkshopForEdit> {
  assertSignedIn(actor);
  const workshop = await loadWorkshop(db, { slug });
  if (!workshop) throw new NotFoundError(NOT_FOUND);
  assertCanManageWorkshop(actor, workshop.places.map((p) => p.id));
  const choices = await placeChoicesFor(actor);
  const manageablePlaceIds = [...choices, ...workshop.places].filter((p) => can(actor, 'workshop:manage', { placeId: p.id })).map((p) => p.id);
  return { ...workshop, placeChoices: choices, manageablePlaceIds: [...new Set(manageablePlaceIds)] };
}

async function assertPlacesExist(tx: Executor, placeIds: string[]): Promise<void> {
  if (placeIds.length === 0) return;
  const found = await tx.select({ id: places.id }).from(places).where(inArray(places.id, placeIds));
  if (found.length !== placeIds.length) throw new ValidationError({ placeIds: ['Un des lieux choisis n’existe pas.'] });
}

// A slug from the title, unique among workshops (a suffix "-2", "-3"… when taken). Never changes
// afterwards, so that shared links keep working.
async function insertWithUniqueSlug(tx: Executor, title: string, values: Omit<typeof workshops.$inferInsert, 'slug'>): Promise<string> {
  const base = slugify(title);
  const taken = new Set(
    (await tx.select({ slug: workshops.slug }).from(workshops).where(or(eq(workshops.slug, base), like(workshops.slug, `${base}-%`)))).map((r) => r.slug),
  );
  for (let attempt = 1; attempt < 1000; attempt++) {
    const slug = slugCandidate(base, attempt);
    if (taken.has(slug)) continue;
    // Another request may take the same slug between our read and our insert.
    const [row] = await tx.insert(workshops).values({ ...values, slug }).onConflictDoNothing({ target: workshops.slug }).returning({ id: workshops.id });
    if (row) return row.id;
  }
  throw new ConflictError('Impossible de trouver une adresse libre pour cet atelier. Changez un peu le titre.');
}

function auditSnapshot(w: WorkshopView) {
  const { createdAt: _c, updatedAt: _u, places: placeRefs, ...rest } = w;
  return { ...rest, placeIds: placeRefs.map((p) => p.id) };
}

export async function createWorkshop(actor: Actor | null, input: unknown): Promise<WorkshopView> {
  assertSignedIn(actor);
  assertCan(actor, 'workshop:manage', 'any-place');
  const data = parseInput(createWorkshopSchema, input);
  return db.transaction(async (tx) => {
    await assertPlacesExist(tx, data.placeIds);
    if (data.placeIds.some((placeId) => !can(actor, 'workshop:manage', { placeId }))) throw new ForbiddenError(PLACE_NOT_YOURS);
    const { placeIds, ...fields } = data;
    const id = await insertWithUniqueSlug(tx, data.title, { ...fields, createdById: actor.id });
    await tx.insert(workshopPlaces).values(placeIds.map((placeId) => ({ workshopId: id, placeId })));
    const created = (await loadWorkshop(tx, { id }))!;
    await writeAudit(tx, { actorId: actor.id, action: 'workshop.create', entityType: 'workshop', entityId: id, after: auditSnapshot(created) });
    return created;
  });
}

const STATUS_ACTIONS: Record<WorkshopStatus, string> = { draft: 'workshop.unpublish', published: 'workshop.publish', archived: 'workshop.archive' };

// Edits fields, places and/or status of a workshop. Archiving is refused while sessions are
// still to come: they must be cancelled first, so that nobody is left signed up to a workshop
// that vanished from the catalogue.
export async function updateWorkshop(actor: Actor | null, slug: string, input: unknown, { now = new Date() } = {}): Promise<WorkshopView> {
  assertSignedIn(actor);
  assertCan(actor, 'workshop:manage', 'any-place');
  const data = parseInput(updateWorkshopSchema, input);
  return db.transaction(async (tx) => {
    const before = await loadWorkshop(tx, { slug }, true);
    if (!before) throw new NotFoundError(NOT_FOUND);
    const currentPlaceIds = before.places.map((p) => p.id);
    assertCanManageWorkshop(actor, currentPlaceIds);

    const { placeIds, status, ...fields } = data;
    if (placeIds) {
      await assertPlacesExist(tx, placeIds);
      const added = placeIds.filter((id) => !currentPlaceIds.includes(id));
      const removed = currentPlaceIds.filter((id) => !placeIds.includes(id));
      if (added.some((placeId) => !can(actor, 'workshop:manage', { placeId }))) throw new ForbiddenError(PLACE_NOT_YOURS);
      if (removed.some((placeId) => !can(actor, 'workshop:manage', { placeId }))) throw new ForbiddenError(PLACE_KEPT);
      if (removed.length > 0) {
        const [{ n }] = (await tx
          .select({ n: count() })
          .from(sessions)
          .where(and(eq(sessions.workshopId, before.id), inArray(sessions.placeId, removed), eq(sessions.status, 'scheduled'), gt(sessions.startsAt, now)))) as [{ n: number }];
        if (n > 0) {
          throw new ConflictError('Ce lieu a encore des séances à venir pour cet atelier. Annulez-les d’abord.', {
            placeIds: ['Ce lieu a encore des séances à venir pour cet atelier. Annulez-les d’abord.'],
          });
        }
        await tx.delete(workshopPlaces).where(and(eq(workshopPlaces.workshopId, before.id), inArray(workshopPlaces.placeId, removed)));
      }
      if (added.length > 0) await tx.insert(workshopPlaces).values(added.map((placeId) => ({ workshopId: before.id, placeId })));
    }

    if (status === 'archived' && before.status !== 'archived') {
      const [{ n }] = (await tx
        .select({ n: count() })
        .from(sessions)
        .where(and(eq(sessions.workshopId, before.id), eq(sessions.status, 'scheduled'), gt(sessions.startsAt, now)))) as [{ n: number }];
      if (n > 0) {
        throw new ConflictError(
          n === 1
            ? 'Cet atelier a encore 1 séance à venir. Annulez-la avant d’archiver l’atelier.'
            : `Cet atelier a encore ${n} séances à venir. Annulez-les avant d’archiver l’atelier.`,
        );
      }
    }

    await tx
      .update(workshops)
      .set({ ...fields, ...(status ? { status } : {}), updatedAt: now })
      .where(eq(workshops.id, before.id));
    const after = (await loadWorkshop(tx, { id: before.id }))!;
    if (status === 'published' && before.status !== 'published') await notifyWishersWhenOpen(tx, before.id, now);
    const entries = [];
    const { status: _s, ...rest } = data;
    if (Object.keys(rest).length > 0) {
      entries.push({ actorId: actor.id, action: 'workshop.update', entityType: 'workshop', entityId: before.id, before: auditSnapshot(before), after: auditSnapshot(after) });
    }
    if (status && status !== before.status) {
      entries.push({ actorId: actor.id, action: STATUS_ACTIONS[status], entityType: 'workshop', entityId: before.id, before: { status: before.status }, after: { status } });
    }
    await writeAudit(tx, entries);
    return after;
  });
}

// For the buttons "Publier", "Archiver", "Repasser en brouillon".
export function setWorkshopStatus(actor: Actor | null, slug: string, status: WorkshopStatus, options: { now?: Date } = {}): Promise<WorkshopView> {
  return updateWorkshop(actor, slug, { status }, options);
}
