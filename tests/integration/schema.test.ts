import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attendance, enrollments, places, sessions, users, workshops } from '@/db/schema';
import { db, migrateTestDatabase } from '../helpers/db';

// The messages of an error and of its causes (drizzle wraps the driver's error): a refusal must
// name the constraint that refused, not merely fail.
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    const parts: string[] = [];
    for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
      const { message, constraint_name, constraint } = e as { message?: string; constraint_name?: string; constraint?: string };
      parts.push(message ?? '', constraint_name ?? '', constraint ?? '');
    }
    return parts.join(' | ');
  }
  throw new Error('the database accepted it');
}

// Rules the database holds by itself, whatever the code above it does.
describe('database constraints', () => {
  let sessionId: string;
  let userId: string;

  beforeAll(async () => {
    await migrateTestDatabase();
    const [place] = await db.insert(places).values({ slug: 'p', pivot: '123456789', name: 'P', commune: 'Feurs', postalCode: '42110', address: '1 rue' }).returning();
    const [workshop] = await db.insert(workshops).values({ slug: 'w', title: 'W', summary: 'S', level: 'beginner', durationMinutes: 60 }).returning();
    const [session] = await db
      .insert(sessions)
      .values({ workshopId: workshop!.id, placeId: place!.id, startsAt: new Date('2026-12-01T13:00:00Z'), endsAt: new Date('2026-12-01T15:00:00Z'), capacity: 10 })
      .returning();
    const [user] = await db.insert(users).values({ name: 'U', email: 'u@exemple.fr' }).returning();
    sessionId = session!.id;
    userId = user!.id;
  });

  it('allows one sign-up per person and session', async () => {
    await db.insert(enrollments).values({ sessionId, userId, status: 'confirmed' });
    expect(await refusal(db.insert(enrollments).values({ sessionId, userId, status: 'waitlisted' }))).toContain('enrollments_session_user_unique');
  });

  it('refuses a negative capacity and a session that ends before it starts', async () => {
    expect(await refusal(db.execute(sql`update sessions set capacity = -1 where id = ${sessionId}`))).toContain('sessions_capacity_non_negative');
    expect(await refusal(db.execute(sql`update sessions set ends_at = starts_at - interval '1 hour' where id = ${sessionId}`))).toContain('sessions_ends_after_start');
  });

  it('refuses status values outside the vocabulary', async () => {
    expect(await refusal(db.execute(sql`update enrollments set status = 'maybe' where session_id = ${sessionId}`))).toContain('enrollment_status');
    expect(await refusal(db.execute(sql`insert into attendance (session_id, user_id, status) values (${sessionId}, ${userId}, 'sleeping')`))).toContain('attendance_status');
    await db.insert(attendance).values({ sessionId, userId, status: 'present' });
  });

  it('refuses two accounts with the same e-mail and an e-mail with capitals', async () => {
    expect(await refusal(db.insert(users).values({ name: 'V', email: 'u@exemple.fr' }))).toContain('users_email_unique');
    expect(await refusal(db.insert(users).values({ name: 'V', email: 'V@exemple.fr' }))).toContain('users_email_lowercase');
    // People without e-mail (signed up at the desk) are many.
    await db.insert(users).values([{ name: 'Sans e-mail 1' }, { name: 'Sans e-mail 2' }]);
  });

  it('has unaccent and pg_trgm for French search', async () => {
    const rows = await db.execute<{ plain: string; score: number }>(sql`select unaccent('Démarches') as plain, similarity('smartfone', 'smartphone') as score`);
    const row = (Array.isArray(rows) ? rows[0] : (rows as unknown as { rows: { plain: string; score: number }[] }).rows[0])!;
    expect(row.plain).toBe('Demarches');
    expect(Number(row.score)).toBeGreaterThan(0.3);
  });
});
