import postgres from 'postgres';
import { client, db } from '@/db';
import { runMigrations } from '@/db/migrate-lib';
import { seedDemo, type SeedOptions } from '@/db/seed/seed';

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

// Creates (on PostgreSQL) and migrates this test file's database.
export async function migrateTestDatabase(): Promise<void> {
  const server = process.env.TEST_DATABASE_URL;
  const name = process.env.COMPTOIR_TEST_DB_NAME;
  if (server && name && !globalThis.comptoirTestDbCreated) {
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    globalThis.comptoirTestDbCreated = true;
  }
  await runMigrations();
}

export async function seededTestDatabase(options: SeedOptions = {}) {
  await migrateTestDatabase();
  return seedDemo(db, options);
}

export { client, db };
