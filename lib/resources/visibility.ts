import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { can, type Actor } from '@/lib/auth/policy';

// The network's resource library. ONE visibility rule (`visibleResources`) decides what a
// person sees, and every list, count, search, page, file download and API answer goes through
// it:
// - draft ("brouillon"): its author and the staff of its place;
// - network ("réseau"): mediators and coordinators, plus learners signed up to (or present at) a
//   session of a workshop it supports;
// - public: everyone.
// A resource hidden after a report is seen only by its author and the staff of its place.
// Coordinators are staff of every place.

export const NOT_FOUND = 'Cette ressource n’existe pas, ou vous n’avez pas le droit de la voir.';

export const isCoordinator = (actor: Actor | null) => Boolean(actor?.roles.includes('coordinator'));
const isMediator = (actor: Actor | null) => Boolean(actor?.roles.includes('mediator'));

// Is the actor staff of this place (coordinators: of every place)?
export function staffOf(actor: Actor | null, placeId: string | null): boolean {
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

// Who may edit a resource: its author and the staff of its place.
export function canEditResource(actor: Actor | null, resource: { authorId: string | null; placeId: string | null }): boolean {
  if (!actor) return false;
  return resource.authorId === actor.id || staffOf(actor, resource.placeId);
}

// May this person publish anywhere (shows the "new resource" button)?
export function mayPublish(actor: Actor | null): boolean {
  return isCoordinator(actor) || can(actor, 'resource:publish', 'any-place');
}
