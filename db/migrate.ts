// npm run db:migrate [-- --seed-if-empty]: applies drizzle/ migrations; `npm run dev` also seeds
// the demo network the first time, so a newcomer lands on a populated app.
import { parseArgs } from 'node:util';
import { closeDb, client, db } from './index';
import { runMigrations } from './migrate-lib';
import { isEmpty, seedDemo } from './seed/seed';

const { values } = parseArgs({ options: { 'seed-if-empty': { type: 'boolean', default: false } } });

async function main() {
  const started = Date.now();
  await runMigrations();
  console.log(`Base de données à jour (${client().kind}) en ${Date.now() - started} ms.`);
  if (values['seed-if-empty'] && process.env.NODE_ENV !== 'production' && (await isEmpty(db))) {
    const summary = await seedDemo(db);
    console.log('Base vide : données de démonstration créées.', summary);
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
