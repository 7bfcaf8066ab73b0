import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { places, resourceFiles, resourceRatings, resources, users, workshopResources, workshops } from '@/db/schema';
import { type Actor } from '@/lib/auth/policy';
import { NotFoundError } from '@/lib/errors';
import { type FrenchCorpus, frenchSearch, searchWords } from '@/lib/search/french';
import { parseInput } from '@/lib/validation';
import type { Audience, Level, Licence, ResourceType, ResourceVisibility, Theme } from '@/lib/vocabulary';
import { RESOURCE_PAGE_SIZE, resourceSearchSchema, type ResourceSearch } from './schema';
import { visibleResources, NOT_FOUND, canEditResource, staffOf } from './visibility';

// Reading the library: list items, search, one resource's page, the newest public ones (feed).

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

export const listColumns = {
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

export async function itemsFor(tx: Executor, rows: ListRow[], now = new Date()): Promise<ResourceListItem[]> {
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

export async function loadVisible(tx: Executor, actor: Actor | null, slug: string): Promise<ListRow & { body: string; hiddenReason: string | null }> {
  const [row] = await tx
    .select({ ...listColumns, body: resources.body, hiddenReason: resources.hiddenReason })
    .from(resources)
    .leftJoin(users, eq(users.id, resources.authorId))
    .leftJoin(places, eq(places.id, resources.placeId))
    .where(and(eq(resources.slug, slug), visibleResources(actor)));
  if (!row) throw new NotFoundError(NOT_FOUND);
  return row;
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
