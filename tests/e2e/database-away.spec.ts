import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support';

// With the database away, a page says so in plain French (app/error.tsx asks /api/health), and
// the API answers 503 problem+json with Retry-After. Starts its own instance of the built app
// (run `npm run build` first) on E2E_PORT + 1, pointed at a port where no database listens.

const port = Number(process.env.E2E_PORT ?? 3100) + 1;
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;

test.describe('the database is away', () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = spawn(process.execPath, ['server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: 'postgres://postgres@127.0.0.1:9/absente', AUTH_SECRET: 'database-away-secret-0123456789abcdef', APP_URL: base, LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 90_000;
    for (;;) {
      // Up when it answers at all: /api/health says 503 (no database), which is the point.
      const status = await fetch(`${base}/api/health`).then((r) => r.status, () => 0);
      if (status === 503) break;
      if (Date.now() > deadline) throw new Error(`the instance on ${port} did not start`);
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  test.afterAll(() => {
    server?.kill();
  });

  test('a page says in French that the service is unavailable for a moment', async ({ page }) => {
    await page.goto(`${base}/ateliers`);
    await expect(page.getByText('Le service est momentanément indisponible. Réessayez dans quelques minutes.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Service indisponible' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the API answers 503 problem+json with Retry-After', async ({ request }) => {
    const response = await request.get(`${base}/api/v1/workshops`);
    expect(response.status()).toBe(503);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
  });
});
