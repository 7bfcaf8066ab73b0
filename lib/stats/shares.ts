import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db';
import { cached, invalidateLocal } from '@/lib/cache';
import { places, statShares, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { hashSecret } from '@/lib/auth/secret-hash';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { computeStats, toPublicStats, type PublicStats } from './impact';
import { periodQuerySchema } from './period';
import { isUuid } from '@/lib/ids';

// Read-only public links to the statistics of a place or of the network for a period. Whoever
// has the link sees aggregates only (toPublicStats); a coordinator can revoke it at any time.
// Only the token's hash is kept: the link is shown once, when made; a new link for the same place
// and period replaces a lost one.

export type ShareView = {
  id: string;
  scope: 'network' | 'place';
  place: { slug: string; name: string } | null;
  from: string;
  to: string;
  createdByName: string | null;
  createdAt: Date;
  revokedAt: Date | null;
};

export const createShareSchema = z.object({
  // A place's slug; empty for the whole network.
  place: z.string().trim().max(200).default(''),
  from: z.iso.date({ error: 'Indiquez la date de début (jour, mois, année).' }),
  to: z.iso.date({ error: 'Indiquez la date de fin (jour, mois, année).' }),
});

const TOKEN = /^[A-Za-z0-9_-]{32}$/;
const tokenHash = (token: string) => hashSecret('share', token);

const columns = {
  id: statShares.id,
  scope: statShares.scope,
  placeSlug: places.slug,
  placeName: places.name,
  from: statShares.fromDate,
  to: statShares.toDate,
  createdByName: users.name,
  createdAt: statShares.createdAt,
  revokedAt: statShares.revokedAt,
};

type Row = { id: string; scope: string; placeSlug: string | null; placeName: string | null; from: string; to: string; createdByName: string | null; createdAt: Date; revokedAt: Date | null };
const view = (r: Row): ShareView => ({
  id: r.id,
  scope: r.scope === 'place' ? 'place' : 'network',
  place: r.placeSlug && r.placeName ? { slug: r.placeSlug, name: r.placeName } : null,
  from: r.from,
  to: r.to,
  createdByName: r.createdByName,
  createdAt: r.createdAt,
  revokedAt: r.revokedAt,
});

export async function createStatShare(actor: Actor | null, input: unknown, now = new Date()): Promise<ShareView & { token: string }> {
  assertCan(actor, 'stats:network');
  const data = parseInput(createShareSchema, input);
  const period = periodQuerySchema.safeParse(data);
  if (!period.success) throw new ValidationError({ to: period.error.issues.map((i) => i.message) });
  let placeId: string | null = null;
  if (data.place) {
    const [place] = await db.select({ id: places.id }).from(places).where(eq(places.slug, data.place));
    if (!place) throw new ValidationError({ place: ['Ce lieu n’existe pas.'] });
    placeId = place.id;
  }
  return insertShare(actor!, { scope: placeId ? 'place' : 'network', placeId, from: data.from, to: data.to }, now);
}

// A new link (24 random bytes: 32 URL-safe characters, not guessable); its token is returned
// this once, with the link.
async function insertShare(actor: Actor, share: { scope: 'place' | 'network'; placeId: string | null; from: string; to: string }, now: Date, replacing?: string): Promise<ShareView & { token: string }> {
  const token = randomBytes(24).toString('base64url');
  let revoked: string | null = null;
  const id = await db.transaction(async (tx) => {
    if (replacing) revoked = await revokeInTransaction(tx, actor, replacing, now);
    const [row] = await tx
      .insert(statShares)
      .values({ tokenHash: tokenHash(token), scope: share.scope, placeId: share.placeId, fromDate: share.from, toDate: share.to, createdById: actor.id, createdAt: now })
      .returning({ id: statShares.id });
    await writeAudit(tx, { actorId: actor.id, action: 'stat_share.create', entityType: 'stat_share', entityId: row!.id, after: { ...share, replacing: replacing ?? null } });
    return row!.id;
  });
  if (revoked) invalidateLocal([revoked]);
  const [created] = (await listStatShares(actor)).filter((s) => s.id === id);
  return { ...created!, token };
}

// A new link for the same place and period; the old one stops working.
export async function renewStatShare(actor: Actor | null, id: string, now = new Date()): Promise<ShareView & { token: string }> {
  assertCan(actor, 'stats:network');
  if (!isUuid(id)) throw new NotFoundError('Ce lien n’existe pas.');
  const [old] = await db.select({ scope: statShares.scope, placeId: statShares.placeId, from: statShares.fromDate, to: statShares.toDate, revokedAt: statShares.revokedAt }).from(statShares).where(eq(statShares.id, id));
  if (!old || old.revokedAt) throw new NotFoundError('Ce lien n’existe pas ou a été révoqué.');
  return insertShare(actor!, { scope: old.scope === 'place' ? 'place' : 'network', placeId: old.placeId, from: old.from, to: old.to }, now, id);
}

export async function listStatShares(actor: Actor | null): Promise<ShareView[]> {
  assertCan(actor, 'stats:network');
  const rows = await db
    .select(columns)
    .from(statShares)
    .leftJoin(places, eq(places.id, statShares.placeId))
    .leftJoin(users, eq(users.id, statShares.createdById))
    .orderBy(desc(statShares.createdAt))
    .limit(200);
  return rows.map(view);
}

export async function revokeStatShare(actor: Actor | null, id: string, now = new Date()): Promise<void> {
  assertCan(actor, 'stats:network');
  if (!isUuid(id)) throw new NotFoundError('Ce lien n’existe pas.');
  const tag = await db.transaction((tx) => revokeInTransaction(tx, actor!, id, now));
  // The other instances hear it from the database (trigger of migration 0014); this one at once.
  if (tag) invalidateLocal([tag]);
}

// The revoked link's cache tag, or null when it was already revoked.
async function revokeInTransaction(tx: Executor, actor: Actor, id: string, now: Date): Promise<string | null> {
  const [row] = await tx.select({ revokedAt: statShares.revokedAt, tokenHash: statShares.tokenHash }).from(statShares).where(eq(statShares.id, id)).for('update');
  if (!row) throw new NotFoundError('Ce lien n’existe pas.');
  if (row.revokedAt) return null;
  await tx.update(statShares).set({ revokedAt: now }).where(eq(statShares.id, id));
  await writeAudit(tx, { actorId: actor.id, action: 'stat_share.revoke', entityType: 'stat_share', entityId: id, before: { revokedAt: null }, after: { revokedAt: now.toISOString() } });
  return `share:${row.tokenHash}`;
}

// A shared link's figures are kept this long in each instance (a revocation drops them at once):
// a link posted on a public page cannot be used to make the database compute statistics again and
// again, whatever the number of visitors.
export const SHARED_STATS_TTL_SECONDS = 300;

// What a public link shows, for anyone: null when the token is unknown or revoked.
export async function sharedStats(token: string): Promise<(PublicStats & { share: { from: string; to: string } }) | null> {
  if (!TOKEN.test(token)) return null;
  const hash = tokenHash(token);
  return cached(`share:${hash}`, [`share:${hash}`], () => loadSharedStats(hash), { ttlSeconds: SHARED_STATS_TTL_SECONDS });
}

async function loadSharedStats(hash: string): Promise<(PublicStats & { share: { from: string; to: string } }) | null> {
  const [share] = await db
    .select({ scope: statShares.scope, from: statShares.fromDate, to: statShares.toDate, place: { id: places.id, slug: places.slug, name: places.name, commune: places.commune } })
    .from(statShares)
    .leftJoin(places, eq(places.id, statShares.placeId))
    .where(and(eq(statShares.tokenHash, hash), isNull(statShares.revokedAt)));
  if (!share) return null;
  const period = { from: share.from, to: share.to };
  const stats = share.scope === 'place' && share.place?.id ? await computeStats({ kind: 'place', place: share.place }, period) : await computeStats({ kind: 'network' }, period);
  return { ...toPublicStats(stats), share: period };
}
