import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { DEMO, signInAs } from './support';

// Every response carries the security headers; pages run under a CSP with a per-request nonce
// (no inline script), and nothing the app needs is blocked.

function expectSecurityHeaders(response: APIResponse) {
  const h = response.headers();
  const csp = h['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("img-src 'self' data: blob: https:");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy']).toContain('camera=()');
  return csp;
}

// CSP refusals show in the console as "Refused to …" errors.
function watchCsp(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}

test('the home page, an API route and a PDF route carry the security headers, with a new nonce each time', async ({ request }) => {
  const home = await request.get('/');
  expect(home.status()).toBe(200);
  const first = expectSecurityHeaders(home);
  const second = expectSecurityHeaders(await request.get('/'));
  expect(first).not.toBe(second);
  // The nonce of the header is the one on the page's scripts.
  const nonce = /'nonce-([^']+)'/.exec(first)![1]!;
  expect(await home.text()).toContain(`nonce="${nonce}"`);

  expectSecurityHeaders(await request.get('/api/v1/workshops'));
  const pdf = await request.get('/api/v1/sessions/00000000-0000-4000-8000-000000000000/certificate.pdf');
  expect(pdf.status()).toBe(401);
  expectSecurityHeaders(pdf);
});

test('the sign-in sheet PDF carries the headers too', async ({ page }) => {
  await signInAs(page, DEMO.mediator);
  await page.goto('/mediation');
  // Any session of the mediator's place (today's may already be closed by an earlier journey).
  const link = page.locator('main a[href^="/mediation/seances/"]').first();
  const href = await link.getAttribute('href');
  const sessionId = /\/mediation\/seances\/([0-9a-f-]{36})/.exec(href ?? '')![1];
  const sheet = await page.request.get(`/api/v1/sessions/${sessionId}/sign-in-sheet.pdf`);
  expect(sheet.headers()['content-type']).toBe('application/pdf');
  expectSecurityHeaders(sheet);
});

test('pages work under the CSP: nothing is refused while browsing, signing in and using forms', async ({ page }) => {
  const refused = watchCsp(page);
  await page.goto('/');
  await page.goto('/ateliers');
  await page.getByRole('link').filter({ hasText: /./ }).first().waitFor();
  await signInAs(page, DEMO.learner);
  await page.goto('/mon-espace');
  await page.goto('/connexion');
  expect(refused).toEqual([]);
});

test('a callbackUrl that leaves the site is not followed after sign-in', async ({ page }) => {
  await signInAs(page, DEMO.learner, '/\t/evil.example');
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
});
