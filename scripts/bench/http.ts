// The bench's HTTP side: the production server (`node server.mjs`, built beforehand), and a
// small concurrent client that measures requests per second and latency percentiles.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export type Database = { url?: string; pgliteDir?: string };
export type Result = { name: string; path: string; requests: number; errors: number; perSecond: number; p50: number; p95: number; p99: number; max: number };

export function assertBuilt() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('Pas de version construite : lancez « npm run build » avant « npm run bench ».');
}

// A port nobody listens on, from `preferred` upwards.
export async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`Aucun port libre à partir de ${preferred}.`);
}

// The environment of a process pointed at `database` (PostgreSQL URL or embedded PGlite).
export function databaseEnv(base: NodeJS.ProcessEnv, database: Database): NodeJS.ProcessEnv {
  const env = { ...base };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  if (database.url) env.DATABASE_URL = database.url;
  else env.PGLITE_DIR = database.pgliteDir;
  return env;
}

export type Server = { baseUrl: string; pid?: number; stop: () => void };

// `node server.mjs` in its own process group, once /api/health answers.
// `pageCache: false`: every page rendered each time (COMPTOIR_PAGE_CACHE=off). `nodeArgs`: for
// node itself (a CPU profile, say).
export async function startServer(database: Database, port: number, authSecret: string, { pageCache = true, nodeArgs = [] as string[] } = {}): Promise<Server> {
  assertBuilt();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = databaseEnv({ ...process.env, NODE_ENV: 'production', AUTH_SECRET: authSecret, APP_URL: baseUrl, LOG_LEVEL: 'warn' }, database);
  delete env.COMPTOIR_DATA_CACHE; // the bench process turns its own cache off, never the server's
  if (pageCache) delete env.COMPTOIR_PAGE_CACHE;
  else env.COMPTOIR_PAGE_CACHE = 'off';
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, 'server.mjs', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Le serveur s’est arrêté au démarrage (code ${child.exitCode}).`);
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) return { baseUrl, pid: child.pid, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`Le serveur ne répond pas sur ${baseUrl}/api/health.`);
}

export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

// `concurrency` loops for `durationMs`, each running `once` again as soon as the last finished.
// `once` resolves true when the answer was the expected one.
export async function load(once: (i: number) => Promise<boolean>, concurrency: number, durationMs: number) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await once(next++).catch(() => false);
        if (!ok) errors++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return { requests: sorted.length, errors, perSecond: sorted.length / elapsed, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

// GET `target` from `concurrency` clients at once, after a warm-up.
export async function measure(baseUrl: string, target: { name: string; path: string; headers?: Record<string, string> }, concurrency: number, durationMs: number): Promise<Result> {
  const url = new URL(target.path, baseUrl).toString();
  const init = { headers: target.headers ?? {} };
  for (let i = 0; i < concurrency; i++) await (await fetch(url, init)).arrayBuffer();
  const figures = await load(
    async () => {
      const response = await fetch(url, init);
      await response.arrayBuffer();
      return response.ok;
    },
    concurrency,
    durationMs,
  );
  return { name: target.name, path: target.path, ...figures };
}

// One request at a time: the median latency of `count` GETs (after two warm-ups).
export async function medianOf(url: string, count: number, headers: Record<string, string> = {}): Promise<number> {
  for (let i = 0; i < 2; i++) await (await fetch(url, { headers })).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await (await fetch(url, { headers })).arrayBuffer();
    times.push(performance.now() - t0);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

export const tsxBin = path.resolve('node_modules/.bin/tsx');
