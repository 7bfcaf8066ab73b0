// npm run bench — issue 15's table in one run (run `npm run build` first; nothing is built here).
//
// Loads the `--scale large` network (50 times the demo, plus a year of activity reports) into a
// database of its own — the PostgreSQL database named by BENCH_DATABASE_URL (created beforehand),
// or an embedded PGlite in .data/bench — and the demo network into a second one (`<name>_demo`,
// or .data/bench-demo). Starts the production server (`node server.mjs`) on a free port and
// measures with CONCURRENCY clients: requests per second of a static file, /ateliers page 1 (for
// a visitor, for a signed-in person, and rendered each time with the page cache off), the API
// list page 1 and GET /api/v1/me; sign-ups per second over HTTP and of the same transaction in SQL; database
// transactions per /ateliers view; first-load JavaScript of the public pages; /lieux payload and
// its median on the large network ÷ the demo one; the network statistics for a year.
// The large database is kept and reused (--reseed starts afresh).
//
// Options: --duration 10 (s per throughput figure), --concurrency 20, --port 3240, --reseed,
// --more (also the other pages of TARGETS and the 25 MB download memory check).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchBigDownloads, prepareResourceBench, RESOURCE_TARGETS } from './bench-resources';
import { assertBuilt, databaseEnv, freePort, measure, medianOf, startServer, tsxBin, type Database, type Result } from './bench/http';
import { kB, pageWeight, publicSessionPath, type PageWeight } from './bench/pages';
import { cookiesOf, prepareSignups, signupsInSql, signupsOverHttp, WARM_UP_SIGNUPS, type Throughput } from './bench/signup';
import { ensureActivities, timeNetworkYear } from './bench/stats';

export type BenchTarget = { name: string; path: string };

// Other pages measured with --more.
export const TARGETS: BenchTarget[] = [
  { name: 'catalogue, search « smartfone »', path: '/ateliers?q=smartfone' },
  { name: 'lieux', path: '/lieux' },
  ...RESOURCE_TARGETS,
];

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '20' },
    port: { type: 'string', default: '3240' },
    reseed: { type: 'boolean', default: false },
    more: { type: 'boolean', default: false },
  },
});
const durationMs = Number(values.duration) * 1000;
const concurrency = Number(values.concurrency);
const SQL_SIGNUPS = 2000;
const HTTP_SIGNUPS = 1000;

const large: Database = process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL } : { pgliteDir: path.resolve('.data/bench') };
const demo: Database = large.url ? { url: large.url.replace(/\/([^/?]+)(\?|$)/, '/$1_demo$2') } : { pgliteDir: path.resolve('.data/bench-demo') };
const secret = process.env.AUTH_SECRET ?? `bench-${crypto.randomUUID()}-${crypto.randomUUID()}`;

const rows = <T,>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

type InProcess = { described: string; statementsPerView: number; stats: { median: number }; sql: Throughput; signup: { sessionId: string; cookies: string[] } };

// In this process, before the server opens the database (PGlite allows one process at a time).
async function inProcess(): Promise<InProcess> {
  Object.assign(process.env, databaseEnv(process.env, large), { AUTH_SECRET: secret, LOG_LEVEL: 'warn', COMPTOIR_DATA_CACHE: 'off' });
  const { sql } = await import('drizzle-orm');
  const { closeDb, db, queryCounter } = await import('@/db');
  const { runMigrations } = await import('@/db/migrate-lib');
  try {
    if (values.reseed) {
      await db.execute(sql`drop schema if exists public cascade`);
      await db.execute(sql`drop schema if exists drizzle cascade`);
      await db.execute(sql`create schema public`);
    }
    await runMigrations();
    const [{ n }] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from workshops`)) as [{ n: number }];
    if (n === 0) {
      const { seedDemo } = await import('@/db/seed/seed');
      console.log('Chargement des données « --scale large » (50 fois la démo)…');
      const started = Date.now();
      const summary = await seedDemo(db, { scale: 50 });
      console.log(`Données créées en ${((Date.now() - started) / 1000).toFixed(0)} s :`, summary);
    } else if (n < 1500) throw new Error(`La base de mesure contient ${n} ateliers, pas les données « large » : relancez avec --reseed.`);
    await ensureActivities(db);
    await db.execute(sql`analyze`);
    const resources = await prepareResourceBench(db);
    const [volume] = rows<Record<string, number>>(await db.execute(sql`select (select count(*) from places)::int as places, (select count(*) from workshops)::int as workshops, (select count(*) from sessions)::int as sessions, (select count(*) from enrollments)::int as enrollments`));
    const described = `${volume!.places} lieux, ${volume!.workshops} ateliers, ${volume!.sessions} séances, ${volume!.enrollments} inscriptions, ${resources}, sur ${large.url ? 'PostgreSQL' : 'PGlite'}`;

    const { loadCataloguePage } = await import('@/lib/catalogue');
    await loadCataloguePage({ page: '1' });
    const before = queryCounter.count;
    await loadCataloguePage({ page: '1' });
    const statementsPerView = queryCounter.count - before;

    console.log('Statistiques du réseau sur un an…');
    const stats = await timeNetworkYear(5);
    console.log(`Inscriptions en SQL (${SQL_SIGNUPS}, ${concurrency} clients)…`);
    const sqlSignups = await signupsInSql(db, concurrency, SQL_SIGNUPS);
    const { sessionId, userIds } = await prepareSignups(db, HTTP_SIGNUPS + WARM_UP_SIGNUPS);
    return { described, statementsPerView, stats, sql: sqlSignups, signup: { sessionId, cookies: await cookiesOf(userIds, secret) } };
  } finally {
    await closeDb();
  }
}

// The demo network, afresh, in its own database (by db/reset.ts in a child process).
function seedDemoDatabase() {
  if (demo.url) {
    const name = new URL(demo.url).pathname.slice(1);
    const admin = new URL(demo.url);
    admin.pathname = '/postgres';
    const psql = (command: string) => spawnSync('psql', [admin.toString(), '-qc', command], { stdio: 'ignore' });
    psql(`drop database if exists "${name}" with (force)`);
    psql(`create database "${name}"`);
  } else rmSync(demo.pgliteDir!, { recursive: true, force: true });
  const child = spawnSync(tsxBin, ['--conditions=react-server', 'db/reset.ts', '--seed'], { env: databaseEnv({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' }, demo), stdio: ['ignore', 'ignore', 'inherit'] });
  if (child.status !== 0) throw new Error('La base de démonstration n’a pas pu être créée.');
}

// PostgreSQL only: transactions committed or rolled back in the bench database so far (the
// counters are flushed by each backend within about ten seconds of its last transaction).
async function transactionCount(): Promise<number | null> {
  if (!large.url) return null;
  const postgres = (await import('postgres')).default;
  const client = postgres(large.url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await client`select (xact_commit + xact_rollback)::int as n from pg_stat_database where datname = current_database()`;
    return row!.n as number;
  } finally {
    await client.end();
  }
}

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
const rate = (r: { perSecond: number; p50: number; p99: number }) => `${r.perSecond.toFixed(0)}/s (p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms)`;

async function main() {
  assertBuilt();
  const local = await inProcess();
  console.log('Base de démonstration pour /lieux…');
  seedDemoDatabase();

  const port = await freePort(Number(values.port));
  console.log(`Serveur de production (node server.mjs) sur le port ${port}, ${local.described}.`);
  let server = await startServer(large, port, secret);
  const measured: Result[] = [];
  let http: Throughput;
  let transactionsPerView: number | null = null;
  let weights: PageWeight[] = [];
  let signedIn: Result, me: Result, rendered: Result;
  const run = async (baseUrl: string, name: string, target: string, headers?: Record<string, string>) => {
    const result = await measure(baseUrl, { name, path: target, headers }, concurrency, durationMs);
    console.log(`  ${target}${headers ? ' (connecté)' : ''} : ${result.perSecond.toFixed(1)} req/s`);
    measured.push(result);
    return result;
  };
  try {
    await run(server.baseUrl, 'fichier statique', '/icon.svg');
    const xactBefore = await transactionCount();
    const catalogue = await run(server.baseUrl, 'catalogue page 1', '/ateliers?page=1');
    if (xactBefore !== null) {
      await new Promise((r) => setTimeout(r, 11_000));
      transactionsPerView = ((await transactionCount())! - xactBefore - 1) / (catalogue.requests + concurrency);
    }
    await run(server.baseUrl, 'API page 1', '/api/v1/workshops?page=1');
    // A signed-in learner (the page shared by signed-in people, header filled in by the browser:
    // GET /api/v1/me is measured on its own).
    signedIn = await run(server.baseUrl, 'catalogue page 1, connecté', '/ateliers?page=1', { cookie: local.signup.cookies[0]! });
    me = await run(server.baseUrl, 'qui est connecté (en-tête)', '/api/v1/me', { cookie: local.signup.cookies[0]! });
    if (values.more) for (const target of TARGETS) await run(server.baseUrl, target.name, target.path);
    console.log(`  inscriptions HTTP (${HTTP_SIGNUPS}, ${concurrency} clients)…`);
    http = await signupsOverHttp(server.baseUrl, local.signup.sessionId, local.signup.cookies, concurrency);
    const session = await publicSessionPath(server.baseUrl);
    weights = await Promise.all(['/', '/ateliers', ...(session ? [session] : []), '/lieux'].map((p) => pageWeight(server.baseUrl, p)));
    if (values.more) await benchBigDownloads(server.baseUrl, server.pid);
  } finally {
    server.stop();
  }
  // The same pages rendered each time (page cache off), on the large network then the demo one.
  const renderedEachTime = async (database: Database, work: (baseUrl: string) => Promise<number>) => {
    await new Promise((r) => setTimeout(r, 1000));
    server = await startServer(database, port, secret, { pageCache: false });
    try {
      return await work(server.baseUrl);
    } finally {
      server.stop();
    }
  };
  const lieuxLarge = await renderedEachTime(large, async (baseUrl) => {
    rendered = await run(baseUrl, 'catalogue page 1, rendu à chaque fois', '/ateliers?page=1');
    return medianOf(`${baseUrl}/lieux`, 30);
  });
  const lieuxDemo = await renderedEachTime(demo, (baseUrl) => medianOf(`${baseUrl}/lieux`, 30));

  const [staticFile, catalogue, api] = measured as [Result, Result, Result];
  const lieux = weights.find((w) => w.path === '/lieux')!;
  const publicPages = weights.filter((w) => w.path !== '/lieux');
  const table: [string, string, string][] = [
    ['fichier statique /icon.svg (référence)', rate(staticFile), ''],
    ['`/ateliers?page=1` ÷ fichier statique', `${rate(catalogue)} → ${ratio(catalogue.perSecond, staticFile.perSecond)}`, '≥ 0.50'],
    ['`/ateliers?page=1` connecté·e (page partagée) ÷ fichier statique', `${rate(signedIn!)} → ${ratio(signedIn!.perSecond, staticFile.perSecond)}`, '≥ 0.50'],
    ['`/api/v1/me` (en-tête des pages partagées) ÷ fichier statique', `${rate(me!)} → ${ratio(me!.perSecond, staticFile.perSecond)}`, ''],
    ['`/ateliers?page=1` rendu à chaque fois (cache de pages coupé) ÷ fichier statique', `${rate(rendered!)} → ${ratio(rendered!.perSecond, staticFile.perSecond)}`, ''],
    ['`/api/v1/workshops?page=1` ÷ fichier statique', `${rate(api)} → ${ratio(api.perSecond, staticFile.perSecond)}`, '≥ 0.50'],
    ['inscriptions/s HTTP ÷ même transaction en SQL', `${rate(http!)} ÷ ${rate(local.sql)} → ${ratio(http!.perSecond, local.sql.perSecond)}`, '≥ 0.30'],
    ['JS au premier chargement (gzip), sans noModule', publicPages.map((w) => `${w.path.replace(/[0-9a-f-]{36}/, '[id]')} ${kB(w.jsGzipModern)} (${kB(w.jsGzip)} avec)`).join(', '), '≤ 100 kB'],
    ['/lieux HTML gzip (inline)', `${kB(lieux.htmlGzip)} (HTML ${kB(lieux.htmlBytes)}, script inline ${kB(lieux.inlineScript)})`, '≤ 50 kB gz'],
    ['transactions par vue /ateliers', `${transactionsPerView === null ? '– (PostgreSQL seulement)' : `${transactionsPerView.toFixed(2)} servies (cache)`}, ${local.statementsPerView} sans cache`, 'constant, ≤ 3'],
    ['/lieux médiane rendue, large ÷ démo (une requête à la fois, cache de pages coupé)', `${lieuxLarge.toFixed(0)} ÷ ${lieuxDemo.toFixed(0)} ms → ${ratio(lieuxLarge, lieuxDemo)}×`, '≤ 2×'],
    ['statistiques du réseau sur un an (médiane)', `${local.stats.median.toFixed(0)} ms`, '≤ 300 ms'],
  ];
  console.log('');
  console.log(`${concurrency} clients, ${durationMs / 1000} s par débit ; ${local.described}.`);
  console.log('| mesure | résultat | objectif |');
  console.log('| --- | --- | --- |');
  for (const row of table) console.log(`| ${row.join(' | ')} |`);
  if ([...measured, http!, local.sql].some((r) => r.errors > 0)) {
    console.error(`Des requêtes ont échoué : ${[...measured.map((r) => `${r.path} ${r.errors}`), `inscriptions HTTP ${http!.errors}`, `SQL ${local.sql.errors}`].join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
