import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support';

const HOME = 'au-comptoir-numerique-saint-etienne';

// Page object of the directory /lieux.
class DirectoryPage {
  constructor(private readonly page: Page) {}

  goto(query = '') {
    return this.page.goto(`/lieux${query}`);
  }

  list() {
    return this.page.getByRole('region', { name: 'Les lieux, par commune' }).getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3 }) });
  }

  map() {
    return this.page.getByRole('group', { name: 'Carte des lieux de la Loire' });
  }

  async filter({ commune, service }: { commune?: string; service?: string }) {
    if (commune !== undefined) await this.page.getByLabel('Commune', { exact: true }).selectOption({ label: commune });
    if (service !== undefined) await this.page.getByLabel('Service proposé').selectOption({ label: service });
    await this.page.getByRole('button', { name: 'Afficher les lieux' }).click();
  }
}

const nextMonth = () => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
};

test.describe('the directory of places', () => {
  test('a visitor sees every place by commune, on a map and in a list', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.goto();
    await expect(page.getByRole('heading', { level: 1, name: 'Les lieux du réseau' })).toBeVisible();
    await expect(page.getByText('10 lieux')).toBeVisible();
    await expect(directory.list()).toHaveCount(10);
    await expect(directory.list().first().getByRole('heading', { level: 3 })).toHaveText(/EPN d’Andrézieux-Bouthéon/);
    const home = directory.list().filter({ hasText: 'Au Comptoir Numérique' });
    await expect(home).toContainText('Du lundi au vendredi : 9 h – 12 h et 14 h – 18 h');
    await expect(home.getByRole('link', { name: 'Téléphone : 04 77 00 00 01' })).toHaveAttribute('href', 'tel:+33477000001');
    await expect(directory.map().getByRole('link')).toHaveCount(10);
    await expectNoAxeViolations(page);

    await directory.map().getByRole('link', { name: 'EPN de la médiathèque de Roanne, Roanne' }).click();
    await expect(page).toHaveURL(/\/lieux\/epn-roanne-mediatheque$/);
    await expect(page.getByRole('heading', { level: 1, name: 'EPN de la médiathèque de Roanne' })).toBeVisible();
  });

  test('filters by service and commune, with the filters in the address', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.goto();
    await directory.filter({ service: 'Aide aux démarches administratives' });
    await expect(page).toHaveURL(/service=Aide\+aux\+d%C3%A9marches\+administratives/);
    await expect(page.getByText('4 lieux')).toBeVisible();
    await expect(directory.list()).toHaveCount(4);
    await expect(directory.map().getByRole('link')).toHaveCount(4);

    await directory.filter({ commune: 'Feurs' });
    await expect(page.getByText('Aucun lieu ne correspond.')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Voir tous les lieux' }).click();
    await expect(directory.list()).toHaveCount(10);
  });

  test('works with the keyboard alone', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.goto();
    await page.getByLabel('Commune', { exact: true }).focus();
    await page.keyboard.press('ArrowDown'); // Andrézieux-Bouthéon, the first commune
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Afficher les lieux' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/commune=Andr%C3%A9zieux-Bouth%C3%A9on/);
    await expect(directory.list()).toHaveCount(1);

    // The map's dot is a link reached with Tab, and opens the place with Enter.
    const dot = directory.map().getByRole('link', { name: 'EPN d’Andrézieux-Bouthéon, Andrézieux-Bouthéon' });
    await dot.focus();
    await expect(dot).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/lieux\/epn-andrezieux-boutheon$/);
  });
});

test.describe('the page of a place', () => {
  test('shows the address, access, hours, accessibility, contact and the next sessions', async ({ page }) => {
    await page.goto(`/lieux/${HOME}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Au Comptoir Numérique' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Comment venir' })).toContainText('Tram T1, arrêt Hôtel de Ville');
    const hours = page.getByRole('region', { name: 'Horaires d’ouverture' });
    await expect(hours.getByRole('listitem')).toHaveText(['Du lundi au vendredi : 9 h – 12 h et 14 h – 18 h', 'Samedi : 9 h – 12 h', 'Les autres jours : fermé']);
    await expect(page.getByRole('region', { name: 'Accessibilité' })).toContainText('Handicaps moteurs, Illettrisme');
    await expect(page.getByRole('region', { name: 'Pour être accompagné' })).toContainText('Tarif : Gratuit');

    const sessions = page.getByRole('region', { name: 'Prochaines séances' }).getByRole('listitem');
    expect(await sessions.count()).toBeGreaterThan(0);
    const first = sessions.first();
    await expect(first.getByRole('link').first()).toHaveAttribute('href', /^\/ateliers\/[a-z0-9-]+$/);
    await expect(first.getByRole('link', { name: /^Voir la séance du / })).toHaveAttribute('href', /^\/seances\/[0-9a-f-]{36}$/);
    await expect(first).toContainText(/places? libres?|Complet/);
    await expectNoAxeViolations(page);
  });

  test('an unknown place gets the page-not-found page', async ({ page }) => {
    const response = await page.goto('/lieux/nulle-part');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  });
});

test.describe('the monthly programme', () => {
  test('lists the month by date, moves between months, and prints without the site menu', async ({ page }) => {
    const month = nextMonth();
    await page.goto(`/lieux/${HOME}`);
    await page.getByRole('link', { name: 'Programme du mois, à imprimer' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Au Comptoir Numérique — programme de');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: /^Mois suivant/ }).click();
    await expect(page).toHaveURL(new RegExp(`/programme\\?mois=${month}$`));
    const days = page.locator('.programme-day');
    expect(await days.count()).toBeGreaterThan(0);
    await expect(days.first().getByRole('heading', { level: 2 })).toHaveText(/^(Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche) \d{1,2}(er)? /);
    await expect(page.getByText('Téléphone : 04 77 00 00 01')).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Menu principal' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Imprimer cette page' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });

    const download = await page.request.get(`/lieux/${HOME}/programme.pdf?mois=${month}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
  });

  test('a month it cannot read gets a French message and the current month, not an error', async ({ page }) => {
    const response = await page.goto(`/lieux/${HOME}/programme?mois=13-2026`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('status').filter({ hasText: 'Nous n’avons pas compris le mois demandé.' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test('the places pages fit a 360 px wide phone without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/lieux', '/lieux?service=Aide+aux+d%C3%A9marches+administratives', `/lieux/${HOME}`, `/lieux/${HOME}/programme`]) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
  }
  await page.goto(`/lieux/${HOME}`);
  await expectNoAxeViolations(page);
});
