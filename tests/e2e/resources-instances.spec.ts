import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './support';

// Two app instances on one PostgreSQL database serve the same file: a file uploaded through one
// is downloaded, byte for byte, through the other (storage lives in the database, not in an
// instance's memory or disk). Needs PostgreSQL (PGlite is one process) and a build; run it with
// E2E_BASE_URL set so that Playwright does not start its own server, e.g.
//   E2E_BASE_URL=http://127.0.0.1:3040 npx playwright test tests/e2e/resources-instances.spec.ts
// Ports: TWO_INSTANCES_PORTS (default 3040,3041). Database: TWO_INSTANCES_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/comptoir_e2e_two_instances, recreated).

const [portA, portB] = (process.env.TWO_INSTANCES_PORTS ?? '3040,3041').split(',').map(Number) as [number, number];
const databaseUrl = process.env.TWO_INSTANCES_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/comptoir_e2e_two_instances';
const secret = 'two-instances-secret-0123456789abcdef';
const servers: ChildProcess[] = [];

function postgresReachable(): boolean {
  try {
    const admin = new URL(databaseUrl);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    const script = `const p=require('postgres');const s=p(${JSON.stringify(admin.toString())},{max:1,onnotice:()=>{}});(async()=>{await s.unsafe('drop database if exists "${name}" with (force)');await s.unsafe('create database "${name}"');await s.end()})().catch(e=>{console.error(e.message);process.exit(1)})`;
    execFileSync(process.execPath, ['-e', script], { stdio: 'pipe', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

async function waitForHealth(port: number) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance on ${port} did not start`);
}

async function signIn(api: APIRequestContext) {
  const { csrfToken } = await (await api.get('/api/auth/csrf')).json();
  const response = await api.post('/api/auth/callback/credentials', { form: { csrfToken, email: DEMO.mediator, password: DEMO_PASSWORD }, maxRedirects: 0 });
  expect([200, 302]).toContain(response.status());
}

test.describe('two instances, one database', () => {
  test.skip(!process.env.E2E_BASE_URL, 'Lancez avec E2E_BASE_URL (les deux instances sont démarrées par ce test).');

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    if (!postgresReachable()) test.skip(true, `PostgreSQL injoignable à ${databaseUrl} : deux instances ne peuvent pas partager une base PGlite.`);
    const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: secret, LOG_LEVEL: 'warn', NODE_ENV: 'development' as const };
    execFileSync(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'db/reset.ts', '--seed'], { env, stdio: 'pipe', timeout: 180_000 });
    for (const port of [portA, portB]) {
      servers.push(spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], { env: { ...env, NODE_ENV: 'production' }, stdio: 'ignore', detached: true }));
    }
    await Promise.all([waitForHealth(portA), waitForHealth(portB)]);
  });

  test.afterAll(() => {
    for (const server of servers) if (server.pid) process.kill(-server.pid, 'SIGTERM');
  });

  test('a file uploaded through one instance is served identically by the other', async () => {
    const a = await request.newContext({ baseURL: `http://127.0.0.1:${portA}` });
    const b = await request.newContext({ baseURL: `http://127.0.0.1:${portB}` });
    await signIn(a);
    const created = await a.post('/api/v1/resources', {
      data: { title: 'Deux instances, un fichier', type: 'fiche-pratique', licence: 'cc-by', visibility: 'public', place: 'au-comptoir-numerique-saint-etienne' },
    });
    expect(created.status()).toBe(201);
    const { slug } = await created.json();
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(700_000, 42)]);
    const uploaded = await a.post(`/api/v1/resources/${slug}/files`, { multipart: { file: { name: 'deux-instances.pdf', mimeType: 'application/pdf', buffer: bytes } } });
    expect(uploaded.status()).toBe(201);
    const file = await uploaded.json();
    expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    const fromB = await b.get(file.url);
    expect(fromB.status()).toBe(200);
    expect(fromB.headers()['content-type']).toBe('application/pdf');
    expect(fromB.headers()['content-disposition']).toContain('deux-instances.pdf');
    expect(Buffer.compare(await fromB.body(), bytes)).toBe(0);
    const fromA = await a.get(file.url);
    expect(Buffer.compare(await fromA.body(), bytes)).toBe(0);
    // B counts the visitor's download; A sees it (the author's own download is not counted).
    const seenByA = await (await a.get(`/api/v1/resources/${slug}`)).json();
    expect(seenByA.downloads).toBe(1);
    await a.dispose();
    await b.dispose();
  });
});
