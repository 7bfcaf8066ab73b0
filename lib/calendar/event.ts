import 'server-only';
import { publicOrigin } from '@/lib/http/origin';
import type { CalendarEvent } from './ics';

export type SessionForCalendar = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  placeName: string;
  address: string;
  postalCode: string;
  commune: string;
  createdAt: Date;
  updatedAt: Date;
};

// THE identity of a session in calendars: the same UID everywhere (download, e-mail, feed), so
// that an update or a cancellation replaces the event people already have.
export const sessionUid = (sessionId: string) => `seance-${sessionId}@comptoir`;

// THE SEQUENCE rule (RFC 5545: a calendar keeps the copy with the highest SEQUENCE): the seconds
// from the session's creation to its last change. Every change of a session sets its updatedAt,
// so each version numbers higher than the one before. A message passes the time it is written as
// `changedAt` (the cancellation e-mail is queued before the session row is updated).
export function calendarSequence(session: { createdAt: Date; updatedAt: Date }, changedAt?: Date): number {
  const last = changedAt && changedAt > session.updatedAt ? changedAt : session.updatedAt;
  return Math.max(0, Math.floor((last.getTime() - session.createdAt.getTime()) / 1000));
}

// One session as a calendar event.
export function sessionEvent(session: SessionForCalendar, { cancelled = false, changedAt }: { cancelled?: boolean; changedAt?: Date } = {}): CalendarEvent {
  return {
    uid: sessionUid(session.id),
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    title: session.title,
    location: `${session.placeName}, ${session.address}, ${session.postalCode} ${session.commune}`,
    url: `${publicOrigin()}/seances/${session.id}`,
    cancelled,
    sequence: calendarSequence(session, changedAt),
  };
}
