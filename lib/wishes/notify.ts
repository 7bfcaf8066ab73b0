import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import type { Executor } from '@/db';
import { sessions, wishVotes, wishes, workshops } from '@/db/schema';
import { publicOrigin } from '@/lib/http/origin';
import { enqueue } from '@/lib/notes/notify';
import { loadRecipients } from '@/lib/notifications';

// Call in the transaction that schedules a session or publishes a workshop: once the workshop
// is published with an upcoming session, the people behind its wishes are told (once each).
export async function notifyWishersWhenOpen(tx: Executor, workshopId: string, now: Date): Promise<number> {
  const [w] = await tx.select({ status: workshops.status, slug: workshops.slug, title: workshops.title }).from(workshops).where(eq(workshops.id, workshopId));
  if (!w || w.status !== 'published') return 0;
  const [first] = await tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.workshopId, workshopId), eq(sessions.status, 'scheduled'), gt(sessions.startsAt, now)))
    .orderBy(sessions.startsAt)
    .limit(1);
  if (!first) return 0;
  let sent = 0;
  for (const wish of await tx.select({ id: wishes.id, title: wishes.title, authorId: wishes.authorId }).from(wishes).where(eq(wishes.workshopId, workshopId))) {
    const voters = await tx.select({ id: wishVotes.userId }).from(wishVotes).where(eq(wishVotes.wishId, wish.id));
    const ids = [...new Set([wish.authorId, ...voters.map((v) => v.id)].filter((x): x is string => Boolean(x)))];
    sent += await enqueue(
      tx,
      await loadRecipients(tx, ids),
      { kind: 'wish-opened', key: 'wishOpened', vars: { title: w.title, wish: wish.title, url: `${publicOrigin()}/ateliers/${w.slug}` } },
      { sessionId: first.id, now, dedupe: `wish-opened:${wish.id}` },
    );
  }
  return sent;
}
