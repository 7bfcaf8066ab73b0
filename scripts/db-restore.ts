// npm run db:restore -- FILE [--force]: restores a backup into the database named by DATABASE_URL
// (or the embedded one in PGLITE_DIR), brings its schema up to date, then erases again the people
// of the erasure log (ERASURE_LOG) erased after the backup was taken. Refuses a database that
// already holds data unless --force.
import { parseArgs } from 'node:util';
import { closeDb, db } from '@/db';
import { runMigrations } from '@/db/migrate-lib';
import { replayErasures, restoreDatabase } from '@/lib/backup';

const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
const file = positionals[0];

async function main() {
  if (!file) throw new Error('Usage: npm run db:restore -- FILE [--force]');
  const { kind } = await restoreDatabase(file, { force: values.force });
  await runMigrations();
  const replayed = await replayErasures(db);
  console.log(`Restored ${file} (${kind}); ${replayed} erasure(s) replayed.`);
}

main()
  .catch((error: unknown) => {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
