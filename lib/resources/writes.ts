import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { places, resources, revisions } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertSignedIn, can, type Actor } from '@/lib/auth/policy';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '@/lib/errors';
import { listRevisions, recordRevision, type RevisionContent } from '@/lib/revisions';
import { slugCandidate, slugify } from '@/lib/slug';
import { parseInput } from '@/lib/validation';
import { createResourceSchema, updateResourceSchema } from './schema';
import { loadVisible } from './reads';
import { staffOf, canEditResource, isCoordinator } from './visibility';

// Writing the library: publishing, editing, versions, and where one may publish.

async function placeIdOf(tx: Executor, slug: string): Promise<string> {
  const [place] = await tx.select({ id: places.id }).from(places).where(eq(places.slug, slug));
  if (!place) throw new ValidationError({ place: ['Ce lieu n’existe pas.'] });
  return place.id;
}

function assertMayPublishAt(actor: Actor | null, placeId: string): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!staffOf(actor, placeId)) throw new ForbiddenError('Seuls les médiateurs de ce lieu et la coordination peuvent y publier une ressource.');
}

// The editable fields as text, for lib/revisions (diffs) and restoring.
function revisionContent(r: {
  title: string;
  summary: string;
  body: string;
  type: string;
  themes: string[];
  audiences: string[];
  level: string | null;
  licence: string;
  visibility: string;
  links: { url: string; label: string }[];
}): RevisionContent {
  return {
    title: r.title,
    summary: r.summary,
    body: r.body,
    type: r.type,
    themes: r.themes.join('\n'),
    audiences: r.audiences.join('\n'),
    level: r.level ?? '',
    licence: r.licence,
    visibility: r.visibility,
    links: r.links.map((l) => `${l.label} — ${l.url}`).join('\n'),
  };
}

function linksFromText(value: string): { url: string; label: string }[] {
  return value
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const at = line.lastIndexOf(' — ');
      return { label: line.slice(0, at), url: line.slice(at + 3) };
    });
}

export async function createResource(actor: Actor | null, input: unknown, now = new Date()): Promise<{ id: string; slug: string }> {
  assertSignedIn(actor);
  const data = parseInput(createResourceSchema, input);
  return db.transaction(async (tx) => {
    const placeId = await placeIdOf(tx, data.place);
    assertMayPublishAt(actor, placeId);
    const base = slugify(data.title, 70);
    const values = {
      title: data.title,
      summary: data.summary,
      body: data.body,
      type: data.type,
      themes: data.themes,
      audiences: data.audiences,
      level: data.level,
      licence: data.licence,
      visibility: data.visibility,
      links: data.links,
      authorId: actor.id,
      placeId,
      reviewedAt: now,
      publishedAt: data.visibility === 'public' ? now : null,
      createdAt: now,
      updatedAt: now,
    };
    for (let attempt = 1; attempt < 100; attempt++) {
      const slug = slugCandidate(base, attempt);
      const [row] = await tx.insert(resources).values({ ...values, slug }).onConflictDoNothing({ target: resources.slug }).returning({ id: resources.id });
      if (!row) continue;
      await recordRevision(tx, { kind: 'resource', id: row.id }, actor.id, revisionContent(values), now);
      await writeAudit(tx, { actorId: actor.id, action: 'resource.create', entityType: 'resource', entityId: row.id, after: { slug, ...values } });
      return { id: row.id, slug };
    }
    throw new ValidationError({ title: ['Trop de ressources portent déjà ce titre.'] });
  });
}

export async function loadForEdit(tx: Executor, actor: Actor | null, slug: string) {
  const row = await loadVisible(tx, actor, slug);
  if (!actor) throw new UnauthenticatedError();
  if (!canEditResource(actor, row)) throw new ForbiddenError('Seuls l’auteur et l’équipe du lieu peuvent modifier cette ressource.');
  return row;
}

// 404 when the actor cannot see it, 401/403 when they may not edit it.
export async function assertMayEditResource(actor: Actor | null, slug: string): Promise<void> {
  await loadForEdit(db, actor, slug);
}

export async function updateResource(actor: Actor | null, slug: string, input: unknown, now = new Date()): Promise<{ slug: string }> {
  const data = parseInput(updateResourceSchema, input);
  return db.transaction(async (tx) => {
    const before = await loadForEdit(tx, actor, slug);
    let placeId = before.placeId;
    if (data.place !== undefined) {
      placeId = await placeIdOf(tx, data.place);
      if (placeId !== before.placeId) assertMayPublishAt(actor, placeId);
    }
    const { place: _place, reviewed, ...fields } = data;
    const after = {
      title: fields.title ?? before.title,
      summary: fields.summary ?? before.summary,
      body: fields.body ?? before.body,
      type: fields.type ?? before.type,
      themes: fields.themes ?? before.themes,
      audiences: fields.audiences ?? before.audiences,
      level: fields.level === undefined ? before.level : fields.level,
      licence: fields.licence ?? before.licence,
      visibility: fields.visibility ?? before.visibility,
      links: fields.links ?? before.links,
    };
    const contentChanged = JSON.stringify(revisionContent(after)) !== JSON.stringify(revisionContent(before));
    await tx
      .update(resources)
      .set({
        ...after,
        placeId,
        updatedAt: contentChanged || placeId !== before.placeId ? now : before.updatedAt,
        ...(contentChanged || reviewed ? { reviewedAt: now } : {}),
        ...(after.visibility === 'public' && before.visibility !== 'public' ? { publishedAt: now } : {}),
      })
      .where(eq(resources.id, before.id));
    if (contentChanged) {
      // A resource written without a first version (imported, seeded) gets its previous state
      // recorded first, so that it can be restored.
      const [first] = await tx.select({ id: revisions.id }).from(revisions).where(eq(revisions.resourceId, before.id)).limit(1);
      if (!first) await recordRevision(tx, { kind: 'resource', id: before.id }, before.authorId, revisionContent(before), before.updatedAt);
      await recordRevision(tx, { kind: 'resource', id: before.id }, actor!.id, revisionContent(after), now);
    }
    await writeAudit(tx, { actorId: actor!.id, action: 'resource.update', entityType: 'resource', entityId: before.id, before: revisionContent(before), after: revisionContent(after) });
    return { slug };
  });
}

// The versions of a resource, for those who may edit it.
export async function resourceHistory(actor: Actor | null, slug: string) {
  const row = await loadForEdit(db, actor, slug);
  return listRevisions(db, { kind: 'resource', id: row.id });
}

// Restoring a version saves its content again (itself a new version).
export async function restoreResourceVersion(actor: Actor | null, slug: string, revisionId: string, now = new Date()): Promise<void> {
  const row = await loadForEdit(db, actor, slug);
  const versions = await listRevisions(db, { kind: 'resource', id: row.id });
  const version = versions.find((v) => v.id === revisionId);
  if (!version) throw new NotFoundError('Cette version n’existe pas.');
  const c = version.content;
  await updateResource(
    actor,
    slug,
    {
      title: c.title,
      summary: c.summary,
      body: c.body,
      type: c.type,
      themes: c.themes ? c.themes.split('\n') : [],
      audiences: c.audiences ? c.audiences.split('\n') : [],
      level: c.level || null,
      licence: c.licence,
      visibility: c.visibility,
      links: linksFromText(c.links ?? ''),
    },
    now,
  );
}

// Places where this person may publish (the form's list).
export async function publishablePlaces(actor: Actor | null): Promise<{ slug: string; name: string }[]> {
  if (!actor) return [];
  if (isCoordinator(actor)) return db.select({ slug: places.slug, name: places.name }).from(places).orderBy(asc(places.name));
  const ids = actor.staffedPlaceIds.filter((placeId) => can(actor, 'resource:publish', { placeId }));
  if (ids.length === 0) return [];
  return db.select({ slug: places.slug, name: places.name }).from(places).where(inArray(places.id, ids)).orderBy(asc(places.name));
}
