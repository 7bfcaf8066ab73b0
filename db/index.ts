import 'server-only';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '@/lib/env';
import * as schema from './schema';

// Both drivers expose the same query builder; the app is typed against the postgres.js one.
export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

// Counts the queries this process sends (tests assert that a page sends a constant number).
export const queryCounter = { count: 0 };
const logger = { logQuery: () => void queryCounter.count++ };

// listen: calls back on each NOTIFY of the channel, from any connection of any process on
// PostgreSQL, from this process on PGlite (lib/cache uses it to invalidate every instance).
type Client = { db: Database; close: () => Promise<void>; kind: 'postgres' | 'pglite'; listen: (channel: string, onPayload: (payload: string) => void) => Promise<void> };

function connect(): Client {
  const { DATABASE_URL, PGLITE_DIR } = env();
  if (DATABASE_URL) {
    const sql = postgres(DATABASE_URL, { max: 10, connect_timeout: 5, onnotice: () => {} });
    return {
      db: drizzlePostgres(sql, { schema, casing: 'snake_case', logger }),
      close: () => sql.end({ timeout: 5 }),
      kind: 'postgres',
      listen: async (channel, onPayload) => void (await sql.listen(channel, onPayload)),
    };
  }
  if (!PGLITE_DIR.includes('://')) mkdirSync(PGLITE_DIR, { recursive: true });
  const pg = new PGlite(PGLITE_DIR, { extensions: { unaccent, pg_trgm } });
  return {
    db: drizzlePglite(pg, { schema, casing: 'snake_case', logger }) as unknown as Database,
    close: () => pg.close(),
    kind: 'pglite',
    listen: async (channel, onPayload) => void (await pg.listen(channel, onPayload)),
  };
}

// One client per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { comptoirDb?: Client };

export function client(): Client {
  globalForDb.comptoirDb ??= connect();
  return globalForDb.comptoirDb;
}

export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = client().db as unknown as Record<PropertyKey, unknown>;
    const value = real[property];
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});

export async function closeDb(): Promise<void> {
  const current = globalForDb.comptoirDb;
  globalForDb.comptoirDb = undefined;
  await current?.close();
}

export { schema };
