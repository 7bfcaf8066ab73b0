import 'server-only';
import { eq, or, type SQL } from 'drizzle-orm';
import { activities } from '@/db/schema';
import { can, inPlaceScope, isEmptyScope, placeScope, type Actor } from '@/lib/auth/policy';
import { inScope } from '@/lib/auth/place-scope';

// The activity log ("comptes rendus d'activité"): what mediators record of their work, by hand
// or from a closed session. Mediators see their own activities and those of the places they
// staff, and change only their own; coordinators see and change all.

// Coordinators work on the whole network.
export const networkWide = (actor: Actor) => placeScope(actor) === 'all';

// The activities an actor may read. The actor is asserted first: no optional filter here.
export function visibleTo(actor: Actor): SQL | undefined {
  const scope = placeScope(actor);
  if (scope === 'all') return undefined;
  const own = eq(activities.mediatorId, actor.id);
  return isEmptyScope(scope) ? own : or(own, inScope(activities.placeId, scope));
}

export const canChange = (actor: Actor, row: { mediatorId: string }) => row.mediatorId === actor.id || networkWide(actor);

// A place's activity data (logging there, reading it) belongs to its staff and to coordinators:
// the same people who see the place's statistics.
export const canUsePlace = (actor: Actor, placeId: string) => can(actor, 'stats:place', { placeId });

export function canRead(actor: Actor, loaded: { mediatorId: string; placeId: string | null }) {
  return loaded.mediatorId === actor.id || inPlaceScope(placeScope(actor), loaded.placeId);
}
