import { describe, expect, it } from 'vitest';
import { ALL_ACTIONS, assertCan, can, inPlaceScope, isEmptyScope, placeScope, type Action, type Actor, type PlaceAction } from '@/lib/auth/policy';
import { ForbiddenError, UnauthenticatedError } from '@/lib/errors';

const HOME = 'place-home';
const OTHER = 'place-other';

const actors: Record<string, Actor | null> = {
  visitor: null,
  learner: { id: 'l', name: 'L', email: 'l@x.fr', roles: ['learner'], staffedPlaceIds: [] },
  mediator: { id: 'm', name: 'M', email: 'm@x.fr', roles: ['learner', 'mediator'], staffedPlaceIds: [HOME] },
  // A mediator role with no place yet: may log activities, may not act on any place.
  placelessMediator: { id: 'p', name: 'P', email: 'p@x.fr', roles: ['learner', 'mediator'], staffedPlaceIds: [] },
  coordinator: { id: 'c', name: 'C', email: 'c@x.fr', roles: ['learner', 'coordinator'], staffedPlaceIds: [] },
  admin: { id: 'a', name: 'A', email: 'a@x.fr', roles: ['learner', 'admin'], staffedPlaceIds: [] },
  // Staffing a place without the mediator role grants nothing (a revoked role wins).
  revokedMediator: { id: 'r', name: 'R', email: 'r@x.fr', roles: ['learner'], staffedPlaceIds: [HOME] },
};

type Row = [actor: keyof typeof actors, action: Action, scope: 'home' | 'other' | 'any' | null, allowed: boolean];

const learnerActions: Action[] = ['enrollment:self', 'myspace:view', 'note:write', 'certificate:download', 'data:export-own', 'data:delete-own'];
const placeActions: PlaceAction[] = ['workshop:manage', 'session:manage', 'enrollment:on-behalf', 'attendance:take', 'learner:contact', 'note:moderate', 'resource:publish', 'stats:place'];
const coordinatorActions: Action[] = ['coordination:view', 'place:manage', 'staff:manage', 'stats:network', 'export:network'];
const adminActions: Action[] = ['admin:view', 'user:manage'];

const table: Row[] = [
  // Everyone reads the catalogue.
  ...Object.keys(actors).map((a): Row => [a, 'catalogue:read', null, true]),
  // Learner actions: any signed-in account, never a visitor.
  ...learnerActions.flatMap((action): Row[] => [
    ['visitor', action, null, false],
    ['learner', action, null, true],
    ['mediator', action, null, true],
    ['coordinator', action, null, true],
    ['admin', action, null, true],
  ]),
  // Place actions: a mediator at the places they staff only; coordinators everywhere.
  ...placeActions.flatMap((action): Row[] => [
    ['visitor', action, 'home', false],
    ['learner', action, 'home', false],
    ['learner', action, 'any', false],
    ['mediator', action, 'home', true],
    ['mediator', action, 'other', false],
    ['mediator', action, 'any', true],
    ['placelessMediator', action, 'any', false],
    ['placelessMediator', action, 'home', false],
    ['revokedMediator', action, 'home', false],
    ['coordinator', action, 'home', true],
    ['coordinator', action, 'other', true],
    ['admin', action, 'home', false],
  ]),
  // Mediation space and activity log.
  ...(['mediation:view', 'activity:log'] as Action[]).flatMap((action): Row[] => [
    ['visitor', action, null, false],
    ['learner', action, null, false],
    ['mediator', action, null, true],
    ['placelessMediator', action, null, true],
    ['coordinator', action, null, true],
    ['admin', action, null, false],
  ]),
  ...coordinatorActions.flatMap((action): Row[] => [
    ['visitor', action, null, false],
    ['learner', action, null, false],
    ['mediator', action, null, false],
    ['coordinator', action, null, true],
    ['admin', action, null, false],
  ]),
  ...adminActions.flatMap((action): Row[] => [
    ['visitor', action, null, false],
    ['learner', action, null, false],
    ['mediator', action, null, false],
    ['coordinator', action, null, false],
    ['admin', action, null, true],
  ]),
];

const scopeOf = (s: Row[2]) => (s === 'home' ? { placeId: HOME } : s === 'other' ? { placeId: OTHER } : 'any-place');

describe('permission policy', () => {
  it('covers every action of the policy in the table', () => {
    const covered = new Set(table.map(([, action]) => action));
    expect(ALL_ACTIONS.filter((a) => !covered.has(a))).toEqual([]);
  });

  it.each(table)('%s · %s · place %s → %s', (actorName, action, scope, allowed) => {
    const actor = actors[actorName]!;
    const result = placeActions.includes(action as PlaceAction)
      ? can(actor, action as PlaceAction, scopeOf(scope) as never)
      : can(actor, action as Exclude<Action, PlaceAction>);
    expect(result).toBe(allowed);
  });

  it('tells a visitor to sign in and a signed-in person that they lack the right', () => {
    expect(() => assertCan(null, 'myspace:view')).toThrow(UnauthenticatedError);
    expect(() => assertCan(actors.learner!, 'coordination:view')).toThrow(ForbiddenError);
    expect(() => assertCan(actors.mediator!, 'workshop:manage', { placeId: OTHER })).toThrow(ForbiddenError);
    expect(() => assertCan(actors.mediator!, 'workshop:manage', { placeId: HOME })).not.toThrow();
  });
});

describe('placeScope: on which places does the actor act?', () => {
  it('is every place for coordination, the staffed places for a mediator, none otherwise', () => {
    expect(placeScope(actors.coordinator!)).toBe('all');
    expect(placeScope(actors.mediator!)).toEqual([HOME]);
    expect(placeScope(actors.placelessMediator!)).toEqual([]);
    expect(placeScope(actors.revokedMediator!)).toEqual([]);
    expect(placeScope(actors.learner!)).toEqual([]);
    expect(placeScope(actors.admin!)).toEqual([]);
    expect(placeScope(null)).toEqual([]);
  });

  it('agrees with the place-scoped permissions', () => {
    for (const name of Object.keys(actors)) {
      const scope = placeScope(actors[name]!);
      for (const placeId of [HOME, OTHER]) expect(inPlaceScope(scope, placeId), `${name} ${placeId}`).toBe(can(actors[name]!, 'stats:place', { placeId }));
      expect(isEmptyScope(scope)).toBe(!can(actors[name]!, 'stats:place', 'any-place'));
    }
    expect(inPlaceScope('all', null)).toBe(true);
    expect(inPlaceScope([HOME], null)).toBe(false);
  });
});

