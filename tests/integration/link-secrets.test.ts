import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as calendarGET } from '@/app/api/v1/me/calendar/[token]/route';
import { calendarFeed, createCalendarToken, myCalendarLink, revokeCalendarToken } from '@/lib/calendar/feed';
import { NotFoundError } from '@/lib/errors';
import { createStatShare, listStatShares, renewStatShare, revokeStatShare, sharedStats } from '@/lib/stats/shares';
import { demoActor } from '../helpers/actors';
import { db, migrateTestDatabase, migrateTestDatabaseWith, olderMigrations } from '../helpers/db';
import { seedDemo } from '@/db/seed/seed';

// Private calendar links and statistics share links are keys: the database keeps only their
// hash (lib/auth/secret-hash), the link is shown once. Migration 0014 turned the links already
// given into hashes: they keep working.

// Links given before migration 0014, when they were stored in clear.
const OLD_CALENDAR_TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
const OLD_SHARE_TOKEN = 'Zy9_-Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0';
const MADE_AT = new Date('2026-03-04T10:00:00Z');

// Every text of every table of the database, as one string per row.
async function everyRowAsText(): Promise<string[]> {
  const tables = await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const texts: string[] = [];
  for (const { table_name } of rowsOf<{ table_name: string }>(tables)) {
    const rows = await db.execute(sql`select t::text as row from ${sql.identifier(table_name)} t`);
    texts.push(...rowsOf<{ row: string }>(rows).map((r) => r.row));
  }
  return texts;
}

// postgres.js answers an array, PGlite an object with rows.
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

const feedStatus = async (token: string) => (await calendarGET(new Request(`http://localhost/api/v1/me/calendar/${token}.ics`), { params: Promise.resolve({ token: `${token}.ics` }) })).status;

describe('private links kept as hashes', () => {
  let oldOwnerId = '';
  beforeAll(async () => {
    // A database as it was before 0014, with one link of each kind given in clear.
    await migrateTestDatabaseWith(olderMigrations('0013_stats_rollups'));
    const [owner] = rowsOf<{ id: string }>(
      await db.execute(sql`insert into users (name, email, calendar_token) values ('Odile Ancienne', 'odile.ancienne@exemple.fr', ${OLD_CALENDAR_TOKEN}) returning id`),
    );
    oldOwnerId = owner!.id;
    await db.execute(sql`insert into audit_log (actor_id, action, entity_type, entity_id, at) values (${oldOwnerId}, 'calendar.token-create', 'user', ${oldOwnerId}, ${MADE_AT.toISOString()})`);
    await db.execute(sql`insert into stat_shares (token, scope, from_date, to_date) values (${OLD_SHARE_TOKEN}, 'network', '2025-01-01', '2025-12-31')`);
    // Then every migration, and the demo data.
    await migrateTestDatabase();
    await seedDemo(db);
  });

  it('keeps working the links given before migration 0014, whose clear value is gone', async () => {
    expect(await feedStatus(OLD_CALENDAR_TOKEN)).toBe(200);
    expect(await calendarFeed(OLD_CALENDAR_TOKEN)).toContain('BEGIN:VCALENDAR');
    expect(await sharedStats(OLD_SHARE_TOKEN)).toMatchObject({ share: { from: '2025-01-01', to: '2025-12-31' } });
    // The date the calendar link was made comes from the journal.
    const { loadActor } = await import('@/lib/accounts');
    expect(await myCalendarLink(await loadActor(oldOwnerId))).toEqual({ createdAt: MADE_AT });
    // A nearby token does not match (the hash is of the exact token).
    expect(await feedStatus(`${OLD_CALENDAR_TOKEN.slice(0, -1)}f`)).toBe(404);
    for (const row of await everyRowAsText()) {
      expect(row).not.toContain(OLD_CALENDAR_TOKEN);
      expect(row).not.toContain(OLD_SHARE_TOKEN);
    }
  });

  it('never writes a new link in clear anywhere in the database, journal included', async () => {
    const learner = await demoActor('learner');
    const coordinator = await demoActor('coordinator');
    const calendarToken = await createCalendarToken(learner);
    const share = await createStatShare(coordinator, { place: '', from: '2026-01-01', to: '2026-06-30' });
    expect(calendarToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(share.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await feedStatus(calendarToken)).toBe(200);
    expect(await sharedStats(share.token)).not.toBeNull();
    const rows = await everyRowAsText();
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(row).not.toContain(calendarToken);
      expect(row).not.toContain(share.token);
    }
    // The list of links tells when each was made, never the link.
    expect(JSON.stringify(await listStatShares(coordinator))).not.toContain(share.token);
    expect(await myCalendarLink(learner)).toMatchObject({ createdAt: expect.any(Date) });
  });

  it('stops the old calendar link when a new one is made, and every link when revoked', async () => {
    const learner = await demoActor('learner');
    const first = await createCalendarToken(learner);
    const second = await createCalendarToken(learner);
    expect(second).not.toBe(first);
    expect(await feedStatus(first)).toBe(404);
    expect(await feedStatus(second)).toBe(200);
    await revokeCalendarToken(learner);
    expect(await feedStatus(second)).toBe(404);
    expect(await myCalendarLink(learner)).toBeNull();
  });

  it('stops the old share link when a new one is made for the same place and period', async () => {
    const coordinator = await demoActor('coordinator');
    const old = await createStatShare(coordinator, { place: '', from: '2026-02-01', to: '2026-02-28' });
    expect(await sharedStats(old.token)).not.toBeNull();
    const renewed = await renewStatShare(coordinator, old.id);
    expect(renewed).toMatchObject({ scope: 'network', from: '2026-02-01', to: '2026-02-28', revokedAt: null });
    expect(renewed.id).not.toBe(old.id);
    expect(await sharedStats(old.token)).toBeNull();
    expect(await sharedStats(renewed.token)).toMatchObject({ share: { from: '2026-02-01', to: '2026-02-28' } });
    const listed = await listStatShares(coordinator);
    expect(listed.find((s) => s.id === old.id)?.revokedAt).toBeInstanceOf(Date);
    // A revoked link cannot be renewed (its replacement already exists).
    await expect(renewStatShare(coordinator, old.id)).rejects.toBeInstanceOf(NotFoundError);
    await revokeStatShare(coordinator, renewed.id);
    expect(await sharedStats(renewed.token)).toBeNull();
  });
});
