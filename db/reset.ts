// npm run db:reset [-- --seed]: empties the database (every table and the migration journal),
// migrates it again, and with --seed loads the demo network.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { closeDb, db } from './index';
import { runMigrations } from './migrate-lib';
import { seedDemo } from './seed/seed';

const { values } = parseArgs({ options: { seed: { type: 'boolean', default: false } }, strict: false });

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
  if (values.seed) console.log('Données de démonstration créées :', await seedDemo(db));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
