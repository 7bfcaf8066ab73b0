import 'server-only';
import type { Roster } from './roster';

// The roster as the JSON API sends it: codes, not labels; ISO 8601 instants.
export function toRosterView({ session, people, waitlist, counts }: Roster) {
  return {
    session: {
      id: session.id,
      workshopTitle: session.workshopTitle,
      placeId: session.placeId,
      placeName: session.placeName,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      capacity: session.capacity,
      status: session.status,
      closedAt: session.closedAt?.toISOString() ?? null,
      selfCheckIn: session.selfCheckIn,
      walkInsAllowed: session.walkInsAllowed,
      trainers: session.trainers,
    },
    counts,
    people: people.map((p) => ({
      personId: p.personId,
      name: p.name,
      status: p.status,
      walkIn: p.walkIn,
      enrolled: p.enrolled,
      markedAt: p.markedAt?.toISOString() ?? null,
      noShows: p.noShows,
    })),
    waitlist,
  };
}
export type RosterView = ReturnType<typeof toRosterView>;
