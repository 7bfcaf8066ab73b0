import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectNoAxeViolations, expectSignedIn, sessionWithFreeSeats, signInAs, signOut } from './support';

// The public pages (home, catalogue, directory, a place, a session) are shared by everyone who is
// signed in (server.mjs, lib/http/page-cache.mjs): the page comes from the cache and the browser
// fills in the personal parts — the header (GET /api/v1/me) and a session's sign-up panel.

// Loads `path` until server.mjs answers it from its cache (a write elsewhere may drop the page
// in between) and returns the HTML it sent.
async function loadShared(page: Page, path: string): Promise<string> {
  let html = '';
  await expect
    .poll(
      async () => {
        const response = await page.goto(path);
        html = (await response?.text()) ?? '';
        return response?.headers()['x-comptoir-page-cache'] ?? 'rendered';
      },
      { timeout: 20_000 },
    )
    .toBe('hit');
  return html;
}

test.describe('pages shared by signed-in people', () => {
  test('a learner gets the catalogue from the cache, with her own name and space in the header', async ({ page }) => {
    await signInAs(page, DEMO.learner);
    const html = await loadShared(page, '/ateliers');
    // The page sent is the same for everyone: no name in it...
    expect(html).not.toContain('Annie Apprenante');
    // ...and the header shows hers once the browser has asked.
    const nav = page.getByRole('navigation', { name: 'Menu principal' });
    await expect(nav.getByText('Connecté : Annie Apprenante')).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Mon espace' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Médiation' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Se connecter' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // With the keyboard alone, from the header to her space.
    const mySpace = nav.getByRole('link', { name: 'Mon espace' });
    await mySpace.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/mon-espace$/);
  });

  test('a mediator sees the mediation link on the shared home page, and signing out there works', async ({ page }) => {
    await signInAs(page, DEMO.mediator);
    await loadShared(page, '/');
    const nav = page.getByRole('navigation', { name: 'Menu principal' });
    await expect(nav.getByRole('link', { name: 'Médiation' })).toBeVisible();
    await expectSignedIn(page);
    await signOut(page);
    await expect(nav.getByRole('link', { name: 'Se connecter' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Médiation' })).toHaveCount(0);
    // Signed out: the visitor's page, still from the cache, with the visitor's links in the HTML.
    const html = await loadShared(page, '/lieux');
    expect(html).toContain('Se connecter');
    expect(html).not.toContain('Mehdi Médiateur');
  });

  test('without JavaScript, a signed-in person still finds the way to her space on a shared page', async ({ page, browser }) => {
    await signInAs(page, DEMO.learner);
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    await noScript.addCookies(await page.context().cookies());
    const plain = await noScript.newPage();
    await loadShared(plain, '/ateliers');
    await expect(plain.getByRole('link', { name: 'Mon espace' })).toBeVisible();
    await expect(plain.getByRole('link', { name: 'Se connecter' })).toHaveCount(0);
    await noScript.close();
  });

  test('on a phone, the personal links are in the menu', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInAs(page, DEMO.learner);
    await loadShared(page, '/ateliers');
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('link', { name: 'Mon espace' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Se déconnecter' }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on a shared session page, a learner gets her own sign-up panel, signs up and cancels there', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const sessionId = await sessionWithFreeSeats(browser, 2);
    await signInAs(page, DEMO.learner);
    const html = await loadShared(page, `/seances/${sessionId}`);
    expect(html).not.toContain('Annie Apprenante');
    expect(html).toContain('Un instant');
    const panel = page.getByRole('region', { name: 'Inscription' });
    await expect(panel.getByRole('button', { name: 'S’inscrire' })).toBeVisible();
    await expect(panel.getByText('Un instant')).toHaveCount(0);
    await expectNoAxeViolations(page);

    await panel.getByRole('button', { name: 'S’inscrire' }).click();
    const confirmation = panel.locator('[data-enrollment-standing]');
    await expect(confirmation).toContainText('votre place est réservée');
    await expect(confirmation).toBeFocused();

    // Loaded again (shared, from the cache once more): her standing and the way to cancel.
    await loadShared(page, `/seances/${sessionId}`);
    await expect(panel.getByText('Votre place est réservée.')).toBeVisible();
    await panel.getByText('Annuler mon inscription', { exact: true }).click();
    await panel.getByRole('button', { name: 'Oui, annuler mon inscription' }).click();
    await expect(confirmation).toHaveText('Votre inscription est annulée.');
    await expect(panel.getByRole('button', { name: 'S’inscrire' })).toBeVisible();
  });

  test('a mediator gets the desk link in the panel of a shared session page', async ({ page, browser }) => {
    const sessionId = await sessionWithFreeSeats(browser, 2);
    await signInAs(page, DEMO.mediator);
    await loadShared(page, `/seances/${sessionId}`);
    await expect(page.getByRole('link', { name: 'Inscrire une personne à l’accueil' })).toBeVisible();
  });
});
