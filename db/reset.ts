// npm run db:reset [-- --seed]: empties the database (every table and the migration journal),
// migrates it again, and with --seed loads the demo network.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { refusalToEmpty } from './guard';
import { closeDb, db } from './index';
import { runMigrations } from './migrate-lib';
import { seedDemo } from './seed/seed';

const { values } = parseArgs({ options: { seed: { type: 'boolean', default: false }, force: { type: 'string' } }, strict: false });

async function main() {
  const refusal = await refusalToEmpty(db, typeof values.force === 'string' ? values.force : undefined);
  if (refusal) {
    console.error(refusal);
    process.exitCode = 1;
    return;
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
