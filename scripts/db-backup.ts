// npm run db:backup -- --out FILE: a pg_dump archive of the database named by DATABASE_URL, or a
// dump of the embedded PGlite database (PGLITE_DIR). See README, "Backups".
import { parseArgs } from 'node:util';
import { closeDb } from '@/db';
import { backupDatabase } from '@/lib/backup';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = values.out ?? `backups/comptoir-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`;

backupDatabase(out)
  .then(({ kind, bytes }) => console.log(`Backup written: ${out} (${kind}, ${Math.round(bytes / 1024)} KiB)`))
  .catch((error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
