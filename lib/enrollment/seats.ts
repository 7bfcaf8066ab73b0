import { sql, type SQL } from 'drizzle-orm';
import { enrollments, sessions } from '@/db/schema';

// THE definition of a session's seats: "confirmed seats" and "people waiting" are counted here and
// nowhere else (tests/unit/one-definition.test.ts fails on counting SQL written elsewhere).
//
// Why a drizzle subquery helper, not a SQL view or a stored column:
// - a stored counter kept by the sign-up transaction is a second source of truth: every path that
//   writes `enrollments` (sign-up, cancel, promotion, session cancel, account erasure, restore,
//   seed) would have to keep it in step, and one that forgets makes it drift silently;
// - a view needs a join in every query and a migration for each change, and cannot be used as a
//   bare expression in a WHERE (seats left filter) or in the locked sign-up core;
// - a correlated subquery is one expression that composes in any select, where or order by, reads
//   the very rows the session lock guards (so the count in the sign-up transaction is exact), and
//   is served by the index enrollments(session_id, status).
//
// `session` is the id of the session: a value, or SQL naming the outer row's id. Not a bare
// column: drizzle writes columns unqualified in single-table selects, and an unqualified `id`
// would then be read as the subquery's own row. `sessionRow` names the query's `sessions` row.

type SessionRef = SQL | string;

export const sessionRow: SQL = sql`${sessions}.id`;

const countOf = (session: SessionRef, status: 'confirmed' | 'waitlisted', also?: SQL) =>
  sql<number>`(select count(*)::int from ${enrollments} seat where seat.session_id = ${session} and seat.status = ${sql.raw(`'${status}'`)}${also ? sql` and ${also}` : sql``})`;

/** Confirmed sign-ups of a session (the seats taken); `also` narrows them (it names the sign-up `seat`). */
export const confirmedSeats = (session: SessionRef, also?: SQL): SQL<number> => countOf(session, 'confirmed', also);

/** People on the waiting list of a session. */
export const waitlistCount = (session: SessionRef): SQL<number> => countOf(session, 'waitlisted');

/** Both figures, as the select fields every session view uses. */
export const seatCounts = (session: SessionRef = sessionRow) => ({
  confirmedCount: confirmedSeats(session),
  waitlistCount: waitlistCount(session),
});

/** Condition: the session (of the query's `sessions` row) still has a free seat. */
export const hasFreeSeat = (): SQL => sql`${sessions.capacity} > ${confirmedSeats(sessionRow)}`;

/** Seats still free, never negative (a capacity lowered below the sign-ups leaves none). */
export const seatsLeft = (capacity: number, confirmed: number): number => Math.max(0, capacity - confirmed);
