import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { activities, activityParticipants, attendance, enrollments, placeStaff, sessions, users } from '@/db/schema';
import { can, type Actor } from './policy';

// Which people a staff member may act on and see (sign up on their behalf, find at the desk, add
// as a walk-in, name in an activity): the ONE definition, used by every entry point.
//
// The people of a place are those who signed up for or attended a session there, took part in
// an activity recorded there, or whose profile the place's staff created at the desk. A mediator's
// people are the people of the places where they may sign people up; network staff (coordination)
// may act on anyone. Signing someone up never widens this circle by itself: the person must
// already be in it (or be created at the desk, which puts them in it).

// The places whose people the actor may act on; null for the whole network.
export function peoplePlaceIds(actor: Actor): string[] | null {
  if (can(actor, 'coordination:view')) return null;
  return actor.staffedPlaceIds.filter((placeId) => can(actor, 'enrollment:on-behalf', { placeId }));
}

// `(select user id … union …)`: the people of the given places.
function peopleOfPlaces(placeIds: string[]): SQL {
  const list = sql.join(
    placeIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`(
    select ${enrollments.userId} from ${enrollments} join ${sessions} on ${sessions.id} = ${enrollments.sessionId} where ${sessions.placeId} in (${list})
    union select ${attendance.userId} from ${attendance} join ${sessions} on ${sessions.id} = ${attendance.sessionId} where ${sessions.placeId} in (${list})
    union select ${activityParticipants.userId} from ${activityParticipants} join ${activities} on ${activities.id} = ${activityParticipants.activityId} where ${activities.placeId} in (${list})
    union select ${activities.learnerId} from ${activities} where ${activities.placeId} in (${list}) and ${activities.learnerId} is not null
    union select created.id from ${users} created join ${placeStaff} on ${placeStaff.userId} = created.created_by_id where ${placeStaff.placeId} in (${list}))`;
}

// A condition on a user-id column: true for the people the actor may act on. With `placeId`, only
// the people of that place (and only if it is one of the actor's places).
export function inPeopleScope(actor: Actor, userId: AnyPgColumn | SQL, { placeId }: { placeId?: string | null } = {}): SQL {
  const scope = peoplePlaceIds(actor);
  const places = scope === null ? (placeId ? [placeId] : null) : placeId ? scope.filter((id) => id === placeId) : scope;
  if (places === null) return sql`true`;
  if (places.length === 0) return sql`false`;
  return sql`${userId} in ${peopleOfPlaces(places)}`;
}
