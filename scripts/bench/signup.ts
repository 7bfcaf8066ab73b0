// Sign-ups per second: over HTTP (POST /api/v1/sessions/{id}/enrollments, signed-in people) and
// the same lock-count-insert transaction sent straight to the database, with the same number of
// clients. Each run signs fresh people up to a fresh session with seats for all.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { sessions } from '@/db/schema';
import { confirmedSeats } from '@/lib/enrollment/seats';
import { percentile } from './http';

export type Throughput = { count: number; perSecond: number; p50: number; p99: number; errors: number };

// `total` calls of `once`, `concurrency` at a time.
export async function runCount(once: (i: number) => Promise<boolean>, concurrency: number, total: number): Promise<Throughput> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        if (!(await once(i).catch(() => false))) errors++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return { count: total, perSecond: total / elapsed, p50: percentile(sorted, 50), p99: percentile(sorted, 99), errors };
}

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

// A session next week with seats for everyone, and `count` new people.
export async function prepareSignups(db: Database, count: number): Promise<{ sessionId: string; userIds: string[] }> {
  const run = Date.now().toString(36);
  const [session] = await rows<{ id: string }>(db, sql`
    insert into sessions (workshop_id, place_id, starts_at, ends_at, capacity)
    select w.id, wp.place_id, now() + interval '7 days', now() + interval '7 days 2 hours', 1000000
    from workshops w join workshop_places wp on wp.workshop_id = w.id where w.status = 'published' limit 1
    returning id`);
  const people = await rows<{ id: string }>(db, sql`
    insert into users (name, email) select 'Banc ' || g, 'banc.' || ${run} || '.' || g || '@exemple.fr' from generate_series(1, ${count}) g returning id`);
  return { sessionId: session!.id, userIds: people.map((p) => p.id) };
}

// The sign-up reduced to its rule: lock the session, count its confirmed seats, insert.
export async function signupsInSql(db: Database, concurrency: number, count: number): Promise<Throughput> {
  const { sessionId, userIds } = await prepareSignups(db, count);
  return runCount(
    async (i) => {
      await db.transaction(async (tx) => {
        await tx.execute(sql`select id from sessions where id = ${sessionId} for update`);
        await tx.select({ seats: confirmedSeats(sessionId) }).from(sessions).where(eq(sessions.id, sessionId));
        await tx.execute(sql`insert into enrollments (session_id, user_id, status, source, created_by_id, confirmed_at) values (${sessionId}, ${userIds[i]!}, 'confirmed', 'self', ${userIds[i]!}, now())`);
      });
      return true;
    },
    concurrency,
    count,
  );
}

// The session cookie of each person, signed with the server's secret.
export async function cookiesOf(userIds: string[], secret: string): Promise<string[]> {
  const { encode } = await import('next-auth/jwt');
  return Promise.all(userIds.map(async (id) => `authjs.session-token=${await encode({ token: { sub: id }, secret, salt: 'authjs.session-token', maxAge: 3600 })}`));
}

// The first `warmUp` people sign up before the clock starts (the route's code is loaded on its
// first request, which would otherwise count in a short run), the others are measured.
export const WARM_UP_SIGNUPS = 40;

export async function signupsOverHttp(baseUrl: string, sessionId: string, cookies: string[], concurrency: number, warmUp = WARM_UP_SIGNUPS): Promise<Throughput> {
  const url = `${baseUrl}/api/v1/sessions/${sessionId}/enrollments`;
  const once = async (cookie: string) => {
    const response = await fetch(url, { method: 'POST', headers: { cookie, origin: baseUrl } });
    await response.arrayBuffer();
    return response.status === 201;
  };
  await runCount((i) => once(cookies[i]!), concurrency, warmUp);
  return runCount((i) => once(cookies[warmUp + i]!), concurrency, cookies.length - warmUp);
}
