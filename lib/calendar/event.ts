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
};

// One session as a calendar event: the same UID everywhere (download, e-mail, feed), so that an
// update or a cancellation replaces the event people already have.
export function sessionEvent(session: SessionForCalendar, { cancelled = false } = {}): CalendarEvent {
  return {
    uid: `seance-${session.id}@comptoir`,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    title: session.title,
    location: `${session.placeName}, ${session.address}, ${session.postalCode} ${session.commune}`,
    url: `${publicOrigin()}/seances/${session.id}`,
    cancelled,
    sequence: cancelled ? 1 : 0,
  };
}
