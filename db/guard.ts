// Dangerous scripts (db:reset) look at the database they are about to empty, not at NODE_ENV:
// a database that holds accounts other than the demo ones is real, and is refused unless the
// person types its name: `npm run db:reset -- --force <database name>`.
import { sql } from 'drizzle-orm';
import type { Database } from './index';

// Demo accounts: *@comptoir.test, the demo learners apprenantN@exemple.fr, and desk profiles
// without e-mail made by the demo seed (they come with the demo accounts).
export async function countRealAccounts(database: Database): Promise<number> {
  const exists = await database.execute(sql`select to_regclass('public.users') is not null as present`);
  const present = (exists as unknown as { rows?: { present: boolean }[] }).rows?.[0]?.present ?? (exists as unknown as { present: boolean }[])[0]?.present;
  if (!present) return 0;
  const result = await database.execute(
    sql`select count(*)::int as n from users where email is not null and email not like '%@comptoir.test' and email !~ '^apprenant[0-9]+@exemple\\.fr$'`,
  );
  const rows = (result as unknown as { rows?: { n: number }[] }).rows ?? (result as unknown as { n: number }[]);
  return Number(rows[0]?.n ?? 0);
}

// The name a person must type to confirm: the database of DATABASE_URL, or the PGlite folder.
export function databaseName(env: Record<string, string | undefined> = process.env): string {
  if (env.DATABASE_URL) return new URL(env.DATABASE_URL).pathname.replace(/^\//, '') || 'postgres';
  return env.PGLITE_DIR ?? '.data/pglite';
}

// null when allowed; otherwise the French reason for refusing.
export async function refusalToEmpty(database: Database, force: string | undefined, env: Record<string, string | undefined> = process.env): Promise<string | null> {
  const real = await countRealAccounts(database);
  if (real === 0) return null;
  const name = databaseName(env);
  if (force === name) return null;
  return `Refusé : la base « ${name} » contient ${real} compte(s) qui ne sont pas des comptes de démonstration. Pour l’effacer quand même, tapez son nom : npm run db:reset -- --force ${name}`;
}
