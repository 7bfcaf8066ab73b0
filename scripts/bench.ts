// npm run bench [-- --duration 15 --concurrency 10 --port 3199 --reseed | --base-url http://127.0.0.1:3000]
//
// Loads the `--scale large` network (50 times the demo) into a database of its own — the
// PostgreSQL database named by BENCH_DATABASE_URL, or an embedded PGlite in .data/bench — starts
// the built app on it (`next start`, run `npm run build` first), and measures requests per
// second and latency of each target below with a fixed number of concurrent fetches, then stops
// the server. The seeded database is kept and reused by the next run (--reseed starts afresh).
// Add a target to TARGETS to measure a new page or route.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchBigDownloads, prepareResourceBench, RESOURCE_TARGETS } from './bench-resources';

export type BenchTarget = { name: string; path: string };

export const TARGETS: BenchTarget[] = [
  { name: 'catalogue', path: '/ateliers' },
  { name: 'catalogue, search « smartfone »', path: '/ateliers?q=smartfone' },
  { name: 'API GET /api/v1/workshops', path: '/api/v1/workshops' },
  ...RESOURCE_TARGETS,
];

// Issue 15 (fast on a large network): the static file that the pages are compared with, and the
// pages of its table. Kept apart from the targets above.
const STATIC_TARGET: BenchTarget = { name: 'fichier statique', path: '/icon.svg' };
function issue15Targets(): BenchTarget[] {
  return [STATIC_TARGET, { name: 'catalogue page 1', path: '/ateliers?page=1' }, { name: 'API workshops page 1', path: '/api/v1/workshops?page=1' }, { name: 'lieux', path: '/lieux' }];
}

// Each page's requests per second divided by the static file's (issue 15's goal: ≥ 0.50).
function printIssue15Ratios(results: { path: string; perSecond: number; p50: number; p99: number }[]) {
  const reference = results.find((r) => r.path === STATIC_TARGET.path);
  if (!reference) return;
  console.log('');
  console.log(`Rapport au fichier statique (${reference.perSecond.toFixed(0)} req/s) :`);
  for (const r of results) {
    if (r === reference) continue;
    console.log(`  ${r.path} : ${r.perSecond.toFixed(1)} / ${reference.perSecond.toFixed(0)} = ${(r.perSecond / reference.perSecond).toFixed(3)} (p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms)`);
  }
}

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '10' },
    port: { type: 'string', default: '3199' },
    'base-url': { type: 'string' },
    reseed: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

const durationMs = Number(values.duration) * 1000;
const concurrency = Number(values.concurrency);
const port = Number(values.port);
const benchDatabaseUrl = process.env.BENCH_DATABASE_URL || undefined;
const pgliteDir = path.resolve('.data/bench');

// Point this process's database client at the bench database before anything opens it.
function pointAtBenchDatabase() {
  if (benchDatabaseUrl) process.env.DATABASE_URL = benchDatabaseUrl;
  else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = pgliteDir;
  }
}

async function prepareDatabase(): Promise<string> {
  pointAtBenchDatabase();
  const { sql } = await import('drizzle-orm');
  const { closeDb, db } = await import('@/db');
  const { runMigrations } = await import('@/db/migrate-lib');
  const { seedDemo } = await import('@/db/seed/seed');
  try {
    if (values.reseed) {
      await db.execute(sql`drop schema if exists public cascade`);
      await db.execute(sql`drop schema if exists drizzle cascade`);
      await db.execute(sql`create schema public`);
    }
    await runMigrations();
    const { workshops } = await import('@/db/schema');
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(workshops);
    const existing = row?.n ?? 0;
    if (existing === 0) {
      console.log('Chargement des données « --scale large » (50 fois la démo)…');
      const started = Date.now();
      const summary = await seedDemo(db, { scale: 50 });
      console.log(`Données créées en ${((Date.now() - started) / 1000).toFixed(0)} s :`, summary);
    } else if (existing < 1500) {
      throw new Error(`La base de mesure contient déjà ${existing} ateliers, pas les données « large » : relancez avec --reseed.`);
    } else {
      console.log(`Base de mesure déjà remplie (${existing} ateliers) : réutilisée (--reseed pour repartir de zéro).`);
    }
    // Fresh planner statistics, as autovacuum would have gathered them on a live database.
    await db.execute(sql`analyze`);
    const { enrollments, sessions } = await import('@/db/schema');
    const countOf = async (table: typeof workshops | typeof sessions | typeof enrollments) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
    const [w, s, e] = await Promise.all([countOf(workshops), countOf(sessions), countOf(enrollments)]);
    const r = await prepareResourceBench(db);
    return `${w} ateliers, ${s} séances, ${e} inscriptions, ${r}, sur ${benchDatabaseUrl ? 'PostgreSQL' : 'PGlite'}`;
  } finally {
    // PGlite allows one process at a time: let the server open it.
    await closeDb();
  }
}

function startServer(): ChildProcess {
  if (!existsSync('.next/BUILD_ID')) throw new Error('Pas de version construite : lancez « npm run build » avant « npm run bench ».');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    AUTH_SECRET: process.env.AUTH_SECRET ?? crypto.randomUUID() + crypto.randomUUID(),
    APP_URL: process.env.APP_URL ?? `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
  };
  if (benchDatabaseUrl) env.DATABASE_URL = benchDatabaseUrl;
  else {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = pgliteDir;
  }
  const child = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  return child;
}

function stopServer(child: ChildProcess) {
  // The server runs in its own process group (detached): stop it and only it.
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
}

async function waitForHealth(baseUrl: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Le serveur ne répond pas sur ${baseUrl}/api/health.`);
}

type Result = { name: string; path: string; requests: number; errors: number; perSecond: number; p50: number; p95: number; p99: number; max: number };

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

// `concurrency` loops, each fetching the target again as soon as its last answer has been read.
async function measure(baseUrl: string, target: BenchTarget): Promise<Result> {
  const url = new URL(target.path, baseUrl).toString();
  for (let i = 0; i < concurrency; i++) await (await fetch(url)).arrayBuffer(); // warm-up
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const response = await fetch(url);
          await response.arrayBuffer();
          if (!response.ok) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    name: target.name,
    path: target.path,
    requests: sorted.length,
    errors,
    perSecond: sorted.length / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

function printTable(results: Result[]) {
  const rows = [
    ['cible', 'chemin', 'requêtes', 'erreurs', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    ...results.map((r) => [r.name, r.path, String(r.requests), String(r.errors), r.perSecond.toFixed(1), r.p50.toFixed(0), r.p95.toFixed(0), r.p99.toFixed(0), r.max.toFixed(0)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(`|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
}

async function main() {
  const all = [...TARGETS, ...issue15Targets()];
  const targets = values.only ? all.filter((t) => t.name.includes(values.only!) || t.path.includes(values.only!)) : all;
  let server: ChildProcess | undefined;
  let baseUrl = values['base-url'];
  let described = `serveur ${baseUrl}`;
  const stop = () => server && stopServer(server);
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    if (!baseUrl) {
      described = await prepareDatabase();
      baseUrl = `http://127.0.0.1:${port}`;
      server = startServer();
      server.on('exit', (code, signal) => {
        if (code && signal !== 'SIGTERM' && code !== 143) console.error(`Le serveur s’est arrêté (code ${code}).`);
      });
      await waitForHealth(baseUrl);
    }
    console.log(`Mesure : ${targets.length} cibles, ${concurrency} requêtes simultanées pendant ${durationMs / 1000} s chacune, ${described}.`);
    const results: Result[] = [];
    for (const target of targets) {
      results.push(await measure(baseUrl, target));
      console.log(`  ${target.name} : ${results.at(-1)!.perSecond.toFixed(1)} req/s`);
    }
    console.log('');
    printTable(results);
    if (!values.only || 'ressources'.includes(values.only)) await benchBigDownloads(baseUrl, server?.pid);
    printIssue15Ratios(results);
    if (results.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
