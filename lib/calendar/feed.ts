import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { enrollments, places, sessions, users, workshops } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { hashSecret } from '@/lib/auth/secret-hash';
import { publicOrigin } from '@/lib/http/origin';
import { translator } from '@/lib/i18n';
import { sessionEvent } from './event';
import { toIcs } from './ics';

// The private calendar feed of a learner: a secret URL that calendar apps subscribe to. The
// token is the only key (calendar apps send no cookie), so it is long, random and revocable. Only
// its hash is kept: the link is shown once, when made; a new one replaces it.

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
// Past sessions stay in the feed this long, so last week's workshop does not vanish at once.
const KEEP_PAST_DAYS = 90;

const tokenHash = (token: string) => hashSecret('calendar', token);

// When the person's current link was made, or null when there is none.
export async function myCalendarLink(actor: Actor | null): Promise<{ createdAt: Date } | null> {
  assertCan(actor, 'myspace:view');
  const [row] = await db.select({ createdAt: users.calendarTokenCreatedAt, hash: users.calendarTokenHash }).from(users).where(eq(users.id, actor!.id));
  return row?.hash ? { createdAt: row.createdAt ?? new Date(0) } : null;
}

// The address calendar apps subscribe to.
export function calendarFeedUrl(token: string): string {
  return `${publicOrigin()}/api/v1/me/calendar/${token}.ics`;
}

// A new secret (the previous link, if any, stops working), returned this once.
export async function createCalendarToken(actor: Actor | null, now = new Date()): Promise<string> {
  assertCan(actor, 'myspace:view');
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.update(users).set({ calendarTokenHash: tokenHash(token), calendarTokenCreatedAt: now, updatedAt: now }).where(eq(users.id, actor!.id));
    await writeAudit(tx, { actorId: actor!.id, action: 'calendar.token-create', entityType: 'user', entityId: actor!.id, at: now });
  });
  return token;
}

export async function revokeCalendarToken(actor: Actor | null, now = new Date()): Promise<void> {
  assertCan(actor, 'myspace:view');
  await db.transaction(async (tx) => {
    await tx.update(users).set({ calendarTokenHash: null, calendarTokenCreatedAt: null, updatedAt: now }).where(eq(users.id, actor!.id));
    await writeAudit(tx, { actorId: actor!.id, action: 'calendar.token-revoke', entityType: 'user', entityId: actor!.id, at: now });
  });
}

// The feed of the person holding this token, or null for an unknown or revoked token.
export async function calendarFeed(token: string, now = new Date()): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [owner] = await db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(and(eq(users.calendarTokenHash, tokenHash(token)), isNull(users.disabledAt)));
  if (!owner) return null;
  const rows = await db
    .select({
      id: sessions.id,
      title: workshops.title,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      placeName: places.name,
      address: places.address,
      postalCode: places.postalCode,
      commune: places.commune,
      createdAt: sessions.createdAt,
      updatedAt: sessions.updatedAt,
    })
    .from(enrollments)
    .innerJoin(sessions, eq(sessions.id, enrollments.sessionId))
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(
      and(
        eq(enrollments.userId, owner.id),
        eq(enrollments.status, 'confirmed'),
        inArray(sessions.status, ['scheduled', 'done']),
        gt(sessions.endsAt, new Date(now.getTime() - KEEP_PAST_DAYS * 86400000)),
      ),
    )
    .orderBy(asc(sessions.startsAt));
  const name = translator(owner.locale === 'en' ? 'en' : 'fr')('myEnrollments.feedName');
  return toIcs(rows.map((row) => sessionEvent(row)), { name, now });
}
