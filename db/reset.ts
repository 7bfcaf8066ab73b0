// npm run db:reset: empties the database (every table and the migration journal), then migrates.
import { sql } from 'drizzle-orm';
import { closeDb, db } from './index';
import { runMigrations } from './migrate-lib';

async function main() {
  if (process.env.NODE_ENV === 'production') {
    console.error('Refusé : pas de remise à zéro en production.');
    process.exit(1);
  }
  await db.execute(sql`drop schema if exists public cascade`);
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`create schema public`);
  await runMigrations();
  console.log('Base remise à zéro.');
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
