import 'server-only';
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { client } from './index';

const defaultFolder = path.join(process.cwd(), 'drizzle');

// migrationsFolder: another folder only for tests of a migration (from a database one step older).
export async function runMigrations(migrationsFolder = defaultFolder): Promise<void> {
  const { db, kind } = client();
  if (kind === 'pglite') {
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(db, { migrationsFolder });
  }
}
