import { expect, test, type Locator, type Page } from '@playwright/test';
import { parsePdf } from '../helpers/pdf';
import { DEMO, expectNoAxeViolations, expectNoHorizontalScroll, signInAs, signOut } from './support';

const STATUS_LABELS: Record<string, string> = { unmarked: 'Non renseigné', present: 'Présent', late: 'En retard', excused: 'Absence justifiée', absent: 'Absent' };
type Person = { personId: string; name: string };
type ApiRoster = {
  session: { id: string; status: string; closedAt: string | null };
  counts: Record<string, number>;
  people: { personId: string; name: string; status: string; walkIn: boolean; enrolled: boolean }[];
};

// Page object of the roster /mediation/seances/[id].
class RosterPage {
  constructor(private readonly page: Page) {}

  cards(): Locator {
    return this.page.locator('section[aria-labelledby="emargement"] li[id^="personne-"]');
  }

  card(person: Person): Locator {
    return this.page.locator(`#personne-${person.personId}`);
  }

  // The button says the status and, for screen readers, whose it is.
  button(status: string, person: Person): Locator {
    // Two people of the same name are told apart by a hint after the name, e.g. "(tél. …04)".
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.card(person).getByRole('button', { name: new RegExp(`^${escape(STATUS_LABELS[status]!)} — ${escape(person.name)}( \\(.+\\))?$`) });
  }

  saved(person: Person): Locator {
    return this.card(person).getByText('✓ Enregistré', { exact: true });
  }

  async mark(person: Person, status: string) {
    await this.button(status, person).click();
    await expect(this.button(status, person)).toHaveAttribute('aria-pressed', 'true');
    await expect(this.saved(person)).toBeVisible();
  }

  async person(name: string): Promise<Person> {
    const found = (await this.api()).people.filter((p) => p.name === name);
    expect(found, name).toHaveLength(1);
    return found[0]!;
  }

  sessionId(): string {
    return new URL(this.page.url()).pathname.split('/')[3]!;
  }

  async api(): Promise<ApiRoster> {
    const response = await this.page.request.get(`/api/v1/sessions/${this.sessionId()}/attendance`);
    expect(response.status()).toBe(200);
    return response.json();
  }

  // What each card shows, by person id.
  async shown(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const card of await this.cards().all()) {
      const personId = (await card.getAttribute('id'))!.replace('personne-', '');
      out[personId] = (await card.locator('[data-person-status] > span').first().innerText()).trim();
    }
    return out;
  }
}

let todayPath: string | undefined;

async function openTodaysSession(page: Page): Promise<RosterPage> {
  await page.goto('/mediation');
  if (todayPath) {
    // Once closed, today's session is listed with the recent ones.
    await page.locator(`a[href="${todayPath}"]`).first().click();
  } else {
    // Seeded: today at Saint-Étienne, "Débuter avec son smartphone", under way: first of the day,
    // marked "En cours", with its attendance button.
    const today = page.getByRole('region', { name: 'Aujourd’hui' }).getByRole('listitem').first();
    await expect(today).toContainText('En cours');
    await today.getByRole('link', { name: /^Faire l’émargement : Débuter avec son smartphone/ }).click();
    await expect(page).toHaveURL(/\/mediation\/seances\/[0-9a-f-]{36}$/);
    todayPath = new URL(page.url()).pathname;
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Débuter avec son smartphone' })).toBeVisible();
  return new RosterPage(page);
}

// Long journeys on a shared two-core machine: up to four minutes each.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.describe('attendance on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a learner checks in with the QR code’s address once the mediator turns self check-in on', async ({ page, browser }) => {
    await signInAs(page, DEMO.mediator);
    const roster = await openTodaysSession(page);
    await page.getByLabel('En retard après combien de minutes ?').fill('20');
    await page.getByRole('button', { name: 'Activer le pointage' }).click();
    const code = (await page.locator('[data-check-in-code]').innerText()).trim();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    await expect(page.getByRole('img', { name: 'QR code du pointage de cette séance' })).toBeVisible();
    await expect(page.getByText('En retard après 20 minutes')).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    const learnerContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const phone = await learnerContext.newPage();
    await phone.goto(`/pointage/${code}`);
    await expect(phone).toHaveURL(/\/connexion\?callbackUrl=/);
    await phone.getByLabel('Adresse e-mail').fill(DEMO.learner);
    await phone.getByLabel('Mot de passe').fill('comptoir-demo');
    await phone.getByRole('button', { name: 'Se connecter' }).click();
    await expect(phone).toHaveURL(new RegExp(`/pointage/${code}$`));
    await expect(phone.getByText('Débuter avec son smartphone')).toBeVisible();
    await expectNoAxeViolations(phone);
    await expectNoHorizontalScroll(phone);
    await phone.getByRole('button', { name: 'Je suis là' }).click();
    await expect(phone.locator('main').getByRole('alert')).toContainText(/C’est noté ! Votre présence est enregistrée : (Présent|En retard)\./);
    await expectNoAxeViolations(phone);

    // A wrong code typed on /pointage is refused in plain French.
    await phone.goto('/pointage');
    await phone.getByLabel('Code de pointage').fill('ZZZZ99');
    await phone.getByRole('button', { name: 'Je suis là' }).click();
    await expect(phone.locator('main').getByRole('alert')).toContainText('Ce code ne correspond à aucune séance');
    await expectNoAxeViolations(phone);
    await learnerContext.close();

    await page.reload();
    await expect(roster.card(await roster.person('Annie Apprenante'))).toContainText('Venu sans inscription');
    await page.getByRole('button', { name: 'Arrêter le pointage' }).click();
    await expect(page.getByRole('button', { name: 'Activer le pointage' })).toBeVisible();
  });

  test('a mediator marks three people, adds a walk-in and closes today’s session; the roster and the database agree', async ({ page }) => {
    await signInAs(page, DEMO.mediator);
    const roster = await openTodaysSession(page);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    const before = await roster.api();
    const [first, second, third] = before.people.filter((p) => p.enrolled && p.status === 'unmarked');
    expect(third).toBeDefined();

    // Three taps, one by keyboard.
    await roster.mark(first!, 'present');
    await roster.mark(second!, 'late');
    await roster.button('excused', third!).focus();
    await page.keyboard.press('Enter');
    await expect(roster.button('excused', third!)).toHaveAttribute('aria-pressed', 'true');
    await expect(roster.saved(third!)).toBeVisible();
    // A button is big enough for a finger.
    const box = await roster.button('present', first!).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);

    // A walk-in with just a name.
    await page.getByRole('link', { name: 'Ajouter une personne venue sans inscription' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ajouter une personne venue sans inscription' })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'Créer et ajouter' }).click();
    await expect(page.getByLabel('Prénom et nom')).toHaveAccessibleDescription(/prénom et le nom/);
    await expect(page.getByRole('checkbox')).toHaveAccessibleDescription(/d’accord/);
    await page.getByLabel('Prénom et nom').fill('Lucienne Marchal');
    await page.getByRole('checkbox', { name: /La personne est d’accord/ }).check();
    await page.getByRole('button', { name: 'Créer et ajouter' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Lucienne Marchal est ajouté à la liste, présent.' })).toBeVisible();
    const lucienne = await roster.person('Lucienne Marchal');
    await expect(roster.card(lucienne)).toContainText('Venu sans inscription');
    await expect(roster.button('present', lucienne)).toHaveAttribute('aria-pressed', 'true');

    // Closing marks the rest absent.
    const unmarkedLeft = (await roster.api()).people.filter((p) => p.status === 'unmarked').length;
    // Closing asks first, and says how many people will be marked absent.
    await page.locator('summary', { hasText: 'Clôturer la séance' }).click();
    const absentees = unmarkedLeft === 1 ? '1 personne encore « Non renseigné » sera notée absente.' : `${unmarkedLeft} personnes encore « Non renseigné » seront notées absentes.`;
    await expect(page.getByText(absentees)).toBeVisible();
    await page.getByRole('button', { name: 'Oui, clôturer la séance' }).click();
    const closedText = unmarkedLeft === 0 ? 'La séance est clôturée. Personne n’a été noté absent.' : unmarkedLeft === 1 ? 'La séance est clôturée. 1 personne a été notée absente.' : `La séance est clôturée. ${unmarkedLeft} personnes ont été notées absentes.`;
    await expect(page.getByRole('status').filter({ hasText: 'La séance est clôturée' })).toHaveText(closedText);
    await expect(page.getByText(/^Séance clôturée le /)).toBeVisible();
    await expect(page.locator('[data-count="unmarked"]')).toHaveText('0');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // What the page shows is what the database holds.
    const after = await roster.api();
    expect(after.session.status).toBe('done');
    expect(after.session.closedAt).not.toBeNull();
    const shown = await roster.shown();
    expect(Object.keys(shown).sort()).toEqual(after.people.map((p) => p.personId).sort());
    for (const person of after.people) expect(shown[person.personId], person.name).toBe(STATUS_LABELS[person.status]);
    expect(after.people.find((p) => p.personId === first!.personId)!.status).toBe('present');
    expect(after.people.find((p) => p.personId === second!.personId)!.status).toBe('late');
    expect(after.people.find((p) => p.personId === third!.personId)!.status).toBe('excused');
    expect(after.people.find((p) => p.name === 'Lucienne Marchal')).toMatchObject({ status: 'present', walkIn: true, enrolled: false });
    expect(after.counts.unmarked).toBe(0);
    expect(after.counts.confirmed).toBe(before.counts.confirmed);
    for (const key of ['confirmed', 'present', 'late', 'excused', 'absent', 'walkIns']) {
      await expect(page.locator(`[data-count="${key}"]`)).toHaveText(String(after.counts[key]));
    }

    // The printable sheet says the same.
    const sheet = await page.request.get(`/api/v1/sessions/${roster.sessionId()}/sign-in-sheet.pdf`);
    expect(sheet.headers()['content-type']).toBe('application/pdf');
    const { text } = await parsePdf(await sheet.body());
    expect(text).toContain('Lucienne Marchal');
    expect(text).toContain('Page 1 sur 1');
  });

  test('a mark made without a connection shows as not saved, and is saved when the connection returns', async ({ page, context }) => {
    await signInAs(page, DEMO.mediator);
    const roster = await openTodaysSession(page);
    const person = (await roster.api()).people.find((p) => p.enrolled && p.status !== 'absent')!;
    await context.setOffline(true);
    await roster.button('absent', person).click();
    await expect(page.getByText('Pas de connexion.')).toBeVisible();
    await expect(roster.card(person).getByText('Pas encore enregistré. Nouvel essai automatique.')).toBeVisible();
    await expect(roster.button('absent', person)).toHaveAttribute('aria-pressed', 'true');
    await context.setOffline(false);
    await expect(roster.saved(person)).toBeVisible({ timeout: 15000 });
    expect((await roster.api()).people.find((p) => p.personId === person.personId)!.status).toBe('absent');
    await roster.mark(person, 'present');
  });

  test('the roster works without JavaScript: each status button is a form', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await page.goto('/connexion?callbackUrl=%2Fmediation');
    await page.getByLabel('Adresse e-mail').fill(DEMO.mediator);
    await page.getByLabel('Mot de passe').fill('comptoir-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/mediation$/);
    const roster = await openTodaysSession(page);
    const person = (await roster.api()).people.find((p) => p.enrolled && p.status !== 'late')!;
    await roster.button('late', person).click();
    await expect(roster.button('late', person)).toHaveAttribute('aria-pressed', 'true');
    expect((await roster.api()).people.find((p) => p.personId === person.personId)!.status).toBe('late');
    await context.close();
  });
});

test.describe('attendance certificates', () => {
  test('a learner downloads a certificate from Mon espace; its code verifies, a wrong one does not', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInAs(page, DEMO.learner, '/mon-espace');
    const link = page.getByRole('link', { name: /^Télécharger l’attestation de présence : / }).first();
    await expect(link).toBeVisible();
    await expect(page.locator('h2:has-text("Mes ateliers passés") + ul > li').first()).toContainText('Présent');
    await expectNoAxeViolations(page);
    const href = await link.getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    const { text } = await parsePdf(await response.body());
    expect(text).toContain('Annie Apprenante');
    const code = text.match(/Code de vérification : ([A-Z0-9]{5}-[A-Z0-9]{5})/)![1]!;

    // Anyone can check it, without being signed in.
    await signOut(page);
    await page.goto('/attestations');
    await expectNoAxeViolations(page);
    await page.getByLabel('Code de vérification').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await expect(page).toHaveURL(new RegExp(`/attestations/${code.replace('-', '')}$`));
    await expect(page.getByRole('heading', { level: 1, name: /Attestation valide/ })).toBeVisible();
    const main = page.locator('main');
    await expect(main).toContainText('Annie Apprenante');
    await expect(main).toContainText(code);
    // Nothing but what the certificate states: no e-mail, no phone, no other person.
    await expect(main).not.toContainText('@');
    await expect(main).not.toContainText(/\+33|06|07/);
    expect(await main.locator('dt').allInnerTexts()).toEqual(['Nom', 'Atelier', 'Date', 'Durée', 'Lieu', 'Code de vérification']);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    const wrong = await page.goto('/attestations/ABCDE23456');
    expect(wrong?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Attestation non valide' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('Annie');
    await expectNoAxeViolations(page);
  });

  test('the attendance API refuses a learner', async ({ page }) => {
    await signInAs(page, DEMO.learner);
    await page.goto('/mon-espace');
    const href = await page.getByRole('link', { name: /^Télécharger l’attestation de présence : / }).first().getAttribute('href');
    const sessionId = href!.split('/')[4]!;
    const read = await page.request.get(`/api/v1/sessions/${sessionId}/attendance`);
    expect(read.status()).toBe(403);
    expect(read.headers()['content-type']).toContain('application/problem+json');
    const write = await page.request.put(`/api/v1/sessions/${sessionId}/attendance`, { data: [{ personId: '00000000-0000-4000-8000-000000000000', status: 'present' }] });
    expect(write.status()).toBe(403);
    const page403 = await page.goto(`/mediation/seances/${sessionId}`);
    expect(page403?.status()).toBe(403);
  });
});
