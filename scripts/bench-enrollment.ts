// npm run bench:enrollment — sign-ups against two app instances on one PostgreSQL database.
//
// Creates a throw-away database on BENCH_DATABASE_URL (default: TEST_DATABASE_URL, or the local
// server), migrates and seeds it, starts two `next start` processes on it (run `npm run build`
// first), then fires BENCH_PEOPLE (200) sign-up requests at once at a session of BENCH_CAPACITY
// (12) seats, split between the two instances, and 5 racing cancellations. It checks that exactly
// the capacity is confirmed, that the waiting positions are 1…N without gaps or duplicates, and
// that each freed seat went to the oldest waiting person, once. Prints the figures; exits 1 if a
// check fails. `--keep` keeps the database.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { encode } from 'next-auth/jwt';
import postgres from 'postgres';

const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ports = (process.env.BENCH_PORTS ?? '3004,3104').split(',').map(Number);
const people = Number(process.env.BENCH_PEOPLE ?? 200);
const capacity = Number(process.env.BENCH_CAPACITY ?? 12);
const secret = 'bench-secret-only-for-this-run-0123456789';
const dbName = `comptoir_bench_${Date.now().toString(36)}`;
const dbUrl = (() => {
  const url = new URL(server);
  url.pathname = `/${dbName}`;
  return url.toString();
})();

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? '✔' : '✘'} ${what}`);
  if (!ok) failures.push(what);
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function waitHealthy(port: number, child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance on port ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance on port ${port} did not become healthy`);
}

async function main() {
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) throw new Error('No build found: run `npm run build` first.');
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  await admin.end();
  // The app modules read DATABASE_URL when first used.
  process.env.DATABASE_URL = dbUrl;
  const { db, closeDb } = await import('@/db');
  const { runMigrations } = await import('@/db/migrate-lib');
  const { seedDemo } = await import('@/db/seed/seed');
  const schema = await import('@/db/schema');
  const { and, asc, eq } = await import('drizzle-orm');
  const instances: ChildProcess[] = [];
  try {
    await runMigrations();
    await seedDemo(db);
    const [workshop] = await db.select({ id: schema.workshops.id }).from(schema.workshops).limit(1);
    const [place] = await db.select({ id: schema.places.id }).from(schema.places).limit(1);
    const startsAt = new Date(Date.now() + 7 * 86400_000);
    const [session] = await db
      .insert(schema.sessions)
      .values({ workshopId: workshop!.id, placeId: place!.id, startsAt, endsAt: new Date(startsAt.getTime() + 7200_000), capacity })
      .returning({ id: schema.sessions.id });
    const sessionId = session!.id;
    const crowd = await db
      .insert(schema.users)
      .values(Array.from({ length: people }, (_, i) => ({ name: `Banc ${i + 1}`, email: `banc.${i + 1}@exemple.fr` })))
      .returning({ id: schema.users.id });
    const cookies = await Promise.all(crowd.map(async (u) => `authjs.session-token=${await encode({ token: { sub: u.id }, secret, salt: 'authjs.session-token', maxAge: 3600 })}`));

    console.log(`Database ${dbName}; starting ${ports.length} instances on ports ${ports.join(', ')}…`);
    const nextBin = path.join(process.cwd(), 'node_modules', '.bin', 'next');
    for (const port of ports) {
      const child = spawn(nextBin, ['start', '-p', String(port)], {
        env: { ...process.env, DATABASE_URL: dbUrl, AUTH_SECRET: secret, LOG_LEVEL: 'warn', NODE_ENV: 'production', APP_URL: process.env.APP_URL ?? `http://127.0.0.1:${port}` },
        stdio: ['ignore', 'ignore', 'inherit'],
        detached: true,
      });
      instances.push(child);
    }
    await Promise.all(ports.map((port, i) => waitHealthy(port, instances[i]!)));

    // Warm both instances up (first requests compile nothing in production, but open pools).
    await Promise.all(ports.map((port) => fetch(`http://127.0.0.1:${port}/api/v1/me/enrollments`, { headers: { cookie: cookies[0]! } })));

    console.log(`Firing ${people} sign-ups at once for ${capacity} seats…`);
    const started = performance.now();
    const results = await Promise.all(
      crowd.map(async (_, i) => {
        const port = ports[i % ports.length]!;
        const t0 = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/sessions/${sessionId}/enrollments`, { method: 'POST', headers: { cookie: cookies[i]! } });
        const body = (await response.json()) as { status?: string; position?: number };
        return { port, status: response.status, body, ms: performance.now() - t0 };
      }),
    );
    const wall = performance.now() - started;
    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
    const byStatus = results.reduce<Record<string, number>>((acc, r) => ((acc[r.status] = (acc[r.status] ?? 0) + 1), acc), {});
    console.log(`HTTP statuses: ${JSON.stringify(byStatus)}; per instance: ${ports.map((p) => `${p}: ${results.filter((r) => r.port === p).length}`).join(', ')}`);
    console.log(`Wall time ${Math.round(wall)} ms; latency p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(percentile(latencies, 95))} ms, max ${Math.round(latencies.at(-1)!)} ms; ${(people / (wall / 1000)).toFixed(0)} sign-ups/s`);
    check(results.every((r) => r.status === 201), `all ${people} requests answered 201`);
    const confirmed = results.filter((r) => r.body.status === 'confirmed');
    const positions = results.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.position!).sort((a, b) => a - b);
    check(confirmed.length === capacity, `exactly ${capacity} confirmed in the answers (got ${confirmed.length})`);
    check(JSON.stringify(positions) === JSON.stringify(Array.from({ length: people - capacity }, (_, i) => i + 1)), `waiting positions are 1…${people - capacity}, no gap, no duplicate`);
    check(ports.every((p) => confirmed.some((r) => r.port === p) || people < ports.length), 'both instances confirmed some seats');
    const rows = await db
      .select({ userId: schema.enrollments.userId, status: schema.enrollments.status })
      .from(schema.enrollments)
      .where(eq(schema.enrollments.sessionId, sessionId))
      .orderBy(asc(schema.enrollments.waitlistedAt), asc(schema.enrollments.id));
    check(rows.filter((r) => r.status === 'confirmed').length === capacity, `database holds exactly ${capacity} confirmed sign-ups`);

    // Five confirmed people cancel at once, across both instances.
    const line = rows.filter((r) => r.status === 'waitlisted').map((r) => r.userId);
    const leavers = rows.filter((r) => r.status === 'confirmed').slice(0, 5).map((r) => crowd.findIndex((u) => u.id === r.userId));
    const cancelStarted = performance.now();
    const cancels = await Promise.all(
      leavers.map(async (i, k) => {
        const response = await fetch(`http://127.0.0.1:${ports[k % ports.length]}/api/v1/sessions/${sessionId}/enrollments/me`, { method: 'DELETE', headers: { cookie: cookies[i]! } });
        return { status: response.status, body: (await response.json()) as { promoted?: number } };
      }),
    );
    console.log(`5 racing cancellations in ${Math.round(performance.now() - cancelStarted)} ms`);
    check(cancels.every((c) => c.status === 200 && c.body.promoted === 1), 'each cancellation answered 200 and promoted one person');
    const after = await db
      .select({ userId: schema.enrollments.userId, status: schema.enrollments.status })
      .from(schema.enrollments)
      .where(eq(schema.enrollments.sessionId, sessionId));
    const nowConfirmed = new Set(after.filter((r) => r.status === 'confirmed').map((r) => r.userId));
    check(nowConfirmed.size === capacity, `still exactly ${capacity} confirmed`);
    check(line.slice(0, 5).every((id) => nowConfirmed.has(id)), 'the 5 oldest waiting people got the seats');
    const told = await db
      .select({ recipientId: schema.outbox.recipientId })
      .from(schema.outbox)
      .where(and(eq(schema.outbox.sessionId, sessionId), eq(schema.outbox.kind, 'promoted')));
    check(told.length === 5 && new Set(told.map((t) => t.recipientId)).size === 5, 'each promoted person was told exactly once');
  } finally {
    for (const child of instances) {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    }
    await closeDb();
    if (!values.keep) {
      await new Promise((r) => setTimeout(r, 1000));
      const cleanup = postgres(server, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${dbName}" with (force)`);
      await cleanup.end();
    } else {
      console.log(`Kept database ${dbUrl}`);
    }
  }
  if (failures.length) {
    console.error(`${failures.length} check(s) failed.`);
    process.exitCode = 1;
  } else {
    console.log('All checks passed.');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
