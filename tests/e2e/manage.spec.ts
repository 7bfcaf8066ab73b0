import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectNoAxeViolations, expectNoHorizontalScroll, signInAs } from './support';

// Building the catalogue: mediators' workshops and sessions, coordinators' places and staff.
// Each test is a whole journey through several forms, each checked with axe: give them time.
test.describe.configure({ timeout: 240_000 });

const WEEKDAYS = ['Dimanche', 'Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi'];

// A calendar day `days` from today, as a date input wants it, and its weekday in French.
function dayFromToday(days: number): { iso: string; weekday: string } {
  const date = new Date(Date.now() + days * 86400000);
  return { iso: date.toISOString().slice(0, 10), weekday: WEEKDAYS[date.getUTCDay()]! };
}

// A workshop that the demo mediator's place (Saint-Étienne) does not run.
const OTHER_PLACES_WORKSHOP = 'decouvrir-la-tablette';

class WorkshopFormPage {
  constructor(private readonly page: Page) {}

  async fill({ title, summary }: { title: string; summary: string }) {
    await this.page.getByLabel('Titre de l’atelier').fill(title);
    await this.page.getByLabel('Résumé').fill(summary);
    await this.page.getByRole('group', { name: 'Thématiques' }).getByLabel('Prendre en main du matériel').check();
    await this.page.getByRole('group', { name: 'Niveau' }).getByLabel('Débutant').check();
    await this.page.getByRole('group', { name: 'Durée' }).getByLabel('1 h 30').check();
    await this.page.getByRole('group', { name: 'Pour qui ?' }).getByLabel('Seniors', { exact: true }).check();
  }

  submit() {
    return this.page.getByRole('button', { name: 'Créer l’atelier' }).click();
  }
}

test.describe('a mediator builds the catalogue of their place', () => {
  test('creates a workshop and a weekly repeating session through the forms, publishes it, and finds it in the catalogue', async ({ page }) => {
    const title = `Découvrir sa liseuse ${Date.now().toString(36)}`;
    await signInAs(page, DEMO.mediator);
    await page.goto('/mediation');
    await page.getByRole('navigation', { name: 'Gérer' }).getByRole('link', { name: 'Mes ateliers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes ateliers' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Nouvel atelier' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nouvel atelier' })).toBeVisible();
    await expectNoAxeViolations(page);
    const form = new WorkshopFormPage(page);

    // Nothing filled in: French messages next to the fields.
    await form.submit();
    await expect(page.getByLabel('Titre de l’atelier')).toHaveAccessibleDescription(/au moins 3 caractères/);
    await expect(page.getByRole('group', { name: 'Thématiques' })).toHaveAccessibleDescription(/Choisissez au moins une thématique/);
    await expectNoAxeViolations(page);

    await form.fill({ title, summary: 'Lire un livre numérique, régler la taille du texte, emprunter à la médiathèque.' });
    await form.submit();
    await expect(page).toHaveURL(/\/mediation\/ateliers\/decouvrir-sa-liseuse-[a-z0-9]+\?fait=created$/);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('L’atelier est créé.')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Programmer une séance' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Programmer une séance' })).toBeVisible();
    await expectNoAxeViolations(page);
    const first = dayFromToday(14);
    await page.getByLabel('Date', { exact: true }).fill(first.iso);
    await page.getByLabel('Heure de début').fill('14:00');
    await page.getByLabel('Heure de fin').fill('15:30');
    await page.getByLabel('Nombre de places').fill('8');
    await page.getByLabel('Plusieurs fois', { exact: false }).check();
    await page.getByRole('group', { name: 'Les jours' }).getByLabel(first.weekday).check();
    await page.getByLabel('Jusqu’au').fill(dayFromToday(14 + 21).iso);
    await page.getByRole('button', { name: 'Programmer' }).click();

    await expect(page.getByText('4 séances sont programmées.')).toBeVisible();
    const sessions = page.locator('section[aria-labelledby="seances"] li');
    await expect(sessions).toHaveCount(4);
    for (const item of await sessions.all()) await expect(item).toContainText('14 h – 15 h 30');
    await expect(sessions.first()).toContainText('Animée par Mehdi Médiateur');

    await page.getByRole('button', { name: 'Publier' }).click();
    await expect(page.getByText('L’atelier est publié')).toBeVisible();
    await expectNoAxeViolations(page);
    const manageUrl = page.url();

    await page.goto(`/ateliers?q=${encodeURIComponent(title)}`);
    const card = page.locator('li', { has: page.getByRole('heading', { name: title }) });
    await expect(card).toBeVisible();
    await expect(card).toContainText('14 h – 15 h 30');

    // Back to draft: it leaves the catalogue (and the demo catalogue is as other journeys expect it).
    await page.goto(manageUrl);
    await page.getByRole('button', { name: 'Repasser en brouillon' }).click();
    await expect(page.getByText('L’atelier est repassé en brouillon')).toBeVisible();
    await page.goto(`/ateliers?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
  });

  test('edits a session, refuses a capacity of zero, and cancels it after a confirmation step', async ({ page }) => {
    await signInAs(page, DEMO.mediator);
    await page.goto('/mediation/ateliers/nouveau');
    const title = `Classer ses photos ${Date.now().toString(36)}`;
    const form = new WorkshopFormPage(page);
    await form.fill({ title, summary: 'Ranger ses photos dans des dossiers et les retrouver facilement.' });
    await form.submit();
    await page.getByRole('link', { name: 'Programmer une séance' }).click();
    await page.getByLabel('Date', { exact: true }).fill(dayFromToday(10).iso);
    await page.getByLabel('Heure de début').fill('09:30');
    await page.getByRole('button', { name: 'Programmer' }).click();
    await expect(page.getByText('La séance est programmée.')).toBeVisible();
    // No end time given: the session lasts as long as the workshop (1 h 30).
    await expect(page.locator('section[aria-labelledby="seances"] li')).toContainText('9 h 30 – 11 h');

    await page.getByRole('link', { name: /^Modifier séance du/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Modifier la séance' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Nombre de places').fill('0');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect(page.getByLabel('Nombre de places')).toHaveAccessibleDescription('Prévoyez au moins 1 place.');
    await expect(page.getByLabel('Heure de début')).toHaveValue('09:30');
    await page.getByLabel('Nombre de places').fill('12');
    await page.getByLabel('Heure de début').fill('10:00');
    await page.getByLabel('Heure de fin').fill('11:30');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect(page.getByText('La séance est modifiée.')).toBeVisible();
    await expect(page.locator('section[aria-labelledby="seances"] li')).toContainText('10 h – 11 h 30');
    await expect(page.locator('section[aria-labelledby="seances"] li')).toContainText('0 inscrit sur 12');

    // Archiving asks first, and is refused while a session is to come.
    await page.getByRole('link', { name: 'Archiver' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Archiver l’atelier « ${title} » ?` })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Confirmer l’archivage' }).click();
    await expect(page.locator('main').getByRole('alert')).toHaveText('Cet atelier a encore 1 séance à venir. Annulez-la avant d’archiver l’atelier.');
    await page.getByRole('link', { name: 'Ne pas archiver' }).click();

    await page.getByRole('link', { name: /^Annuler séance du/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Annuler la séance ?' })).toBeVisible();
    await expect(page.getByText('Personne n’est inscrit à cette séance.')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Motif (facultatif)').fill('Salle indisponible.');
    await page.getByRole('button', { name: 'Confirmer l’annulation' }).click();
    await expect(page.getByText('La séance est annulée.')).toBeVisible();
    await expect(page.locator('section[aria-labelledby="seances"] li')).toContainText('Séance annulée');

    // With no session to come, archiving goes through.
    await page.getByRole('link', { name: 'Archiver' }).click();
    await page.getByRole('button', { name: 'Confirmer l’archivage' }).click();
    await expect(page.getByText('L’atelier est archivé.')).toBeVisible();
  });

  test('gets the 403 page for a workshop of a place they do not staff', async ({ page }) => {
    await signInAs(page, DEMO.mediator);
    for (const path of [`/mediation/ateliers/${OTHER_PLACES_WORKSHOP}`, `/mediation/ateliers/${OTHER_PLACES_WORKSHOP}/seances/nouvelle`, `/mediation/ateliers/${OTHER_PLACES_WORKSHOP}/archiver`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
    }
    await expectNoAxeViolations(page);
    const response = await page.goto('/coordination/lieux');
    expect(response?.status()).toBe(403);
    const unknown = await page.goto('/mediation/ateliers/pas-un-atelier');
    expect(unknown?.status()).toBe(404);
  });
});

test.describe('a coordinator manages places and their staff', () => {
  test('creates a place, fixing what the form points out, then adds and removes a staff member with the keyboard', async ({ page }) => {
    await signInAs(page, DEMO.coordinator);
    await page.goto('/coordination');
    await page.getByRole('link', { name: 'Gérer les lieux et leurs équipes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Les lieux et leurs équipes' })).toBeVisible();
    await expect(page.locator('li', { hasText: 'Au Comptoir Numérique' })).toContainText('Équipe : Mehdi Médiateur');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Ajouter un lieu' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ajouter un lieu' })).toBeVisible();
    await expectNoAxeViolations(page);
    const name = `Tiers-lieu du Pilat ${Date.now().toString(36)}`;
    await page.getByLabel('Nom du lieu').fill(name);
    await page.getByLabel('SIRET ou numéro RNA').fill('123 456 789 00012');
    await page.getByLabel('Numéro et rue').fill('3 place de la Mairie');
    await page.getByLabel('Code postal').fill('424');
    await page.getByLabel('Commune', { exact: true }).fill('Pélussin');
    await page.getByLabel('Téléphone', { exact: true }).fill('04 74 00 00 00');
    await page.getByLabel('Horaires d’ouverture').fill('le mardi');
    await page.getByRole('group', { name: 'Services' }).getByLabel('Aide aux démarches administratives').check();
    await page.getByRole('button', { name: 'Créer le lieu' }).click();
    await expect(page.getByLabel('Code postal')).toHaveAccessibleDescription('Le code postal a 5 chiffres, par exemple 42000.');
    await expect(page.getByLabel('Horaires d’ouverture')).toHaveAccessibleDescription(/^Au format OpenStreetMap.*Écrivez les horaires au format OpenStreetMap/);
    await expect(page.getByLabel('Nom du lieu')).toHaveValue(name);
    await expect(page.getByRole('group', { name: 'Services' }).getByLabel('Aide aux démarches administratives')).toBeChecked();
    await expectNoAxeViolations(page);

    await page.getByLabel('Code postal').fill('42410');
    await page.getByLabel('Horaires d’ouverture').fill('Tu,Th 14:00-18:00');
    await page.getByRole('button', { name: 'Créer le lieu' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('Le lieu est créé.')).toBeVisible();
    await expect(page.getByLabel('Téléphone', { exact: true })).toHaveValue('+33474000000');
    await expectNoAxeViolations(page);

    // A new account, so that the demo learner stays a learner for the other journeys.
    const newcomer = { name: 'Nadia Benali', email: `nadia.${Date.now().toString(36)}@exemple.fr`, password: 'un-mot-de-passe' };
    expect((await page.request.post('/api/v1/accounts', { data: newcomer })).status()).toBe(201);
    const email = page.getByLabel('Adresse e-mail de la personne à ajouter');
    await email.focus();
    await page.keyboard.type(newcomer.email);
    await page.keyboard.press('Enter');
    await expect(page.getByText('La personne fait maintenant partie de l’équipe.')).toBeVisible();
    const staff = page.locator('section[aria-labelledby="equipe"] li');
    await expect(staff).toHaveCount(1);
    await expect(staff).toContainText('Nadia Benali');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Retirer de l’équipe Nadia Benali' }).click();
    await expect(page.getByText('La personne ne fait plus partie de l’équipe.')).toBeVisible();
    await expect(page.getByText('Personne dans l’équipe pour le moment.')).toBeVisible();

    // Closing the place takes it out of the public directory.
    await page.getByRole('group', { name: 'État du lieu' }).getByLabel(/^Fermé/).check();
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect(page.getByText('Les informations du lieu sont enregistrées.')).toBeVisible();
    await expect(page.locator('main p', { hasText: 'Pélussin · Fermé' })).toBeVisible();
    await page.goto('/lieux');
    await expect(page.getByText(name)).toHaveCount(0);
  });
});

test('every staff page added here fits a 360 px wide phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, DEMO.coordinator);
  await page.goto('/mediation/ateliers/debuter-avec-son-smartphone');
  const editSession = await page.getByRole('link', { name: /^Modifier séance du/ }).first().getAttribute('href');
  const paths = [
    '/mediation/ateliers',
    '/mediation/ateliers/nouveau',
    '/mediation/ateliers/debuter-avec-son-smartphone',
    '/mediation/ateliers/debuter-avec-son-smartphone/archiver',
    '/mediation/ateliers/debuter-avec-son-smartphone/seances/nouvelle',
    editSession!,
    editSession!.replace('/modifier', '/annuler'),
    '/coordination/lieux',
    '/coordination/lieux/nouveau',
    '/coordination/lieux/au-comptoir-numerique-saint-etienne',
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
  // The coordinator's view of the pages the mediator's journey did not visit.
  for (const path of ['/coordination/lieux/au-comptoir-numerique-saint-etienne', '/mediation/ateliers/debuter-avec-son-smartphone/seances/nouvelle', editSession!]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});
