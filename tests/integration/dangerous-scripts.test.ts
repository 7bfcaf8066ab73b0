import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { countRealAccounts, databaseName, refusalToEmpty } from '@/db/guard';
import { db, seededTestDatabase } from '../helpers/db';

beforeAll(async () => {
  await seededTestDatabase();
}, 180_000);

describe('db:reset looks at the target database', () => {
  it('empties a demo database without asking', async () => {
    expect(await countRealAccounts(db)).toBe(0);
    expect(await refusalToEmpty(db, undefined, { PGLITE_DIR: '.data/demo' })).toBeNull();
  });

  it('refuses a database with real accounts, whatever NODE_ENV says, unless its name is typed', async () => {
    await db.insert(users).values({ name: 'Vraie Personne', email: 'vraie.personne@mairie.example' });
    expect(await countRealAccounts(db)).toBe(1);
    const env = { DATABASE_URL: 'postgres://u@db.example:5432/comptoir_prod', NODE_ENV: 'development' };
    expect(databaseName(env)).toBe('comptoir_prod');
    expect(await refusalToEmpty(db, undefined, env)).toMatch(/Refusé : la base « comptoir_prod » contient 1 compte/);
    expect(await refusalToEmpty(db, 'oui', env)).not.toBeNull();
    expect(await refusalToEmpty(db, 'comptoir_prod', env)).toBeNull();
  });
});
