import 'server-only';
import { and, count, countDistinct, eq, gt } from 'drizzle-orm';
import { db } from '@/db';
import { enrollments, places, sessions, workshops } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/policy';

export type NetworkOverview = { places: number; workshops: number; upcomingSessions: number; learners: number };

// Headline figures of the whole network, for coordinators.
export async function networkOverview(actor: Actor | null, now = new Date()): Promise<NetworkOverview> {
  assertCan(actor, 'stats:network');
  const [[p], [w], [s], [l]] = await Promise.all([
    db.select({ n: count() }).from(places).where(eq(places.active, true)),
    db.select({ n: count() }).from(workshops).where(eq(workshops.status, 'published')),
    db.select({ n: count() }).from(sessions).where(and(eq(sessions.status, 'scheduled'), gt(sessions.startsAt, now))),
    db.select({ n: countDistinct(enrollments.userId) }).from(enrollments).where(eq(enrollments.status, 'confirmed')),
  ]);
  return { places: p?.n ?? 0, workshops: w?.n ?? 0, upcomingSessions: s?.n ?? 0, learners: l?.n ?? 0 };
}
