import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { isUuid } from '@/lib/ids';
import { blobs, places, reports, resourceFiles, resourceRatings, resources, revisions, sessions, users, workshopPlaces, workshopResources, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertSignedIn, can, type Actor } from '@/lib/auth/policy';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '@/lib/errors';
import { fileReport, openReportsOf, reportInputSchema, resolveReports } from '@/lib/moderation/reports';
import { listRevisions, recordRevision, type RevisionContent } from '@/lib/revisions';
import { type FrenchCorpus, frenchSearch, searchWords } from '@/lib/search/french';
import { slugCandidate, slugify } from '@/lib/slug';
import { readBlobStream, storeStream } from '@/lib/storage';
import { makePreview } from './previews';
import { parseInput } from '@/lib/validation';
import type { Audience, Level, Licence, ResourceType, ResourceVisibility, Theme } from '@/lib/vocabulary';
import {
  createResourceSchema,
  ratingSchema,
  RESOURCE_PAGE_SIZE,
  resourceSearchSchema,
  type ResourceSearch,
  updateResourceSchema,
  workshopResourcesSchema,
} from './schema';

// The network's resource library. ONE visibility rule (`visibleResources`) decides what a
// person sees, and every list, count, search, page, file download and API answer goes through
// it:
// - draft ("brouillon"): its author and the staff of its place;
// - network ("réseau"): mediators and coordinators, plus learners signed up to (or present at) a
//   session of a workshop it supports;
// - public: everyone.
// A resource hidden after a report is seen only by its author and the staff of its place.
// Coordinators are staff of every place.

const NOT_FOUND = 'Cette ressource n’existe pas, ou vous n’avez pas le droit de la voir.';

const isCoordinator = (actor: Actor | null) => Boolean(actor?.roles.includes('coordinator'));
const isMediator = (actor: Actor | null) => Boolean(actor?.roles.includes('mediator'));

// Is the actor staff of this place (coordinators: of every place)?
function staffOf(actor: Actor | null, placeId: string | null): boolean {
  if (!actor) return false;
  if (isCoordinator(actor)) return true;
  return placeId !== null && can(actor, 'resource:publish', { placeId });
}

// The rule, as a condition on the row `alias` of the resources table ("resources" by default).
export function visibleResources(actor: Actor | null, alias = 'resources'): SQL {
  const r = sql.raw(`"${alias}"`);
  const shown = sql`${r}.hidden_at is null`;
  const isPublic = sql`(${shown} and ${r}.visibility = 'public')`;
  if (!actor) return isPublic;
  if (isCoordinator(actor)) return sql`true`;
  const mine = sql`${r}.author_id = ${actor.id}`;
  const staffed =
    isMediator(actor) && actor.staffedPlaceIds.length > 0
      ? sql`${r}.place_id in (${sql.join(
          actor.staffedPlaceIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql`false`;
  const network = isMediator(actor)
    ? sql`true`
    : sql`exists (select 1 from workshop_resources wr join sessions s on s.workshop_id = wr.workshop_id
        where wr.resource_id = ${r}.id and (
          exists (select 1 from enrollments e where e.session_id = s.id and e.user_id = ${actor.id} and e.status = 'confirmed')
          or exists (select 1 from attendance a where a.session_id = s.id and a.user_id = ${actor.id} and a.status in ('present', 'late'))))`;
  return sql`(${mine} or ${staffed} or ${isPublic} or (${shown} and ${r}.visibility = 'network' and ${network}))`;
}

// ——— Reading ———

export type ResourceFileView = { id: string; name: string; contentType: string; size: number; downloads: number; url: string; previewUrl: string | null };
export type ResourceListItem = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  type: ResourceType;
  themes: Theme[];
  audiences: Audience[];
  level: Level | null;
  licence: Licence;
  visibility: ResourceVisibility;
  place: { slug: string; name: string } | null;
  author: { name: string | null };
  files: ResourceFileView[];
  links: { url: string; label: string }[];
  rating: { average: number | null; count: number };
  downloads: number;
  updatedAt: Date;
  reviewedAt: Date;
  toReview: boolean;
  hidden: boolean;
};

// "À revoir" after 18 months without review.
export const REVIEW_MONTHS = 18;
export function needsReview(reviewedAt: Date, now = new Date()): boolean {
  const limit = new Date(now);
  limit.setMonth(limit.getMonth() - REVIEW_MONTHS);
  return reviewedAt < limit;
}

export const fileUrl = (slug: string, fileId: string) => `/api/v1/resources/${encodeURIComponent(slug)}/files/${fileId}`;

const listColumns = {
  id: resources.id,
  slug: resources.slug,
  title: resources.title,
  summary: resources.summary,
  type: resources.type,
  themes: resources.themes,
  audiences: resources.audiences,
  level: resources.level,
  licence: resources.licence,
  visibility: resources.visibility,
  links: resources.links,
  authorId: resources.authorId,
  placeId: resources.placeId,
  authorName: users.name,
  placeSlug: places.slug,
  placeName: places.name,
  ratingCount: resources.ratingCount,
  ratingTotal: resources.ratingTotal,
  downloads: resources.downloads,
  updatedAt: resources.updatedAt,
  reviewedAt: resources.reviewedAt,
  hiddenAt: resources.hiddenAt,
};
type ListRow = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  type: string;
  themes: string[];
  audiences: string[];
  level: Level | null;
  licence: string;
  visibility: ResourceVisibility;
  links: { url: string; label: string }[];
  authorId: string | null;
  placeId: string | null;
  authorName: string | null;
  placeSlug: string | null;
  placeName: string | null;
  ratingCount: number;
  ratingTotal: number;
  downloads: number;
  updatedAt: Date;
  reviewedAt: Date;
  hiddenAt: Date | null;
};

async function filesOf(tx: Executor, ids: string[]): Promise<Map<string, (typeof resourceFiles.$inferSelect)[]>> {
  const map = new Map<string, (typeof resourceFiles.$inferSelect)[]>();
  if (ids.length === 0) return map;
  const rows = await tx.select().from(resourceFiles).where(inArray(resourceFiles.resourceId, ids)).orderBy(asc(resourceFiles.createdAt), asc(resourceFiles.id));
  for (const row of rows) {
    const list = map.get(row.resourceId) ?? [];
    list.push(row);
    map.set(row.resourceId, list);
  }
  return map;
}

function toItem(row: ListRow, files: (typeof resourceFiles.$inferSelect)[], now: Date): ResourceListItem {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    type: row.type as ResourceType,
    themes: row.themes as Theme[],
    audiences: row.audiences as Audience[],
    level: row.level,
    licence: row.licence as Licence,
    visibility: row.visibility,
    place: row.placeSlug && row.placeName ? { slug: row.placeSlug, name: row.placeName } : null,
    author: { name: row.authorName },
    files: files.map((f) => ({ id: f.id, name: f.name, contentType: f.contentType, size: f.size, downloads: f.downloads, url: fileUrl(row.slug, f.id), previewUrl: f.previewBlobId ? `${fileUrl(row.slug, f.id)}/preview` : null })),
    links: row.links,
    rating: { average: row.ratingCount > 0 ? Math.round((row.ratingTotal / row.ratingCount) * 10) / 10 : null, count: row.ratingCount },
    downloads: row.downloads,
    updatedAt: row.updatedAt,
    reviewedAt: row.reviewedAt,
    toReview: needsReview(row.reviewedAt, now),
    hidden: row.hiddenAt !== null,
  };
}

async function itemsFor(tx: Executor, rows: ListRow[], now = new Date()): Promise<ResourceListItem[]> {
  const files = await filesOf(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toItem(row, files.get(row.id) ?? [], now));
}

// Words that no visible-to-someone document contains are taken as typos. Drafts and hidden
// resources are left out so that a search reveals nothing of them.
const resourceCorpus: FrenchCorpus = {
  vector: sql`"resources".search_vector`,
  text: sql`"resources".search_text`,
  anyDocumentMatches: (query) => sql`exists (select 1 from resources r2 where r2.search_vector @@ ${query} and r2.visibility <> 'draft' and r2.hidden_at is null)`,
};

export type ResourceSearchResult = { query: ResourceSearch; items: ResourceListItem[]; total: number; page: number; pageCount: number; pageSize: number };

// Parses the query of /ressources or of the API: invalid filters throw (API: 400); `lenient`
// drops them instead (the page keeps working with a hand-edited address).
export function parseResourceSearch(input: Record<string, string | string[] | undefined>, { lenient = false } = {}): ResourceSearch {
  const result = resourceSearchSchema.safeParse(input);
  if (result.success) return result.data;
  if (!lenient) return parseInput(resourceSearchSchema, input);
  const bad = new Set(result.error.issues.map((i) => String(i.path[0])));
  const kept = Object.fromEntries(Object.entries(input).filter(([key]) => !bad.has(key)));
  return resourceSearchSchema.safeParse(kept).data ?? {};
}

export async function searchResources(actor: Actor | null, query: ResourceSearch, { pageSize = RESOURCE_PAGE_SIZE, now = new Date() } = {}): Promise<ResourceSearchResult> {
  const words = searchWords(query.q);
  const { score, condition } = frenchSearch(resourceCorpus, words);
  const conditions: SQL[] = [visibleResources(actor)];
  if (condition) conditions.push(condition);
  if (query.theme?.length) conditions.push(sql`${resources.themes} && ${sql`array[${sql.join(query.theme.map((t) => sql`${t}`), sql`, `)}]::text[]`}`);
  if (query.audience?.length) conditions.push(sql`${resources.audiences} && ${sql`array[${sql.join(query.audience.map((t) => sql`${t}`), sql`, `)}]::text[]`}`);
  if (query.type?.length) conditions.push(inArray(resources.type, query.type));
  if (query.level?.length) conditions.push(inArray(resources.level, query.level));
  if (query.licence?.length) conditions.push(inArray(resources.licence, query.licence));
  if (query.place) conditions.push(eq(places.slug, query.place));
  const sort = query.sort ?? 'recent';
  const order =
    sort === 'useful'
      ? [sql`(${resources.ratingTotal} + 5.0) / (${resources.ratingCount} + 2) desc`, desc(resources.updatedAt)]
      : sort === 'downloads'
        ? [desc(resources.downloads), desc(resources.updatedAt)]
        : [desc(resources.updatedAt)];
  if (words.length > 0 && !query.sort) order.unshift(sql`${score} desc`);
  const page = query.page ?? 1;
  const rows = await db
    .select({ ...listColumns, total: sql<number>`count(*) over ()::int` })
    .from(resources)
    .leftJoin(users, eq(users.id, resources.authorId))
    .leftJoin(places, eq(places.id, resources.placeId))
    .where(and(...conditions))
    .orderBy(...order, asc(resources.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    const [counted] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(resources)
      .leftJoin(places, eq(places.id, resources.placeId))
      .where(and(...conditions));
    total = counted?.n ?? 0;
  }
  return { query, items: await itemsFor(db, rows, now), total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export type ResourceDetail = ResourceListItem & {
  body: string;
  placeId: string | null;
  authorId: string | null;
  hiddenReason: string | null;
  workshops: { slug: string; title: string }[];
  myRating: number | null;
  canEdit: boolean;
  canModerate: boolean;
};

async function loadVisible(tx: Executor, actor: Actor | null, slug: string): Promise<ListRow & { body: string; hiddenReason: string | null }> {
  const [row] = await tx
    .select({ ...listColumns, body: resources.body, hiddenReason: resources.hiddenReason })
    .from(resources)
    .leftJoin(users, eq(users.id, resources.authorId))
    .leftJoin(places, eq(places.id, resources.placeId))
    .where(and(eq(resources.slug, slug), visibleResources(actor)));
  if (!row) throw new NotFoundError(NOT_FOUND);
  return row;
}

export function canEditResource(actor: Actor | null, resource: { authorId: string | null; placeId: string | null }): boolean {
  if (!actor) return false;
  return resource.authorId === actor.id || staffOf(actor, resource.placeId);
}

export async function getResource(actor: Actor | null, slug: string, now = new Date()): Promise<ResourceDetail> {
  const row = await loadVisible(db, actor, slug);
  const [[item], linked, mine] = await Promise.all([
    itemsFor(db, [row], now),
    db
      .select({ slug: workshops.slug, title: workshops.title })
      .from(workshopResources)
      .innerJoin(workshops, eq(workshops.id, workshopResources.workshopId))
      .where(and(eq(workshopResources.resourceId, row.id), eq(workshops.status, 'published')))
      .orderBy(asc(workshops.title)),
    actor
      ? db
          .select({ value: resourceRatings.value })
          .from(resourceRatings)
          .where(and(eq(resourceRatings.resourceId, row.id), eq(resourceRatings.userId, actor.id)))
      : Promise.resolve([]),
  ]);
  return {
    ...item!,
    body: row.body,
    placeId: row.placeId,
    authorId: row.authorId,
    hiddenReason: row.hiddenReason,
    workshops: linked,
    myRating: mine[0]?.value ?? null,
    canEdit: canEditResource(actor, row),
    canModerate: staffOf(actor, row.placeId),
  };
}

// ——— Writing ———

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

async function loadForEdit(tx: Executor, actor: Actor | null, slug: string) {
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

// ——— Files ———

export type StoredFile = { id: string; name: string; contentType: string; size: number; sha256: string; url: string };

// A file name as shown and offered for download: no path, no control characters.
export function cleanFileName(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 150);
  const stem = base.replace(/\.[^.]*$/, '') || 'document';
  return `${stem}.${ext}`;
}

// Adds a file to a resource, read from a stream (see lib/storage: type, size, dedup). The
// permission is checked before a single byte is read.
export async function addResourceFile(actor: Actor | null, slug: string, file: { name: string; stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> }): Promise<StoredFile> {
  const resource = await loadForEdit(db, actor, slug);
  const blob = await storeStream(file.stream);
  const name = cleanFileName(file.name, blob.ext);
  const previewBlobId = await makePreview(blob);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(resourceFiles)
      .values({ resourceId: resource.id, blobId: blob.id, previewBlobId, name, contentType: blob.contentType, size: blob.size, sha256: blob.sha256, createdById: actor!.id })
      .returning({ id: resourceFiles.id });
    await tx.update(resources).set({ updatedAt: new Date() }).where(eq(resources.id, resource.id));
    await writeAudit(tx, { actorId: actor!.id, action: 'resource.file.add', entityType: 'resource', entityId: resource.id, after: { name, sha256: blob.sha256, size: blob.size } });
    return { id: row!.id, name, contentType: blob.contentType, size: blob.size, sha256: blob.sha256, url: fileUrl(slug, row!.id) };
  });
}

export async function removeResourceFile(actor: Actor | null, slug: string, fileId: string): Promise<void> {
  const resource = await loadForEdit(db, actor, slug);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(resourceFiles)
      .where(and(eq(resourceFiles.id, fileId), eq(resourceFiles.resourceId, resource.id)))
      .returning({ name: resourceFiles.name });
    if (removed.length === 0) throw new NotFoundError('Ce fichier n’existe pas.');
    await writeAudit(tx, { actorId: actor!.id, action: 'resource.file.remove', entityType: 'resource', entityId: resource.id, before: removed[0] });
  });
}

// A file to download, for those who may see the resource. Counts the download unless the
// author downloads their own file.
export async function openResourceFile(
  actor: Actor | null,
  slug: string,
  fileId: string,
): Promise<{ name: string; contentType: string; size: number; stream: ReadableStream<Uint8Array> }> {
  const resource = await loadVisible(db, actor, slug);
  const [file] = isUuid(fileId)
    ? await db
        .select()
        .from(resourceFiles)
        .where(and(eq(resourceFiles.id, fileId), eq(resourceFiles.resourceId, resource.id)))
    : [];
  if (!file) throw new NotFoundError('Ce fichier n’existe pas.');
  if (actor?.id !== resource.authorId) {
    await db.transaction(async (tx) => {
      await tx
        .update(resourceFiles)
        .set({ downloads: sql`${resourceFiles.downloads} + 1` })
        .where(eq(resourceFiles.id, file.id));
      await tx
        .update(resources)
        .set({ downloads: sql`${resources.downloads} + 1` })
        .where(eq(resources.id, resource.id));
    });
  }
  return { name: file.name, contentType: file.contentType, size: file.size, stream: readBlobStream(file.blobId) };
}

// The thumbnail of an image file, for those who may see the resource (not a download: not
// counted).
export async function openResourcePreview(actor: Actor | null, slug: string, fileId: string): Promise<{ stream: ReadableStream<Uint8Array>; size: number }> {
  const resource = await loadVisible(db, actor, slug);
  const [file] = isUuid(fileId)
    ? await db
        .select({ previewBlobId: resourceFiles.previewBlobId, size: blobs.size })
        .from(resourceFiles)
        .innerJoin(blobs, eq(blobs.id, resourceFiles.previewBlobId))
        .where(and(eq(resourceFiles.id, fileId), eq(resourceFiles.resourceId, resource.id)))
    : [];
  if (!file?.previewBlobId) throw new NotFoundError('Pas d’aperçu pour ce fichier.');
  return { stream: readBlobStream(file.previewBlobId), size: file.size };
}

// ——— Signals ———

export async function rateResource(actor: Actor | null, slug: string, input: unknown): Promise<{ average: number | null; count: number; value: number }> {
  if (!actor) throw new UnauthenticatedError();
  const { value } = parseInput(ratingSchema, input);
  return db.transaction(async (tx) => {
    const resource = await loadVisible(tx, actor, slug);
    await tx
      .insert(resourceRatings)
      .values({ resourceId: resource.id, userId: actor.id, value })
      .onConflictDoUpdate({ target: [resourceRatings.resourceId, resourceRatings.userId], set: { value, updatedAt: new Date() } });
    const [totals] = await tx
      .update(resources)
      .set({
        ratingCount: sql`(select count(*)::int from resource_ratings rr where rr.resource_id = ${resource.id})`,
        ratingTotal: sql`(select coalesce(sum(rr.value), 0)::int from resource_ratings rr where rr.resource_id = ${resource.id})`,
      })
      .where(eq(resources.id, resource.id))
      .returning({ count: resources.ratingCount, total: resources.ratingTotal });
    return { value, count: totals!.count, average: totals!.count ? Math.round((totals!.total / totals!.count) * 10) / 10 : null };
  });
}

export async function reportResource(actor: Actor | null, slug: string, input: unknown): Promise<{ created: boolean }> {
  if (!actor) throw new UnauthenticatedError();
  const data = parseInput(reportInputSchema('resource'), input);
  const resource = await loadVisible(db, actor, slug);
  return db.transaction(async (tx) => {
    const result = await fileReport(tx, { kind: 'resource', id: resource.id }, actor.id, data);
    if (result.created) await writeAudit(tx, { actorId: actor.id, action: 'resource.report', entityType: 'resource', entityId: resource.id, after: { reason: data.reason } });
    return result;
  });
}

// ——— Moderation (staff of the resource's place, coordinators) ———

export type ReportedResource = { slug: string; title: string; placeName: string | null; hidden: boolean; reports: { reason: string; comment: string; createdAt: Date }[] };

export async function reportedResources(actor: Actor | null): Promise<ReportedResource[]> {
  if (!actor) throw new UnauthenticatedError();
  if (!isCoordinator(actor) && !can(actor, 'resource:publish', 'any-place')) throw new ForbiddenError();
  const scope = isCoordinator(actor)
    ? sql`true`
    : sql`${resources.placeId} in (${sql.join(
        actor.staffedPlaceIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;
  const rows = await db
    .selectDistinct({ id: resources.id, slug: resources.slug, title: resources.title, placeName: places.name, hiddenAt: resources.hiddenAt })
    .from(resources)
    .innerJoin(reports, and(eq(reports.resourceId, resources.id), isNull(reports.resolvedAt)))
    .leftJoin(places, eq(places.id, resources.placeId))
    .where(scope)
    .orderBy(asc(resources.title));
  return Promise.all(
    rows.map(async (r) => ({ slug: r.slug, title: r.title, placeName: r.placeName, hidden: r.hiddenAt !== null, reports: await openReportsOf(db, { kind: 'resource', id: r.id }) })),
  );
}

// 'hide': the resource is hidden and its reports closed; 'keep': the reports are dismissed;
// 'restore': a hidden resource is shown again.
export async function moderateResource(actor: Actor | null, slug: string, decision: 'hide' | 'keep' | 'restore', reason = ''): Promise<void> {
  const resource = await loadVisible(db, actor, slug);
  if (!actor) throw new UnauthenticatedError();
  if (!staffOf(actor, resource.placeId)) throw new ForbiddenError('Seule l’équipe du lieu peut modérer cette ressource.');
  const now = new Date();
  await db.transaction(async (tx) => {
    if (decision === 'hide') {
      await tx
        .update(resources)
        .set({ hiddenAt: now, hiddenReason: reason.slice(0, 500) || null })
        .where(eq(resources.id, resource.id));
      await resolveReports(tx, { kind: 'resource', id: resource.id }, actor.id, 'hidden', now);
    } else if (decision === 'keep') {
      await resolveReports(tx, { kind: 'resource', id: resource.id }, actor.id, 'kept', now);
    } else {
      await tx.update(resources).set({ hiddenAt: null, hiddenReason: null }).where(eq(resources.id, resource.id));
    }
    await writeAudit(tx, { actorId: actor.id, action: `resource.${decision}`, entityType: 'resource', entityId: resource.id, after: { reason } });
  });
}

// ——— Workshops' "supports" ———

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

// Places where this person may publish (the form's list).
export async function publishablePlaces(actor: Actor | null): Promise<{ slug: string; name: string }[]> {
  if (!actor) return [];
  if (isCoordinator(actor)) return db.select({ slug: places.slug, name: places.name }).from(places).orderBy(asc(places.name));
  const ids = actor.staffedPlaceIds.filter((placeId) => can(actor, 'resource:publish', { placeId }));
  if (ids.length === 0) return [];
  return db.select({ slug: places.slug, name: places.name }).from(places).where(inArray(places.id, ids)).orderBy(asc(places.name));
}

export function mayPublish(actor: Actor | null): boolean {
  return isCoordinator(actor) || can(actor, 'resource:publish', 'any-place');
}

// New public resources, newest first (the Atom feed).
export async function latestPublicResources(limit = 30): Promise<(ResourceListItem & { body: string; publishedAt: Date })[]> {
  const rows = await db
    .select({ ...listColumns, body: resources.body, publishedAt: resources.publishedAt })
    .from(resources)
    .leftJoin(users, eq(users.id, resources.authorId))
    .leftJoin(places, eq(places.id, resources.placeId))
    .where(and(visibleResources(null), isNotNull(resources.publishedAt)))
    .orderBy(desc(resources.publishedAt))
    .limit(limit);
  const items = await itemsFor(db, rows);
  return items.map((item, i) => ({ ...item, body: rows[i]!.body, publishedAt: rows[i]!.publishedAt! }));
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
