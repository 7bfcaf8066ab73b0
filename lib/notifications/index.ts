import 'server-only';
import { and, asc, desc, eq, gte, inArray, lt, lte, notExists, sql } from 'drizzle-orm';
import { db, type Database, type Executor } from '@/db';
import { enrollments, outbox, places, sessions, users, workshops } from '@/db/schema';
import { assertCan, can, placeScope, type Actor } from '@/lib/auth/policy';
import { sessionEvent } from '@/lib/calendar/event';
import { toIcs } from '@/lib/calendar/ics';
import { env } from '@/lib/env';
import { publicOrigin } from '@/lib/http/origin';
import { formatSessionTime, formatTime } from '@/lib/format/dates';
import { translator, type Locale, type MessageKey } from '@/lib/i18n';
import { formatPhone } from '@/lib/learners/phone';
import { addDays, parisToUtc, toParisWallClock } from '@/lib/time';

// Notifications are rows of the outbox, written in the same transaction as the change they
// announce: a change that rolls back leaves no message, and a committed one always has its
// message. The worker (./worker.ts) sends them.

export const NOTIFICATION_KINDS = ['enrolled', 'waitlisted', 'promoted', 'cancelled-by-staff', 'session-cancelled', 'reminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const KEY: Record<NotificationKind, 'enrolled' | 'waitlisted' | 'promoted' | 'cancelledByStaff' | 'sessionCancelled' | 'reminder'> = {
  enrolled: 'enrolled',
  waitlisted: 'waitlisted',
  promoted: 'promoted',
  'cancelled-by-staff': 'cancelledByStaff',
  'session-cancelled': 'sessionCancelled',
  reminder: 'reminder',
};

export type SessionInfo = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  placeName: string;
  address: string;
  postalCode: string;
  commune: string;
  toBring: string;
};

// What a message says about a session; null for an unknown session.
export async function loadSessionInfo(tx: Executor, sessionId: string): Promise<SessionInfo | null> {
  const [row] = await tx
    .select({
      id: sessions.id,
      title: workshops.title,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      placeName: places.name,
      address: places.address,
      postalCode: places.postalCode,
      commune: places.commune,
      toBring: workshops.toBring,
    })
    .from(sessions)
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(eq(sessions.id, sessionId));
  return row ?? null;
}

// Whether messages leave at all: without SMTP_URL they stay in the outbox, readable by staff.
export function mailIsConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

// Whether a person will really receive an e-mail from us: what a confirmation may promise.
export function emailWillReach(email: string | null | undefined): boolean {
  return Boolean(email) && mailIsConfigured();
}

export type Recipient = { id: string; name: string; email: string | null; locale: string };

export async function loadRecipients(tx: Executor, userIds: readonly string[]): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  return tx.select({ id: users.id, name: users.name, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, [...userIds]));
}

function render(kind: NotificationKind, person: Recipient, session: SessionInfo, extra: { position?: number }) {
  const locale: Locale = person.locale === 'en' ? 'en' : 'fr';
  const t = translator(locale);
  const key = KEY[kind];
  const vars = {
    name: person.name,
    title: session.title,
    when: formatSessionTime(session.startsAt, session.endsAt, locale),
    time: formatTime(session.startsAt, locale),
    place: `${session.placeName}, ${session.address}, ${session.postalCode} ${session.commune}`,
    url: `${publicOrigin()}/seances/${session.id}`,
    mySpaceUrl: `${publicOrigin()}/mon-espace`,
    catalogueUrl: `${publicOrigin()}/ateliers`,
    position: extra.position ?? '',
    toBring: session.toBring ? t('notifications.toBring', { toBring: session.toBring }) : '',
  };
  const body = [t(`notifications.${key}.body` as MessageKey, vars), t('notifications.signature', vars)].join('\n\n').replace(/\n{3,}/g, '\n\n');
  return { subject: t(`notifications.${key}.subject` as MessageKey, vars), body };
}

// Only messages about a seat the person holds (or held) carry the calendar file; a cancelled
// one carries the same event marked CANCELLED, so calendar apps remove it.
function attachment(kind: NotificationKind, session: SessionInfo, now: Date): string | null {
  if (kind === 'waitlisted') return null;
  const cancelled = kind === 'cancelled-by-staff' || kind === 'session-cancelled';
  return toIcs([sessionEvent(session, { cancelled })], { now });
}

export type NotifyInput = {
  kind: NotificationKind;
  sessionId: string;
  userIds: readonly string[];
  now: Date;
  position?: number;
  dedupeKey?: (userId: string) => string;
  // Already loaded by the caller (before taking a lock, to keep the locked part short), with the
  // confirmation's calendar file built there too (preloadNotification).
  preloaded?: { session: SessionInfo | null; people: Recipient[]; enrolledIcs?: string | null };
};

// What a sign-up's message needs, read and built before the session is locked: the session, the
// people, and the calendar file of a confirmation. Two reads, run together.
export async function preloadNotification(database: Executor, sessionId: string, userIds: readonly string[], now: Date): Promise<NonNullable<NotifyInput['preloaded']>> {
  const [session, people] = await Promise.all([loadSessionInfo(database, sessionId), loadRecipients(database, userIds)]);
  return { session, people, enrolledIcs: session ? attachment('enrolled', session, now) : null };
}

// Writes one outbox row per person, inside the caller's transaction. People without an e-mail
// address get a 'skipped' row: nothing is sent, and staff see who to phone.
export async function notify(tx: Executor, { kind, sessionId, userIds, now, position, dedupeKey, preloaded }: NotifyInput): Promise<number> {
  if (userIds.length === 0) return 0;
  const session = preloaded?.session ?? (await loadSessionInfo(tx, sessionId));
  if (!session) throw new Error(`session ${sessionId} not found for a notification`);
  const known = preloaded?.people.filter((p) => userIds.includes(p.id)) ?? [];
  const people = known.length === userIds.length ? known : await loadRecipients(tx, userIds);
  const ics = kind === 'enrolled' && preloaded?.enrolledIcs != null && preloaded.session === session ? preloaded.enrolledIcs : attachment(kind, session, now);
  const rows = people.map((person) => {
    const { subject, body } = render(kind, person, session, { position });
    return {
      recipientId: person.id,
      sessionId,
      dedupeKey: dedupeKey?.(person.id) ?? null,
      toAddress: person.email,
      kind,
      subject,
      body,
      payload: ics ? { ics } : null,
      status: person.email ? ('pending' as const) : ('skipped' as const),
      lastError: person.email ? null : 'no e-mail address',
      nextAttemptAt: now,
      createdAt: now,
    };
  });
  const inserted = await tx.insert(outbox).values(rows).onConflictDoNothing().returning({ id: outbox.id });
  return inserted.length;
}

// Tells everyone still signed up (confirmed or waiting) that the session is cancelled. Call it
// inside the transaction that cancels the session, BEFORE marking the sign-ups cancelled — or use
// cancelSessionEnrollments() from lib/enrollment, which does both in the right order.
export async function notifySessionCancelled(tx: Executor, sessionId: string, now: Date): Promise<number> {
  const active = await tx
    .select({ userId: enrollments.userId })
    .from(enrollments)
    .where(and(eq(enrollments.sessionId, sessionId), inArray(enrollments.status, ['confirmed', 'waitlisted'])));
  return notify(tx, { kind: 'session-cancelled', sessionId, userIds: active.map((a) => a.userId), now });
}

// From this hour (Paris time) the day before, reminders go out: not in the middle of the night.
export const REMINDER_FROM_HOUR = 9;
// A seat confirmed this recently already came with its own message.
const RECENT_CONFIRMATION_MS = 12 * 3600 * 1000;

// Queues the day-before reminder of every confirmed seat of tomorrow's sessions (Paris calendar).
// Idempotent: each sign-up has one reminder key, so running it every minute sends one reminder.
export async function enqueueReminders(now: Date, database: Database = db): Promise<number> {
  const today = toParisWallClock(now);
  if (today.hour < REMINDER_FROM_HOUR) return 0;
  const from = parisToUtc({ ...addDays(today, 1), hour: 0, minute: 0 });
  const to = parisToUtc({ ...addDays(today, 2), hour: 0, minute: 0 });
  const due = await database
    .select({ id: enrollments.id, sessionId: enrollments.sessionId, userId: enrollments.userId })
    .from(enrollments)
    .innerJoin(sessions, eq(sessions.id, enrollments.sessionId))
    .where(
      and(
        eq(sessions.status, 'scheduled'),
        gte(sessions.startsAt, from),
        lt(sessions.startsAt, to),
        eq(enrollments.status, 'confirmed'),
        lte(enrollments.confirmedAt, new Date(now.getTime() - RECENT_CONFIRMATION_MS)),
        // (Named in full: drizzle leaves columns unqualified in a single-table subquery.)
        notExists(database.select({ one: sql`1` }).from(outbox).where(eq(outbox.dedupeKey, sql`'reminder:' || "enrollments"."id"`))),
      ),
    )
    .orderBy(asc(enrollments.sessionId));
  let queued = 0;
  const bySession = new Map<string, typeof due>();
  for (const row of due) bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row]);
  for (const [sessionId, rows] of bySession) {
    const keyOf = new Map(rows.map((r) => [r.userId, `reminder:${r.id}`]));
    queued += await notify(database, { kind: 'reminder', sessionId, userIds: rows.map((r) => r.userId), now, dedupeKey: (userId) => keyOf.get(userId)! });
  }
  return queued;
}

export type OutboxItem = {
  id: string;
  createdAt: Date;
  kind: string;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  sentAt: Date | null;
  recipientName: string | null;
  toAddress: string | null;
  // Shown only for 'skipped' messages, so staff can phone the person instead.
  phone: string | null;
  workshopTitle: string | null;
  placeName: string | null;
  sessionStartsAt: Date | null;
  sessionEndsAt: Date | null;
};

// The messages about sessions of the places the actor staffs (every place for coordination),
// newest first. Recipients of these messages are signed up at those places, so staff may see
// their address (policy `learner:contact`).
export async function listOutbox(actor: Actor | null, { page = 1, pageSize = 50 } = {}): Promise<{ items: OutboxItem[]; total: number }> {
  assertCan(actor, 'mediation:view');
  const staff = actor!;
  const everywhere = placeScope(staff) === 'all';
  const placeIds = staff.staffedPlaceIds.filter((placeId) => can(staff, 'learner:contact', { placeId }));
  if (!everywhere && placeIds.length === 0) return { items: [], total: 0 };
  const rows = await db
    .select({
      id: outbox.id,
      createdAt: outbox.createdAt,
      kind: outbox.kind,
      subject: outbox.subject,
      body: outbox.body,
      status: outbox.status,
      attempts: outbox.attempts,
      sentAt: outbox.sentAt,
      recipientName: users.name,
      toAddress: outbox.toAddress,
      phone: users.phone,
      workshopTitle: workshops.title,
      placeName: places.name,
      sessionStartsAt: sessions.startsAt,
      sessionEndsAt: sessions.endsAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(outbox)
    .innerJoin(sessions, eq(sessions.id, outbox.sessionId))
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .leftJoin(users, eq(users.id, outbox.recipientId))
    .where(everywhere ? undefined : inArray(sessions.placeId, placeIds))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, phone, ...row }) => ({ ...row, phone: row.status === 'skipped' && phone ? formatPhone(phone) : null })),
  };
}
