import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { rateLimits } from '@/db/schema';
import { RateLimitedError } from './errors';

// Fixed-window counter kept in the database, so every app instance shares it.
// One atomic upsert: the window restarts when it has expired, otherwise the count grows.
export async function hit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<void> {
  const windowStart = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} < ${windowStart} - make_interval(secs => ${windowSeconds}) then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} < ${windowStart} - make_interval(secs => ${windowSeconds}) then ${windowStart} else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  if (row && row.count > limit) {
    const retryAfter = Math.max(1, Math.ceil((row.windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
    throw new RateLimitedError(retryAfter);
  }
}

// Forgets a key's count, e.g. after a successful sign-in: only consecutive failures add up.
export async function clearHits(key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

// Refuses (429) when a key has already reached `limit` in its current window, without counting
// this call: for limits on failures, checked before the attempt and counted only when it fails.
export async function assertUnder(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<void> {
  const [row] = await db.select({ count: rateLimits.count, windowStart: rateLimits.windowStart }).from(rateLimits).where(eq(rateLimits.key, key));
  if (!row) return;
  const endsAt = row.windowStart.getTime() + windowSeconds * 1000;
  if (endsAt <= now.getTime() || row.count < limit) return;
  throw new RateLimitedError(Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)));
}

// Counts one event (a failure) for a key, never refusing.
export async function recordHit(key: string, windowSeconds: number, now = new Date()): Promise<void> {
  await hit(key, Number.MAX_SAFE_INTEGER, windowSeconds, now);
}
