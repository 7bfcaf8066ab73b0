import 'server-only';
import { addDays, parisStartOfDay, toParisWallClock } from '@/lib/time';

// The mediator's day: which sessions are today's (Paris calendar day) and in what state, so that
// /mediation can put them first with their attendance button.

export type DayState = 'in-progress' | 'later-today' | 'to-close';

type Timed = { startsAt: Date; endsAt: Date };

// A closed session needs nothing more today: it is listed with the recent ones.
export function stateToday(session: Timed & { closed: boolean }, now: Date): DayState | null {
  if (session.closed) return null;
  const today = toParisWallClock(now);
  const start = parisStartOfDay(today);
  const end = parisStartOfDay(addDays(today, 1));
  if (session.startsAt >= end || session.endsAt <= start) return null;
  if (session.startsAt <= now && now < session.endsAt) return 'in-progress';
  return session.startsAt > now ? 'later-today' : 'to-close';
}

// Today's sessions in the order a mediator needs them: the one under way, the ones still to come
// (by start), then the finished ones still to close; and the rest, as given.
export function splitToday<S extends Timed & { closed: boolean }>(sessions: S[], now: Date): { today: (S & { state: DayState })[]; rest: S[] } {
  const order: Record<DayState, number> = { 'in-progress': 0, 'later-today': 1, 'to-close': 2 };
  const today: (S & { state: DayState })[] = [];
  const rest: S[] = [];
  for (const session of sessions) {
    const state = stateToday(session, now);
    if (state) today.push({ ...session, state });
    else rest.push(session);
  }
  today.sort((a, b) => order[a.state] - order[b.state] || +a.startsAt - +b.startsAt);
  return { today, rest };
}
