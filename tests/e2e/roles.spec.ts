import { expect, test } from '@playwright/test';
import { DEMO, expectNoAxeViolations, expectNoHorizontalScroll, SignInPage, signInAs } from './support';

const nav = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Menu principal' });

test.describe('each demo role signs in and reaches its page', () => {
  test('a visitor browses public pages, and is sent to sign in for Mon espace', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Apprendre le numérique, près de chez vous' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/ateliers');
    await expect(page.getByRole('heading', { name: 'Débuter avec son smartphone' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/lieux');
    await expect(page.getByRole('heading', { name: 'EPN de la médiathèque de Roanne' })).toBeVisible();
    await expectNoAxeViolations(page);
    await expect(nav(page).getByRole('link', { name: 'Mon espace' })).toHaveCount(0);
    await page.goto('/mon-espace');
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fmon-espace/);
    await expectNoAxeViolations(page);
  });

  test('the learner sees Mon espace with their sessions, and gets the 403 page for /coordination', async ({ page }) => {
    await signInAs(page, DEMO.learner, '/mon-espace');
    await expect(page).toHaveURL(/\/mon-espace$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
    await expect(page.getByText('Bonjour Annie Apprenante')).toBeVisible();
    // Seeded: two upcoming sessions and two attended.
    const upcoming = page.locator('h2:has-text("Mes prochains ateliers") + ul > li');
    await expect(upcoming).toHaveCount(2);
    await expect(page.locator('h2:has-text("Mes ateliers passés") + ul > li')).toHaveCount(2);
    await expect(nav(page).getByRole('link', { name: 'Mon espace' })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'Médiation' })).toHaveCount(0);
    await expect(nav(page).getByRole('link', { name: 'Coordination' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    const response = await page.goto('/coordination');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the mediator sees the next sessions of their place', async ({ page }) => {
    await signInAs(page, DEMO.mediator);
    await nav(page).getByRole('link', { name: 'Médiation' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Médiation' })).toBeVisible();
    await expect(page.getByText('Au Comptoir Numérique, Saint-Étienne')).toBeVisible();
    await expect(page.locator('h2:has-text("Prochaines séances") + ul > li').first()).toContainText(/\d+ inscrits? sur \d+/);
    await expect(nav(page).getByRole('link', { name: 'Coordination' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('the coordinator sees the network in figures and every place', async ({ page }) => {
    await signInAs(page, DEMO.coordinator);
    await nav(page).getByRole('link', { name: 'Coordination' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Coordination du réseau' })).toBeVisible();
    await expect(page.getByText('Espace public numérique de Feurs')).toBeVisible();
    await expect(page.locator('dt:has-text("Ateliers publiés") + dd')).toHaveText('30');
    await expectNoAxeViolations(page);
  });

  test('the admin sees the accounts and their roles', async ({ page }) => {
    await signInAs(page, DEMO.admin);
    await nav(page).getByRole('link', { name: 'Administration' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'coordination@comptoir.test' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  });
});

test.describe('signing in and creating an account', () => {
  test('a wrong password gets one French message, the same as an unknown e-mail', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(DEMO.learner, 'pas-le-bon');
    await expect(page.locator('main').getByRole('alert')).toHaveText('L’adresse e-mail ou le mot de passe ne correspond pas. Vérifiez et réessayez.');
    await signIn.signIn('personne@exemple.fr', 'pas-le-bon');
    await expect(page.locator('main').getByRole('alert')).toHaveText('L’adresse e-mail ou le mot de passe ne correspond pas. Vérifiez et réessayez.');
    await expectNoAxeViolations(page);
  });

  test('bad sign-up input gets French messages next to the fields; good input creates the account', async ({ page }) => {
    await page.goto('/inscription');
    await page.getByLabel('Prénom et nom').fill('Nadia Benali');
    await page.getByLabel('Adresse e-mail').fill('nadia@');
    await page.getByLabel('Mot de passe').fill('court');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page.getByLabel('Adresse e-mail')).toHaveAccessibleDescription(/n’est pas valide/);
    await expect(page.getByLabel('Mot de passe')).toHaveAccessibleDescription(/au moins 10 caractères/);
    await expect(page.getByLabel('Prénom et nom')).toHaveValue('Nadia Benali');
    await expectNoAxeViolations(page);

    await page.getByLabel('Adresse e-mail').fill(DEMO.learner);
    await page.getByLabel('Mot de passe').fill('un-mot-de-passe');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page.getByLabel('Adresse e-mail')).toHaveAccessibleDescription(/existe déjà/);

    const email = `nadia.${Date.now()}@exemple.fr`;
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('un-mot-de-passe');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page).toHaveURL(/\/mon-espace$/);
    await expect(page.getByText('Bonjour Nadia Benali')).toBeVisible();
  });
});

test.describe('keyboard, small screens and language', () => {
  test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
    await page.goto('/ateliers');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#contenu')).toBeFocused();
  });

  test('signing in works with the keyboard alone', async ({ page }) => {
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').focus();
    await page.keyboard.type(DEMO.learner);
    await page.keyboard.press('Tab');
    await page.keyboard.type('comptoir-demo');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/mon-espace$/);
  });

  test('pages fit a 360 px wide phone without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/ateliers', '/lieux', '/connexion', '/inscription']) {
      await page.goto(path);
      await expectNoHorizontalScroll(page);
    }
    await signInAs(page, DEMO.coordinator);
    for (const path of ['/mon-espace', '/mediation', '/coordination']) {
      await page.goto(path);
      await expectNoHorizontalScroll(page);
    }
  });

  test('the language switch shows the site in English and back', async ({ page }) => {
    await page.goto('/ateliers');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page).toHaveURL(/\/ateliers$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Workshops' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Passer en français' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Les ateliers' })).toBeVisible();
  });
});
