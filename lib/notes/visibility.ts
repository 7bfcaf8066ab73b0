import 'server-only';
import { and, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { notes } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';

// THE visibility rule of notes. Every list, count, search, feed and API answer of notes filters
// with `visibleNotes(actor)`; nothing else decides who reads a note.
//
// - private: the author only (a private notebook; staff do not read it either);
// - participants: the author, the people with a confirmed or attended seat at the note's session
//   (or, for a note about the whole workshop, at any of its sessions), the session trainers,
//   staff of a place that runs the workshop, and coordinators;
// - network: any signed-in account;
// - public: everyone.
// A hidden note is seen only by staff of its places (and coordinators), whatever its visibility.

type NotesTable = typeof notes;

const isCoordinator = (actor: Actor | null) => Boolean(actor?.roles.includes('coordinator'));
const staffedPlaces = (actor: Actor | null): string[] => (actor?.roles.includes('mediator') ? [...actor.staffedPlaceIds] : []);

// Staff of the note's places: the places that run its workshop, and the place of its session.
export function staffOfNote(actor: Actor | null, n: { workshopId: SQLWrapper; sessionId: SQLWrapper } = notes): SQL {
  if (isCoordinator(actor)) return sql`true`;
  const places = staffedPlaces(actor);
  if (places.length === 0) return sql`false`;
  const list = sql.join(
    places.map((p) => sql`${p}::uuid`),
    sql`, `,
  );
  return sql`(exists (select 1 from workshop_places wp where wp.workshop_id = ${n.workshopId} and wp.place_id in (${list}))
    or exists (select 1 from sessions s where s.id = ${n.sessionId} and s.place_id in (${list})))`;
}

// A confirmed seat, an attendance (present or late, walk-ins included) or a trainer's place at
// the note's session, or at any session of its workshop when the note has none.
function participantOfNote(actorId: string, n: NotesTable): SQL {
  return sql`exists (select 1 from sessions s where s.workshop_id = ${n.workshopId}
    and (${n.sessionId} is null or s.id = ${n.sessionId})
    and (exists (select 1 from enrollments e where e.session_id = s.id and e.user_id = ${actorId}::uuid and e.status = 'confirmed')
      or exists (select 1 from attendance a where a.session_id = s.id and a.user_id = ${actorId}::uuid and a.status in ('present', 'late'))
      or exists (select 1 from session_trainers st where st.session_id = s.id and st.user_id = ${actorId}::uuid)))`;
}

export function visibleNotes(actor: Actor | null, n: NotesTable = notes): SQL {
  const staff = staffOfNote(actor, n);
  const notHidden = or(eq(n.status, 'visible'), staff)!;
  if (!actor) return and(eq(n.visibility, 'public'), eq(n.status, 'visible'))!;
  const readable = or(
    inArray(n.visibility, ['public', 'network']),
    eq(n.authorId, actor.id),
    and(eq(n.visibility, 'participants'), or(staff, participantOfNote(actor.id, n))),
  )!;
  // The author's private note stays theirs alone; the rules above already exclude others.
  return and(readable, notHidden, or(sql`${n.visibility} <> 'private'`, eq(n.authorId, actor.id)))!;
}
