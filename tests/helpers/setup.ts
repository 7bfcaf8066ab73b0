// Runs before every test file, before its imports: gives the file a database of its own.
// With TEST_DATABASE_URL, a fresh PostgreSQL database (dropped afterwards); otherwise an
// in-memory PGlite. Nothing is created until a test asks for it (see ./db.ts).
import { afterAll } from 'vitest';

delete process.env.DATABASE_URL;
process.env.PGLITE_DIR = 'memory://';
process.env.LOG_LEVEL ??= 'silent';
// The data cache of public pages is tested on its own (tests/integration/cache.test.ts).
process.env.COMPTOIR_DATA_CACHE ??= 'off';

const server = process.env.TEST_DATABASE_URL;
if (server) {
  const name = `comptoir_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.COMPTOIR_TEST_DB_NAME = name;
}

afterAll(async () => {
  const { closeDb } = await import('@/db');
  await closeDb();
  const name = process.env.COMPTOIR_TEST_DB_NAME;
  if (server && name && globalThis.comptoirTestDbCreated) {
    const postgres = (await import('postgres')).default;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
});

declare global {
  var comptoirTestDbCreated: boolean | undefined;
}
