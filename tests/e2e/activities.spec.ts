import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, expectNoAxeViolations, expectNoHorizontalScroll, signInAs } from './support';

// One sign-in per role for the whole file (sign-in is throttled per account), reused through
// Playwright's storage state.
const STATE_DIR = 'test-results/activities-state';
const state = (role: 'mediator' | 'coordinator') => `${STATE_DIR}/${role}.json`;

async function signedIn(browser: Browser, role: 'mediator' | 'coordinator'): Promise<Page> {
  const context = await browser.newContext({ storageState: state(role) });
  return context.newPage();
}

// "12 activités" → 12: the demo network comes with a year of activities, so the journeys count
// what they add.
async function activityCount(page: Page): Promise<number> {
  const text = await page.getByText(/^\d[\d\s]* activités?$/).textContent();
  return Number.parseInt(text!.replace(/\s/g, ''), 10);
}

// A figure of a statistics page ("Activités", "Ateliers collectifs"), as a number.
async function figureOf(page: Page, name: string): Promise<number> {
  const text = await page.locator('dl.figures > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd').first().textContent();
  return Number.parseInt(text!.replace(/\s/g, ''), 10);
}

// Every page this file visits, checked again at 360 px at the end.
const visited = new Set<string>();
async function check(page: Page) {
  visited.add(new URL(page.url()).pathname + new URL(page.url()).search);
  await expectNoAxeViolations(page);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  mkdirSync(STATE_DIR, { recursive: true });
  for (const role of ['mediator', 'coordinator'] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, DEMO[role]);
    await context.storageState({ path: state(role) });
    await context.close();
  }
});

test('a mediator saves a closed session as an activity in two clicks, and sees it in the statistics', async ({ browser }) => {
  const page = await signedIn(browser, 'mediator');
  await page.goto('/mediation/statistiques');
  const before = { activities: await figureOf(page, 'Activités'), collective: await figureOf(page, 'Ateliers collectifs') };
  await page.goto('/mediation');
  await page.getByRole('link', { name: 'Mes activités' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes activités' })).toBeVisible();
  expect(await activityCount(page)).toBeGreaterThan(0);
  await check(page);

  const card = page.locator('#a-enregistrer + p + ul > li').first();
  const title = (await card.locator('p').first().textContent())!;
  // Click 1.
  await card.getByRole('link', { name: /Enregistrer comme activité/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enregistrer la séance comme activité' })).toBeVisible();
  await expect(page.getByText(`Tout est rempli depuis la séance « ${title} »`)).toBeVisible();
  await expect(page.getByLabel('Titre de l’atelier')).toHaveValue(title);
  await check(page);
  const draftUrl = page.url();
  // Click 2.
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL(/\/mediation\/activites\/[0-9a-f-]{36}\?enregistree=1$/);
  await expect(page.getByText('L’activité est enregistrée.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Enregistrée depuis une séance clôturée.')).toBeVisible();
  await check(page);
  const activityUrl = new URL(page.url()).pathname;

  // The same session a second time: refused, with the way to the existing activity.
  await page.goto(draftUrl);
  await expect(page.locator('main').getByRole('alert')).toHaveText('Cette séance est déjà enregistrée comme activité.');
  await page.getByRole('link', { name: 'Voir l’activité enregistrée' }).click();
  await expect(page).toHaveURL(activityUrl);

  await page.goto('/mediation/statistiques');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes statistiques' })).toBeVisible();
  expect(await figureOf(page, 'Activités')).toBe(before.activities + 1);
  expect(await figureOf(page, 'Ateliers collectifs')).toBe(before.collective + 1);
  await expect(page.getByRole('img', { name: 'Activités par mois' })).toBeVisible();
  await page.getByText('Voir les données en tableau').first().click();
  await expect(page.getByRole('table', { name: 'Activités par mois' })).toBeVisible();
  await check(page);
  await page.context().close();
});

test('a mediator logs an individual accompaniment: French errors by field, sub-themes only with their theme', async ({ browser }) => {
  const page = await signedIn(browser, 'mediator');
  await page.goto('/mediation/activites');
  const before = await activityCount(page);
  await page.getByRole('link', { name: 'Nouvelle activité' }).click();
  await check(page);
  await page.getByRole('link', { name: /Un accompagnement individuel/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvel accompagnement individuel' })).toBeVisible();

  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('main').getByRole('alert').first()).toHaveText('Certaines informations sont à corriger.');
  await expect(page.getByRole('group', { name: 'Durée' })).toHaveAccessibleDescription('Indiquez la durée en minutes.');
  await expect(page.getByRole('group', { name: 'Thématiques' })).toHaveAccessibleDescription(/Choisissez au moins une thématique/);
  await check(page);

  const subThemes = page.getByRole('group', { name: 'Démarches administratives' });
  await expect(subThemes).toBeHidden();
  await page.getByRole('checkbox', { name: 'Aide aux démarches administratives' }).check();
  await expect(subThemes).toBeVisible();
  await subThemes.getByRole('checkbox', { name: 'Argent - Impôts' }).check();
  await page.getByRole('radio', { name: '45 min' }).check();
  await page.getByRole('checkbox', { name: 'Téléphone' }).check();
  await page.getByLabel('Tranche d’âge').selectOption({ label: '70 ans et plus' });
  await page.getByLabel('Commune').fill('Firminy');
  await page.getByRole('radio', { name: 'Doit revenir' }).check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('L’activité est enregistrée.')).toBeVisible();
  await expect(page.getByText('Argent - Impôts')).toBeVisible();
  await expect(page.getByText(/Personne anonyme : Non communiqué, 70 ans et plus/)).toBeVisible();

  // Duplicate it for the same help next week.
  await page.getByRole('link', { name: 'Dupliquer' }).click();
  await expect(page.getByText('Copie d’une activité, datée d’aujourd’hui.')).toBeVisible();
  await expect(page.getByRole('radio', { name: '45 min' })).toBeChecked();
  await check(page);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('L’activité est enregistrée.')).toBeVisible();

  // Delete the copy, after a confirmation.
  await page.getByRole('link', { name: 'Supprimer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supprimer cette activité ?' })).toBeVisible();
  await check(page);
  await page.getByRole('button', { name: 'Supprimer l’activité' }).click();
  await expect(page.getByText('L’activité est supprimée.')).toBeVisible();
  await expect(page.getByText(`${before + 1} activités`, { exact: true })).toBeVisible();
  await page.context().close();
});

test('a mediator gets the 403 page for another place’s statistics and activities', async ({ browser }) => {
  const page = await signedIn(browser, 'mediator');
  for (const path of ['/mediation/statistiques?lieu=epn-feurs', '/mediation/activites?lieu=epn-feurs', '/coordination/statistiques']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
  }
  await page.context().close();
});

test('a coordinator reads the network statistics, prints a yearly report, and shares a link that stops once revoked', async ({ browser }) => {
  const page = await signedIn(browser, 'coordinator');
  await page.goto('/coordination');
  await page.getByRole('link', { name: 'Statistiques du réseau' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistiques du réseau' })).toBeVisible();
  await page.getByLabel('Lieu', { exact: true }).selectOption({ label: 'Au Comptoir Numérique, Saint-Étienne' });
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.locator('main p strong')).toHaveText('Au Comptoir Numérique, Saint-Étienne');
  await expect(page.getByRole('link', { name: 'Cette année' })).toBeVisible();
  await check(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger les chiffres (Excel)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^statistiques-au-comptoir-numerique-saint-etienne-.*\.xlsx$/);

  await page.getByRole('link', { name: /Rapport annuel imprimable/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Rapport d’activité 20\d\d/ })).toBeVisible();
  await check(page);

  await page.goto('/coordination/statistiques/partages');
  await page.getByLabel('Lieu', { exact: true }).selectOption({ label: 'Au Comptoir Numérique, Saint-Étienne' });
  await page.getByRole('button', { name: 'Créer le lien' }).click();
  await expect(page.getByText('Copiez ce lien maintenant : il ne sera plus affiché.')).toBeVisible();
  await check(page);
  const first = await page.getByLabel('Adresse du lien').first().inputValue();
  // A new link for the same place and period replaces it (the old one stops working).
  await page.getByRole('button', { name: /^Faire un nouveau lien : Au Comptoir Numérique/ }).first().click();
  await expect(page.getByLabel('Adresse du lien')).toHaveCount(2);
  const link = await page.getByLabel('Adresse du lien').last().inputValue();
  expect(link).not.toBe(first);
  expect((await page.request.get(new URL(first).pathname)).status()).toBe(404);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Statistiques : Au Comptoir Numérique, Saint-Étienne' })).toBeVisible();
  await expect(visitor.getByText('Elles ne contiennent aucune donnée personnelle.')).toBeVisible();
  await expect(visitor.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);
  await check(visitor);

  await page.getByRole('button', { name: /Révoquer ce lien/ }).first().click();
  await expect(page.getByText('Le lien est révoqué : il ne fonctionne plus.')).toBeVisible();
  const gone = await visitor.goto(link);
  expect(gone?.status()).toBe(404);
  await visitor.context().close();
  await page.context().close();
});

test('every page of the activity log and the statistics fits a 360 px phone', async ({ browser }) => {
  for (const role of ['mediator', 'coordinator'] as const) {
    const page = await signedIn(browser, role);
    await page.setViewportSize({ width: 360, height: 740 });
    const paths = role === 'mediator' ? [...visited].filter((p) => !p.startsWith('/coordination') && !p.startsWith('/statistiques')) : [...visited];
    for (const path of paths.length ? paths : ['/mediation/activites']) {
      const response = await page.goto(path);
      if (response?.status() === 404) continue; // the revoked shared link
      await expectNoHorizontalScroll(page);
    }
    await page.context().close();
  }
  expect(visited.size).toBeGreaterThanOrEqual(8);
});
