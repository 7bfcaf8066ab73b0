import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { places, reports, resourceRatings, resources } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { ForbiddenError, UnauthenticatedError } from '@/lib/errors';
import { fileReport, openReportsOf, reportInputSchema, resolveReports } from '@/lib/moderation/reports';
import { parseInput } from '@/lib/validation';
import { ratingSchema } from './schema';
import { loadVisible } from './reads';
import { isCoordinator, staffOf } from './visibility';

// Ratings and reports: what readers say of a resource, and the coordination's moderation.

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

// Moderation: by the staff of the resource's place and coordinators.

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
