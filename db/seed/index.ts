// npm run db:seed -- --demo | --scale large
import { parseArgs } from 'node:util';
import { closeDb, db } from '../index';
import { runMigrations } from '../migrate-lib';
import { isEmpty, seedDemo } from './seed';

const { values } = parseArgs({
  options: { demo: { type: 'boolean', default: false }, scale: { type: 'string' } },
});

async function main() {
  if (process.env.NODE_ENV === 'production') {
    console.error('Refusé : les données de démonstration ne se chargent pas en production (NODE_ENV=production).');
    process.exit(1);
  }
  if (!values.demo && !values.scale) {
    console.error('Usage : npm run db:seed -- --demo | --scale large');
    process.exit(1);
  }
  if (values.scale && values.scale !== 'large') {
    console.error('Échelle inconnue : seule « large » existe (50 fois la démo).');
    process.exit(1);
  }
  await runMigrations();
  if (!(await isEmpty(db))) {
    console.error('La base contient déjà des comptes : lancez « npm run db:reset » avant de la remplir à nouveau.');
    process.exit(1);
  }
  const started = Date.now();
  const summary = await seedDemo(db, { scale: values.scale === 'large' ? 50 : 1 });
  console.log(`Données de démonstration créées en ${((Date.now() - started) / 1000).toFixed(1)} s :`, summary);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
