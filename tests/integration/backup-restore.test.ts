import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { asc, eq } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Database, schema } from '@/db';
import { enrollments, users } from '@/db/schema';
import { backupDatabase, backupKind, replayErasures, restoreDatabase } from '@/lib/backup';
import { searchCatalogue } from '@/lib/catalogue/search';
import { eraseMyAccount } from '@/lib/privacy';
import { statsFor } from '@/lib/stats/impact';
import { demoActor } from '../helpers/actors';
import { db, seededTestDatabase } from '../helpers/db';
import { hashPassword } from '@/lib/auth/password';

// The restore drill: back up the demo database, erase someone, restore the backup into a fresh
// database, and the app serves the same catalogue, sign-ups and statistics — with the erasure
// replayed.

type Snapshot = { catalogue: unknown; signUps: unknown; stats: unknown; erasedName: string | undefined };

const period = { from: new Date(Date.now() - 300 * 86400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) };

async function snapshot(erasedId: string): Promise<Snapshot> {
  const coordinator = await demoActor('coordinator');
  const catalogue = (await searchCatalogue({}, { now: new Date('2026-01-01T00:00:00Z'), pageSize: 100 })).items.map((i) => (i as { slug?: string }).slug ?? i);
  const signUps = await db.select({ id: enrollments.id, status: enrollments.status }).from(enrollments).orderBy(asc(enrollments.id));
  const stats = await statsFor(coordinator, period);
  const [erased] = await db.select({ name: users.name }).from(users).where(eq(users.id, erasedId));
  return { catalogue, signUps, stats, erasedName: erased?.name };
}

describe('backup and restore drill', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'comptoir-backup-'));
  const holder = globalThis as unknown as { comptoirDb?: ReturnType<typeof client> };
  let original: ReturnType<typeof client>;
  let restored: { db: Database; close: () => Promise<void> } | undefined;
  let dropRestored: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    await seededTestDatabase();
    original = client();
  });
  afterAll(async () => {
    holder.comptoirDb = original;
    await restored?.close();
    await dropRestored?.();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('restores a backup that serves the same catalogue, sign-ups and statistics, with later erasures replayed', async () => {
    const [person] = await db
      .insert(users)
      .values({ name: 'Gaspard Restauré', email: 'gaspard.restaure@exemple.fr', passwordHash: await hashPassword('mot-de-passe-gaspard') })
      .returning({ id: users.id });
    const file = path.join(tmp, 'comptoir.dump');
    const { kind } = await backupDatabase(file);
    expect(await backupKind(file)).toBe(kind);

    // Erased after the backup: the backup still holds them.
    await eraseMyAccount({ id: person!.id, name: 'Gaspard Restauré', email: 'gaspard.restaure@exemple.fr', roles: ['learner'], staffedPlaceIds: [] }, { password: 'mot-de-passe-gaspard' });
    const before = await snapshot(person!.id);
    expect(before.erasedName).toBe('Personne effacée');

    if (kind === 'postgres') {
      const server = process.env.TEST_DATABASE_URL!;
      const name = `${process.env.COMPTOIR_TEST_DB_NAME}_restored`;
      const admin = postgres(server, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      dropRestored = async () => {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      };
      const url = new URL(server);
      url.pathname = `/${name}`;
      await restoreDatabase(file, { url: url.toString() });
      await expect(restoreDatabase(file, { url: url.toString() })).rejects.toThrow(/already holds data/);
      const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
      restored = { db: drizzlePostgres(sql, { schema, casing: 'snake_case' }), close: () => sql.end() };
    } else {
      const dir = path.join(tmp, 'restored');
      await restoreDatabase(file, { url: undefined, dir });
      await expect(restoreDatabase(file, { url: undefined, dir })).rejects.toThrow(/already holds a database/);
      const pg = new PGlite(dir, { extensions: { unaccent, pg_trgm } });
      restored = { db: drizzlePglite(pg, { schema, casing: 'snake_case' }) as unknown as Database, close: () => pg.close() };
    }

    const [stillThere] = await restored.db.select({ name: users.name }).from(users).where(eq(users.id, person!.id));
    expect(stillThere?.name).toBe('Gaspard Restauré');
    expect(await replayErasures(restored.db)).toBe(1);
    expect(await replayErasures(restored.db)).toBe(0);

    holder.comptoirDb = { db: restored.db, close: async () => {}, kind } as ReturnType<typeof client>;
    const after = await snapshot(person!.id);
    holder.comptoirDb = original;
    expect(after).toEqual(before);
  });
});
