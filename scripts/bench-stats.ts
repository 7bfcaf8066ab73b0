// npm run bench:stats [-- --fresh] [-- --page] [-- --runs 5]
//
// Times the network statistics for a full year on the large demo network (50 times the demo:
// 500 places, ~3,000 learners) with a year of activity reports for every place.
// - Database: BENCH_DATABASE_URL (PostgreSQL) if set, otherwise an embedded PGlite in
//   .data/bench-stats (created and seeded on the first run; --fresh starts again).
// - Times computeStats (lib/stats) for the whole network over the last twelve months; with
//   --page, also GET /coordination/statistiques through `next start` (run `npm run build` first).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    page: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '3196' },
    dir: { type: 'string', default: '.data/bench-stats' },
  },
});

const url = process.env.BENCH_DATABASE_URL;
if (url) process.env.DATABASE_URL = url;
else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = values.dir;
  if (values.fresh) rmSync(values.dir, { recursive: true, force: true });
}
process.env.LOG_LEVEL ??= 'warn';
const AUTH_SECRET = process.env.AUTH_SECRET ?? 'bench-secret-only-for-measuring-0123456789';
process.env.AUTH_SECRET = AUTH_SECRET;

const runs = Math.max(1, Number(values.runs) || 5);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms (min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)}, ${times.length} runs)`;
};

async function main() {
  const { closeDb, db } = await import('../db/index');
  const { runMigrations } = await import('../db/migrate-lib');
  const { isEmpty, seedDemo } = await import('../db/seed/seed');
  const { seedActivities } = await import('../db/seed/activities');
  const { computeStats } = await import('../lib/stats/impact');
  const { periodPresets } = await import('../lib/stats/period');
  const { sql } = await import('drizzle-orm');

  console.log(`Base : ${url ? 'PostgreSQL (BENCH_DATABASE_URL)' : `PGlite (${values.dir})`}`);
  await runMigrations();
  if (await isEmpty(db)) {
    let start = process.hrtime.bigint();
    const network = await seedDemo(db, { scale: 50 });
    console.log(`Réseau « large » créé en ${(ms(start) / 1000).toFixed(1)} s :`, network);
    start = process.hrtime.bigint();
    const year = await seedActivities(db);
    console.log(`Une année d’activités créée en ${(ms(start) / 1000).toFixed(1)} s :`, year);
    await db.execute(sql`analyze`);
  }
  // postgres.js returns an array of rows, PGlite an object with `rows`.
  const rows = async <T,>(query: ReturnType<typeof sql>): Promise<T[]> => {
    const result = (await db.execute(query)) as unknown;
    return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
  };
  const [volume] = await rows(sql`select (select count(*) from activities)::int as activities, (select count(*) from activity_participants)::int as participants, (select count(*) from sessions)::int as sessions, (select count(*) from places)::int as places`);
  console.log('Volume :', volume);

  const period = periodPresets(new Date()).last12Months;
  console.log(`Période : ${period.from} → ${period.to}`);
  await computeStats({ kind: 'network' }, period); // warm-up
  const times: number[] = [];
  let stats;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    stats = await computeStats({ kind: 'network' }, period);
    times.push(ms(start));
  }
  console.log(`computeStats(réseau, 12 mois) : ${summary(times)}`);
  console.log(`  → ${stats!.activities.total} activités, ${stats!.people.total} personnes, ${stats!.sessions.held} séances tenues`);

  const [place] = await rows<{ id: string; slug: string; name: string; commune: string }>(sql`select id, slug, name, commune from places order by slug limit 1`);
  const placeTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await computeStats({ kind: 'place', place: place! }, period);
    placeTimes.push(ms(start));
  }
  console.log(`computeStats(un lieu, 12 mois) : ${summary(placeTimes)}`);

  const [coordinator] = await rows<{ id: string }>(sql`select id from users where email = 'coordination@comptoir.test'`);
  const coordinatorId = coordinator!.id;
  await closeDb();

  if (values.page) await timePage(coordinatorId, period, runs);
}

// The page, through the built app, as a coordinator would load it.
async function timePage(coordinatorId: string, period: { from: string; to: string }, runs: number) {
  const { encode } = await import('next-auth/jwt');
  const cookie = `authjs.session-token=${await encode({ token: { sub: coordinatorId }, secret: AUTH_SECRET, salt: 'authjs.session-token' })}`;
  const port = values.port!;
  const server = spawn('npx', ['next', 'start', '-p', port], { env: { ...process.env, NODE_ENV: 'production', APP_URL: process.env.APP_URL ?? `http://127.0.0.1:${port}` }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const page = `${base}/coordination/statistiques?du=${period.from}&au=${period.to}`;
    const first = await fetch(page, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`la page répond ${first.status}`);
    await first.text();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      const response = await fetch(page, { headers: { cookie } });
      await response.text();
      times.push(ms(start));
    }
    console.log(`GET /coordination/statistiques (réseau, 12 mois, next start) : ${summary(times)}`);
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
