// npm run bench:profile-signup — where the time of a sign-up over HTTP goes (issue 15, item 3).
//
// On the bench's large database (BENCH_DATABASE_URL, or the PGlite of .data/bench: run
// `npm run bench` once first), three ways of signing 2,000 people up to one session, 20 at a
// time: the bench's bare lock-count-insert transaction in SQL; our own path in this process
// (loadActor + enroll(), as the API route calls them, without HTTP nor Next.js); and over HTTP
// against `node --cpu-prof server.mjs`. Then prints the server's CPU time per part of the stack
// (self time, by package or by our own modules).
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseEnv, freePort, startServer, type Database } from './bench/http';
import { cookiesOf, prepareSignups, runCount, signupsInSql, signupsOverHttp, WARM_UP_SIGNUPS } from './bench/signup';

const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '20' } } });
const count = Number(values.count);
const database: Database = process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL } : { pgliteDir: path.resolve('.data/bench') };
const secret = `profile-${crypto.randomUUID()}-${crypto.randomUUID()}`;
const dir = path.resolve('.data/profile');

type Node = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

// The part of the stack a frame belongs to.
function partOf(frame: Node['callFrame']): string {
  const url = frame.url;
  if (!url) return frame.functionName === '(garbage collector)' ? 'ramasse-miettes' : frame.functionName === '(idle)' ? '(inactif)' : frame.functionName || '(programme)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    if (pkg[1] === 'next' && /compiled\/(react|react-dom|react-server-dom)/.test(url)) return 'react (dans next)';
    return pkg[1]!;
  }
  if (url.startsWith('node:')) return `node (${url.slice(5).split('/')[0]})`;
  if (url.includes('/.next/server/')) return '.next/server (notre code et ce que Next y a mis)';
  return url.replace(/^file:\/\//, '').replace(process.cwd(), '.');
}

async function main() {
  Object.assign(process.env, databaseEnv(process.env, database), { AUTH_SECRET: secret, LOG_LEVEL: 'warn', COMPTOIR_DATA_CACHE: 'off' });
  const { closeDb, db } = await import('@/db');
  const { loadActor } = await import('@/lib/accounts');
  const { enroll } = await import('@/lib/enrollment');
  const concurrency = Number(values.concurrency);
  const bare = await signupsInSql(db, concurrency, count);
  const own = await prepareSignups(db, count);
  const inProcess = await runCount(async (i) => (await enroll(await loadActor(own.userIds[i]!, 0), own.sessionId)).status === 'confirmed', concurrency, count);
  const { sessionId, userIds } = await prepareSignups(db, count + WARM_UP_SIGNUPS);
  const cookies = await cookiesOf(userIds, secret);
  await closeDb();

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const port = await freePort(3260);
  const server = await startServer(database, port, secret, {
    nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir, '--import', "data:text/javascript,process.on('SIGTERM', () => process.exit(0))"],
  });
  let result;
  try {
    result = await signupsOverHttp(server.baseUrl, sessionId, cookies, concurrency);
  } finally {
    server.stop();
  }
  for (let i = 0; i < 50 && readdirSync(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 200));
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('Pas de profil écrit.');
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile;

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const part = partOf(byId.get(id)!.callFrame);
    selfMs.set(part, (selfMs.get(part) ?? 0) + ms);
    if (part !== '(inactif)') total += ms;
  });
  const line = (name: string, r: { count: number; perSecond: number; p50: number; p99: number; errors: number }) =>
    console.log(`${name} : ${r.count} inscriptions, ${r.perSecond.toFixed(0)}/s (p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms), ${r.errors} erreurs.`);
  line('SQL nu (verrou, compte, insertion)', bare);
  line('notre chemin dans ce processus (loadActor + enroll)', inProcess);
  line('HTTP, serveur sous profilage', result);
  console.log(`Temps CPU du serveur (hors inactif) : ${total.toFixed(0)} ms, soit ${(total / result.count).toFixed(2)} ms par inscription ; inactif ${(selfMs.get('(inactif)') ?? 0).toFixed(0)} ms.`);
  console.log('| partie | ms | part | ms par inscription |');
  console.log('| --- | --- | --- | --- |');
  for (const [part, ms] of [...selfMs].filter(([p]) => p !== '(inactif)').sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`| ${part} | ${ms.toFixed(0)} | ${((ms / total) * 100).toFixed(1)} % | ${(ms / result.count).toFixed(2)} |`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
