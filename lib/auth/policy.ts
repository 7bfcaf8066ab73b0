import 'server-only';
import { ForbiddenError, UnauthenticatedError } from '@/lib/errors';
import type { Role } from '@/lib/vocabulary';

// The one gate for permissions (DESIGN.md, "Who uses it"). Pages, server actions and API routes
// all ask `can` / `assertCan`; the UI only hides what this would refuse anyway.

export type Actor = {
  id: string;
  name: string;
  email: string | null;
  // Always contains 'learner': every signed-in account can do what a learner does.
  roles: readonly Role[];
  staffedPlaceIds: readonly string[];
};

// Anyone, signed in or not.
const PUBLIC_ACTIONS = ['catalogue:read'] as const;
// Any signed-in account.
const LEARNER_ACTIONS = [
  'enrollment:self',
  'myspace:view',
  'note:write',
  'certificate:download',
  'data:export-own',
  'data:delete-own',
] as const;
// Mediators, only for the places they staff; coordinators, everywhere.
const PLACE_ACTIONS = [
  'workshop:manage',
  'session:manage',
  'enrollment:on-behalf',
  'attendance:take',
  'learner:contact',
  'note:moderate',
  'resource:publish',
  'stats:place',
] as const;
// Mediators (their own work), and coordinators.
const MEDIATOR_ACTIONS = ['mediation:view', 'activity:log'] as const;
// Network staff.
const COORDINATOR_ACTIONS = ['coordination:view', 'place:manage', 'staff:manage', 'stats:network', 'export:network'] as const;
// System owner.
const ADMIN_ACTIONS = ['admin:view', 'user:manage'] as const;

export type PlaceAction = (typeof PLACE_ACTIONS)[number];
export type Action =
  | (typeof PUBLIC_ACTIONS)[number]
  | (typeof LEARNER_ACTIONS)[number]
  | PlaceAction
  | (typeof MEDIATOR_ACTIONS)[number]
  | (typeof COORDINATOR_ACTIONS)[number]
  | (typeof ADMIN_ACTIONS)[number];

export const ALL_ACTIONS: readonly Action[] = [
  ...PUBLIC_ACTIONS,
  ...LEARNER_ACTIONS,
  ...PLACE_ACTIONS,
  ...MEDIATOR_ACTIONS,
  ...COORDINATOR_ACTIONS,
  ...ADMIN_ACTIONS,
];

// Place-scoped actions name the place they act on, or 'any-place' for "somewhere" (e.g. to
// show a menu). There is no default: forgetting the scope is a type error, not an open door.
export type Scope = { placeId: string } | 'any-place';

const isPlaceAction = (action: Action): action is PlaceAction => (PLACE_ACTIONS as readonly string[]).includes(action);

const has = (actor: Actor, role: Role) => actor.roles.includes(role);

export function can(actor: Actor | null, action: PlaceAction, scope: Scope): boolean;
export function can(actor: Actor | null, action: Exclude<Action, PlaceAction>): boolean;
export function can(actor: Actor | null, action: Action, scope?: Scope): boolean {
  if ((PUBLIC_ACTIONS as readonly string[]).includes(action)) return true;
  if (!actor) return false;
  if ((LEARNER_ACTIONS as readonly string[]).includes(action)) return true;
  if (has(actor, 'coordinator') && !(ADMIN_ACTIONS as readonly string[]).includes(action)) return true;
  if ((ADMIN_ACTIONS as readonly string[]).includes(action)) return has(actor, 'admin');
  if ((MEDIATOR_ACTIONS as readonly string[]).includes(action)) return has(actor, 'mediator');
  if (isPlaceAction(action)) {
    if (!has(actor, 'mediator') || !scope) return false;
    if (scope === 'any-place') return actor.staffedPlaceIds.length > 0;
    return actor.staffedPlaceIds.includes(scope.placeId);
  }
  return false;
}

export function assertCan(actor: Actor | null, action: PlaceAction, scope: Scope): asserts actor is Actor;
export function assertCan(actor: Actor | null, action: Exclude<Action, PlaceAction>): void;
export function assertCan(actor: Actor | null, action: Action, scope?: Scope): void {
  const allowed = isPlaceAction(action) ? can(actor, action, scope as Scope) : can(actor, action as Exclude<Action, PlaceAction>);
  if (allowed) return;
  if (!actor) throw new UnauthenticatedError();
  throw new ForbiddenError();
}

// "On which places does this actor act?" — the one question for every list, query and check that
// is scoped to places (never `can(actor, 'stats:network')` or `staffedPlaceIds` read directly):
// 'all' for network staff (coordinators), the places they staff for mediators, none for anyone
// else (staffing a place without the mediator role grants nothing).
export type PlaceScope = 'all' | readonly string[];

export function placeScope(actor: Actor | null): PlaceScope {
  if (!actor) return [];
  if (has(actor, 'coordinator')) return 'all';
  return has(actor, 'mediator') ? actor.staffedPlaceIds : [];
}

// Whether a place (null: no place) is within a scope.
export function inPlaceScope(scope: PlaceScope, placeId: string | null): boolean {
  if (scope === 'all') return true;
  return placeId !== null && scope.includes(placeId);
}

// Whether the scope names no place at all (a mediator who staffs none yet).
export const isEmptyScope = (scope: PlaceScope): boolean => scope !== 'all' && scope.length === 0;

export function assertSignedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
}
