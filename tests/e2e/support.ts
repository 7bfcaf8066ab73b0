import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Browser, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const DEMO_PASSWORD = 'comptoir-demo';
export const DEMO = {
  admin: 'admin@comptoir.test',
  coordinator: 'coordination@comptoir.test',
  mediator: 'mediateur@comptoir.test',
  learner: 'apprenant@comptoir.test',
} as const;

// Runs axe-core (WCAG 2.1 A and AA rules) on the current page and fails on any violation.
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the CSP (no inline
  // scripts) stays in force for the page itself.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

// No horizontal scrolling at the current viewport width.
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

// Page object of /connexion.
export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/connexion');
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel('Adresse e-mail').fill(email);
    await this.page.getByLabel('Mot de passe').fill(password);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
  }
}

export async function signInAs(page: Page, email: string, callbackUrl?: string) {
  const signInPage = new SignInPage(page);
  await signInPage.goto(callbackUrl);
  await signInPage.signIn(email);
  await expectSignedIn(page);
}

// Signed in: "Se déconnecter" is in the header (inside the closed "Menu" on a phone).
export async function expectSignedIn(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.getByRole('button', { name: 'Se déconnecter', includeHidden: true }).first()).toBeAttached({ timeout });
}

// Signs out through the header, opening the phone "Menu" first when the page is that narrow.
export async function signOut(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  // The header's button (Mon espace has one too).
  await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
}

// A session of the demo mediator's place with free seats, read from the desk view's list.
export async function sessionWithFreeSeats(browser: Browser, skip = 0): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, DEMO.mediator);
  await page.goto('/mediation/inscrire');
  const options = await page.locator('a[data-session]').evaluateAll((nodes) => nodes.map((n) => ({ value: n.getAttribute('data-session')!, text: n.textContent ?? '' })));
  await context.close();
  const free = options.filter((o) => /places? libres?/.test(o.text));
  expect(free.length).toBeGreaterThan(skip + 1);
  // Later sessions: the demo learner's own sign-ups are the first ones.
  return free[free.length - 1 - skip]!.value;
}
