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
