import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support';

// The catalogue, a workshop and a session, as a visitor uses them. The e2e server seeds the demo
// network around today's date, so "next month" is computed here the same way.
const nextMonth = (() => {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 15));
  return new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'Europe/Paris' }).format(first);
})();

// Page object of /ateliers.
class CataloguePage {
  constructor(private readonly page: Page) {}
  goto(search = '') {
    return this.page.goto(`/ateliers${search}`);
  }
  get words() {
    return this.page.getByLabel('Que voulez-vous apprendre ?');
  }
  get where() {
    return this.page.getByLabel('Où ?');
  }
  get submit() {
    return this.page.getByRole('button', { name: 'Chercher' });
  }
  get results() {
    return this.page.getByRole('region', { name: /trouvé|Aucun atelier/ });
  }
  card(title: string) {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: title }) });
  }
}

test.describe('a visitor finds a workshop and adds a session to their calendar', () => {
  test('finds a beginners’ smartphone workshop in Roanne next month in three actions, opens it and a session, and downloads the .ics', async ({ page }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.goto();
    await expectNoAxeViolations(page);

    // The three actions: type the words, choose the town, search.
    await catalogue.words.fill('smartphone');
    await catalogue.where.selectOption({ label: 'Roanne' });
    await catalogue.submit.click();

    // Empty criteria are left out of the address, which stays short enough to share.
    await expect(page).toHaveURL(/\/ateliers\?q=smartphone&place=Roanne$/);
    const card = catalogue.card('Débuter avec son smartphone');
    await expect(card).toBeVisible();
    await expect(card).toContainText('Niveau : Débutant');
    const nextMonthSession = card.getByRole('listitem').filter({ hasText: nextMonth }).filter({ hasText: 'Roanne' }).first();
    await expect(nextMonthSession).toBeVisible();
    await expectNoAxeViolations(page);

    // Open the workshop, then one of its Roanne sessions.
    await card.getByRole('link', { name: 'Débuter avec son smartphone', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Débuter avec son smartphone' })).toBeVisible();
    await expect(page.getByText('Aucun : on part de zéro.')).toBeVisible();
    await expect(page.getByText(/séances? de cet atelier (a|ont) déjà eu lieu/)).toBeVisible();
    await expectNoAxeViolations(page);
    // The first one with seats left (the demo fills some sessions up, to show the waiting list,
    // and next month's may be one of them, depending on the day the demo was made).
    const session = page.getByRole('region', { name: 'Prochaines séances' }).getByRole('listitem').filter({ hasText: 'Roanne' }).filter({ hasText: /\d+ places? libres?/ }).first();
    await session.getByRole('link').first().click();

    await expect(page).toHaveURL(/\/seances\/[0-9a-f-]{36}$/);
    const sessionId = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { level: 1, name: 'Débuter avec son smartphone' })).toBeVisible();
    const details = page.getByRole('region', { name: 'Quand et où ?' });
    await expect(details.getByRole('link', { name: 'EPN de la médiathèque de Roanne' })).toBeVisible();
    await expect(details.getByText('4 place du Château')).toBeVisible();
    await expect(page.getByText(/Bus ligne 1, arrêt Château/)).toBeVisible();
    const signUp = page.getByRole('region', { name: 'Inscription' });
    await expect(signUp.getByText(/\d+ places? libres? sur \d+/)).toBeVisible();
    await expect(signUp.getByRole('link', { name: 'Se connecter pour s’inscrire' })).toHaveAttribute('href', `/connexion?callbackUrl=%2Fseances%2F${sessionId}`);
    await expectNoAxeViolations(page);

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Ajouter à mon agenda' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^seance-debuter-avec-son-smartphone-\d{4}-\d{2}-\d{2}\.ics$/);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Débuter avec son smartphone');
    expect(ics).toContain(`UID:seance-${sessionId}@comptoir`);
  });

  test('the search forgives accents and typos, and the filters stay in a shareable URL', async ({ page }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.goto('?q=smartfone');
    await expect(catalogue.card('Débuter avec son smartphone')).toBeVisible();
    await catalogue.goto('?q=demarches');
    await expect(page.getByRole('heading', { level: 3 }).first()).toHaveText('Démarches administratives en ligne');

    await catalogue.goto('?theme=securite&level=beginner&seats=1');
    await expect(page.locator('details')).toHaveAttribute('open', '');
    await expect(page.getByLabel('Thématique')).toHaveValue('securite');
    await expect(page.getByLabel('Niveau')).toHaveValue('beginner');
    await expect(page.getByLabel('Seulement les séances où il reste des places')).toBeChecked();
    await expect(catalogue.card('Reconnaître les arnaques')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('bad filters get a French message next to the field, and the rest of the search still runs', async ({ page }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.goto('?q=tablette&theme=cuisine&from=2026-02-31');
    await expect(page.locator('main').getByRole('alert')).toHaveText('Certains critères n’ont pas été pris en compte. Corrigez-les ci-dessous.');
    await expect(page.getByLabel('Thématique')).toHaveAccessibleDescription('Cette thématique n’existe pas.');
    await expect(page.getByLabel('À partir du')).toHaveAccessibleDescription(/La date de début n’est pas une date valide/);
    await expect(catalogue.card('Découvrir la tablette')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('results come in pages', async ({ page }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.goto();
    await expect(page.getByRole('heading', { level: 2, name: '30 ateliers trouvés' })).toBeVisible();
    const pages = page.getByRole('navigation', { name: 'Pages des résultats' });
    await expect(pages).toContainText('Page 1 sur 3');
    await pages.getByRole('link', { name: 'Page suivante' }).click();
    await expect(page).toHaveURL(/\/ateliers\?page=2$/);
    await expect(pages).toContainText('Page 2 sur 3');
    await expect(pages.getByRole('link', { name: 'Page précédente' })).toBeVisible();
  });

  test('unknown workshops and sessions, even malformed ids, get the 404 page', async ({ page }) => {
    for (const path of ['/ateliers/pas-un-atelier', '/seances/pas-un-id', '/seances/00000000-0000-4000-8000-000000000000']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
    }
    await expectNoAxeViolations(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search form works and the result links lead to the workshop', async ({ page }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.goto();
    await catalogue.words.fill('impots');
    await catalogue.submit.click();
    await expect(page).toHaveURL(/\/ateliers\?q=impots$/);
    await catalogue.card('Déclarer ses impôts en ligne').getByRole('link', { name: 'Déclarer ses impôts en ligne', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Déclarer ses impôts en ligne' })).toBeVisible();
  });
});

test.describe('keyboard and small screens', () => {
  test('the search form works with the keyboard alone', async ({ page }) => {
    await page.goto('/ateliers');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const words = page.getByLabel('Que voulez-vous apprendre ?');
    await expect(words).toBeFocused();
    await page.keyboard.type('demarches');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Où ?')).toBeFocused();
    await page.keyboard.press('Tab');
    const more = page.getByText('Plus de critères');
    await expect(more).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Thématique')).toBeFocused();
    for (const label of ['Niveau', 'À partir du', 'Jusqu’au', 'Seulement les séances où il reste des places']) {
      // Date inputs have several stops (day, month, year) in Chromium.
      for (let i = 0; i < 4 && !(await page.getByLabel(label).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      await expect(page.getByLabel(label)).toBeFocused();
    }
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Chercher' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/ateliers\?q=demarches&seats=1$/);
    await expect(page.getByRole('heading', { level: 3 }).first()).toHaveText('Démarches administratives en ligne');
  });

  test('catalogue, workshop and session pages fit a 360 px wide phone', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/ateliers?q=smartphone&place=Roanne');
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: 'Débuter avec son smartphone', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
    // The workshop page keeps the place searched for.
    await expect(page.getByText('Votre choix : Roanne.')).toBeVisible();
    await page.getByRole('region', { name: 'Prochaines séances' }).getByRole('listitem').first().getByRole('link').click();
    await expect(page.getByRole('region', { name: 'Inscription' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });
});
