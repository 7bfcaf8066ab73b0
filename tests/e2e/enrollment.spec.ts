import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectNoAxeViolations, expectNoHorizontalScroll, expectSignedIn, sessionWithFreeSeats, SignInPage } from './support';

// Long journeys (two people, several pages each) on a shared two-core machine.
test.describe.configure({ timeout: 240_000 });

// Signing in hashes a password: allow for a busy machine.
async function signInAs(page: Page, email: string, callbackUrl?: string) {
  const signInPage = new SignInPage(page);
  await signInPage.goto(callbackUrl);
  await signInPage.signIn(email);
  await expectSignedIn(page);
}

const shots = process.env.E2E_SCREENSHOTS ? 'test-results/screens' : null;
async function screenshot(page: Page, name: string) {
  if (!shots) return;
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test.describe('signing up for a session', () => {
  test('a visitor creates an account from the session page, signs up, finds it in Mon espace, and cancels', async ({ page, browser }) => {
    const sessionId = await sessionWithFreeSeats(browser);
    await page.goto(`/seances/${sessionId}`);
    const panel = page.getByRole('region', { name: 'Inscription' });
    await expect(panel.getByText(/places? libres? sur/)).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Se connecter pour s’inscrire' })).toHaveAttribute('href', `/connexion?callbackUrl=${encodeURIComponent(`/seances/${sessionId}`)}`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'seance-visiteur');

    await panel.getByRole('link', { name: 'Créer un compte', exact: true }).click();
    await expect(page).toHaveURL(/\/inscription\?callbackUrl=/);
    await page.getByLabel('Prénom et nom').fill('Bernadette Lafont');
    await page.getByLabel('Adresse e-mail').fill(`bernadette.${Date.now()}@exemple.fr`);
    await page.getByLabel('Mot de passe').fill('un-mot-de-passe');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page).toHaveURL(new RegExp(`/seances/${sessionId}$`));

    await page.getByRole('button', { name: 'S’inscrire' }).click();
    // One confirmation, which takes the focus; no e-mail is promised (no mail server here).
    const confirmation = panel.locator('[data-enrollment-standing]');
    await expect(confirmation).toHaveText('C’est fait : votre place est réservée.');
    await expect(confirmation).toBeFocused();
    await expect(panel.getByText('e-mail de confirmation')).toHaveCount(0);
    await expect(panel.getByText('Annuler mon inscription', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'seance-inscrit');

    await page.goto('/mon-espace');
    const mine = page.locator('h2:has-text("Mes prochains ateliers") + ul > li');
    await expect(mine).toHaveCount(1);
    await expect(mine.first()).toContainText('Inscription confirmée');
    await expectNoAxeViolations(page);
    await screenshot(page, 'mon-espace');

    // Cancelling asks for a confirmation first; done with the keyboard.
    await mine.first().getByText('Annuler mon inscription', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Oui, annuler mon inscription' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/annulation=inscription/);
    await expect(page.getByText('Votre inscription est annulée.', { exact: false })).toBeVisible();
    await expect(page.getByText('Vous n’êtes inscrit à aucun atelier à venir.')).toBeVisible();

    await page.goto(`/seances/${sessionId}`);
    await expect(panel.getByRole('button', { name: 'S’inscrire' })).toBeVisible();
  });

  test('the private calendar link is shown once when made, serves the person’s sessions, is replaced by a new one, and can be deleted', async ({ page }) => {
    await signInAs(page, DEMO.learner, '/mon-espace');
    await page.getByRole('button', { name: 'Créer mon lien d’agenda' }).click();
    const field = page.getByLabel('Mon lien d’agenda');
    await expect(field).toHaveValue(/\/api\/v1\/me\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expect(page.getByText('Copiez ce lien maintenant : il ne sera plus affiché.')).toBeVisible();
    await expectNoAxeViolations(page);
    const first = new URL(await field.inputValue());
    // Once the page is reloaded, the link is gone: only when it was made.
    await page.reload();
    await expect(page.getByText(/^Lien créé le /)).toBeVisible();
    await expect(field).toHaveCount(0);
    await page.getByRole('button', { name: 'Faire un nouveau lien' }).click();
    await expect(field).toHaveValue(/\/api\/v1\/me\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const url = new URL(await field.inputValue());
    expect(url.pathname).not.toBe(first.pathname);
    expect((await page.request.get(first.pathname)).status()).toBe(404);
    const feed = await page.request.get(url.pathname);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    expect((await feed.text()).match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Supprimer ce lien' }).click();
    await expect(page.getByText('Le lien d’agenda est supprimé.')).toBeVisible();
    expect((await page.request.get(url.pathname)).status()).toBe(404);
  });

  test('“Se déconnecter” is one click away: in the header on a computer, on Mon espace on a phone', async ({ page }) => {
    await signInAs(page, DEMO.learner, '/mon-espace');
    await expect(page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
    await page.setViewportSize({ width: 360, height: 740 });
    // The header's button is in the closed menu; the page's own is there.
    await expect(page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' })).toBeHidden();
    await expectNoAxeViolations(page);
    await page.getByRole('main').getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/$/);
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  });

  test('the session page and Mon espace fit a 360 px wide phone', async ({ page, browser }) => {
    const sessionId = await sessionWithFreeSeats(browser, 1);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/seances/${sessionId}`);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'seance-360');
    await signInAs(page, DEMO.learner, '/mon-espace');
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'mon-espace-360');
  });
});

test.describe('signing up a person at the desk', () => {
  test('a mediator signs up a person without e-mail, who later claims the profile with the code', async ({ page, browser }) => {
    await signInAs(page, DEMO.mediator);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Médiation' }).click();
    await page.getByRole('link', { name: 'Inscrire une personne' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inscrire une personne' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Each session shows its workshop, time and place; one tap chooses it.
    const options = page.locator('a[data-session]');
    const count = await options.count();
    const value = await options.nth(count - 2).getAttribute('data-session');
    await options.nth(count - 2).click();
    await expect(page.getByText('Séance choisie :', { exact: false })).toBeVisible();

    const name = `Simone Ferrand ${Date.now() % 100000}`;
    await page.getByLabel('Prénom et nom').fill(name);
    await page.getByLabel('Numéro de téléphone', { exact: true }).fill('06 98 76 54 32');
    await page.getByRole('button', { name: 'Créer la fiche et inscrire' }).click();
    const consent = page.getByLabel('La personne est d’accord', { exact: false });
    await expect(consent).toHaveAccessibleDescription(/Cochez la case/);
    await expectNoAxeViolations(page);
    await consent.check();
    await page.getByRole('button', { name: 'Créer la fiche et inscrire' }).click();
    await expect(page.getByText(`C’est fait : ${name} a une place à cette séance.`)).toBeVisible();
    const code = (await page.locator('p.font-mono').first().textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'guichet');

    await page.getByLabel('Nom ou numéro de téléphone').fill(name.split(' ').slice(0, 2).join(' '));
    await page.getByRole('button', { name: 'Chercher' }).click();
    const result = page.locator('li', { hasText: name });
    await expect(result).toContainText('06 98 76 54 32 · Pas d’e-mail');
    await expect(result).toContainText('Déjà inscrite à cette séance');

    await page.goto('/mediation/messages');
    const message = page.locator('li', { hasText: name });
    await expect(message.first()).toContainText('Pas d’e-mail : à prévenir par téléphone');
    await expect(message.first()).toContainText('Téléphone : 06 98 76 54 32');
    await expectNoAxeViolations(page);
    await screenshot(page, 'messages');

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/mediation/inscrire?seance=${value}`);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'guichet-360');
    await page.goto('/mediation/messages');
    await expectNoHorizontalScroll(page);

    // Later, the person creates an account with their phone number and the code.
    const context = await browser.newContext();
    const person = await context.newPage();
    await person.goto('/inscription');
    await person.getByLabel('Prénom et nom').fill(name);
    await person.getByLabel('Adresse e-mail').fill(`simone.${Date.now()}@exemple.fr`);
    await person.getByLabel('Mot de passe').fill('un-mot-de-passe');
    await person.getByText('Un médiateur vous a donné un code ?').click();
    await person.getByLabel('Numéro de téléphone donné au médiateur').fill('0698765432');
    await person.getByLabel('Code reçu').fill(code);
    await expectNoAxeViolations(person);
    await person.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(person).toHaveURL(/\/mon-espace$/);
    await expect(person.locator('h2:has-text("Mes prochains ateliers") + ul > li')).toHaveCount(1);
    await context.close();
  });
});
