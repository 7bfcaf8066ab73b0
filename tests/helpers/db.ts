import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { client, db } from '@/db';
import { runMigrations } from '@/db/migrate-lib';
import { seedDemo, type SeedOptions } from '@/db/seed/seed';

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

// Creates (on PostgreSQL) and migrates this test file's database. No parameter: it is passed
// as is to beforeAll, whose fixtures argument must not be taken for a folder.
export function migrateTestDatabase(): Promise<void> {
  return createAndMigrate();
}

// The same with the migrations of another folder (see olderMigrations).
export function migrateTestDatabaseWith(migrationsFolder: string): Promise<void> {
  return createAndMigrate(migrationsFolder);
}

async function createAndMigrate(migrationsFolder?: string): Promise<void> {
  const server = process.env.TEST_DATABASE_URL;
  const name = process.env.COMPTOIR_TEST_DB_NAME;
  if (server && name && !globalThis.comptoirTestDbCreated) {
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    globalThis.comptoirTestDbCreated = true;
  }
  await runMigrations(migrationsFolder);
}

// A copy of drizzle/ that stops after the migration `lastTag` (e.g. "0013_stats_rollups"), to
// test how the next migration converts existing data.
export function olderMigrations(lastTag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'comptoir-migrations-'));
  cpSync(path.join(process.cwd(), 'drizzle'), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

export async function seededTestDatabase(options: SeedOptions = {}) {
  await migrateTestDatabase();
  return seedDemo(db, options);
}

export { client, db };
