import 'server-only';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { client, type Database } from '@/db';
import { users } from '@/db/schema';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { erasePerson } from '@/lib/privacy';
import { readErasureLog } from '@/lib/privacy/erasure-log';

// Backups: a pg_dump archive (custom format) of the PostgreSQL database named by DATABASE_URL,
// or a gzipped tar of the embedded PGlite data directory. A restore replays the erasure log, so
// that people erased after the backup was taken are erased again.

const run = promisify(execFile);

export type BackupKind = 'postgres' | 'pglite';

export async function backupDatabase(out: string): Promise<{ kind: BackupKind; bytes: number }> {
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  const { DATABASE_URL } = env();
  if (DATABASE_URL) {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', out, DATABASE_URL], { maxBuffer: 64 * 1024 * 1024 });
  } else {
    const pg = client().pglite!;
    const blob = await pg.dumpDataDir('gzip');
    await writeFile(out, new Uint8Array(await blob.arrayBuffer()));
  }
  const bytes = (await readFile(out)).byteLength;
  return { kind: DATABASE_URL ? 'postgres' : 'pglite', bytes };
}

// What a backup file is, from its first bytes: "PGDMP" for pg_dump, gzip for a PGlite data dir.
export async function backupKind(file: string): Promise<BackupKind> {
  const head = (await readFile(file)).subarray(0, 5);
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  throw new Error(`${file} is neither a pg_dump archive nor a PGlite data directory dump`);
}

async function postgresHasData(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select to_regclass('public.users') is not null as has_users`;
    if (!row?.has_users) return false;
    const [count] = await sql`select exists (select 1 from users) as any`;
    return Boolean(count?.any);
  } finally {
    await sql.end();
  }
}

// Restores a backup into the database named by DATABASE_URL (or the embedded one in PGLITE_DIR).
// Refuses a database that already holds data unless `force`.
export async function restoreDatabase(
  file: string,
  { force = false, url = env().DATABASE_URL, dir = env().PGLITE_DIR }: { force?: boolean; url?: string; dir?: string } = {},
): Promise<{ kind: BackupKind }> {
  const kind = await backupKind(file);
  const DATABASE_URL = url;
  const PGLITE_DIR = dir;
  if (kind === 'postgres') {
    if (!DATABASE_URL) throw new Error('This is a PostgreSQL backup: set DATABASE_URL to the database to restore into.');
    if (!force && (await postgresHasData(DATABASE_URL))) throw new Error('The database already holds data: restore into an empty database, or add --force to replace it.');
    await run('pg_restore', ['--no-owner', '--no-privileges', '--clean', '--if-exists', '--exit-on-error', '--single-transaction', '--dbname', DATABASE_URL, file], { maxBuffer: 64 * 1024 * 1024 });
  } else {
    if (DATABASE_URL) throw new Error('This is a backup of the embedded database: unset DATABASE_URL to restore it into PGLITE_DIR.');
    if (PGLITE_DIR.includes('://')) throw new Error('PGLITE_DIR must be a folder to restore into.');
    if (existsSync(PGLITE_DIR) && readdirSync(PGLITE_DIR).length > 0) {
      if (!force) throw new Error(`${PGLITE_DIR} already holds a database: add --force to replace it (it is kept aside).`);
      renameSync(PGLITE_DIR, `${PGLITE_DIR}.before-restore-${Date.now()}`);
    }
    const pg = new PGlite(PGLITE_DIR, { loadDataDir: new Blob([new Uint8Array(await readFile(file))]), extensions: { unaccent, pg_trgm } });
    await pg.waitReady;
    await pg.close();
  }
  return { kind };
}

// Erases again everyone in the erasure log who is not erased in `database` (a restored backup).
export async function replayErasures(database: Database, now = new Date()): Promise<number> {
  let replayed = 0;
  for (const { userId } of await readErasureLog()) {
    const [user] = await database.select({ erasedAt: users.erasedAt }).from(users).where(eq(users.id, userId));
    if (!user || user.erasedAt) continue;
    await database.transaction((tx) => erasePerson(tx, userId, { actorId: null, reason: 'replay after restore', now, farewell: false }));
    replayed++;
  }
  if (replayed) log.info({ replayed }, 'erasures replayed after restore');
  return replayed;
}
