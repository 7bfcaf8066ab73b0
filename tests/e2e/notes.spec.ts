import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { DEMO, expectNoAxeViolations, expectNoHorizontalScroll, signInAs } from './support';

// Issue 10, "Done when": the carnet of a workshop, from a learner who attended to the trainer's
// notification and a hidden note; then known XSS payloads that must not run in Chromium.

const STATE_DIR = 'test-results/notes-state';
const PEER = 'apprenant1@exemple.fr';
type Who = 'learner' | 'peer' | 'mediator';
const EMAILS: Record<Who, string> = { learner: DEMO.learner, peer: PEER, mediator: DEMO.mediator };
const PHONE = { width: 360, height: 740 };

async function as(browser: Browser, who: Who | 'visitor'): Promise<Page> {
  const context = await browser.newContext(who === 'visitor' ? {} : { storageState: `${STATE_DIR}/${who}.json` });
  return context.newPage();
}

async function axeAtBothSizes(page: Page) {
  await expectNoAxeViolations(page);
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  if (desktop) await page.setViewportSize(desktop);
}

let slug = '';
let sessionId = '';
const stamp = Date.now().toString(36);
const TIP = `Astuce ${stamp} : pour copier, appuyez longtemps sur le texte.`;
const QUESTION = `Question ${stamp} : comment retrouver un fichier téléchargé ?`;
const REPLY = `Réponse ${stamp} : dans le dossier Téléchargements.`;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  mkdirSync(STATE_DIR, { recursive: true });
  for (const who of Object.keys(EMAILS) as Who[]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, EMAILS[who]);
    await context.storageState({ path: `${STATE_DIR}/${who}.json` });
    if (who === 'learner') {
      // The demo memo is on the workshop and session the demo learner attended last.
      const notes = (await (await page.request.get('/api/v1/notes')).json()) as { items: { kind: string; sessionId: string; workshop: { slug: string } }[] };
      const memo = notes.items.find((n) => n.kind === 'memo')!;
      slug = memo.workshop.slug;
      sessionId = memo.sessionId;
    }
    await context.close();
  }
});

test('a learner who attended writes a tip and a question; another participant replies; a visitor sees only public notes; the trainer is told; a reported note hidden by a mediator is gone but for staff', async ({ browser }) => {
  const learner = await as(browser, 'learner');
  await learner.goto(`/ateliers/${slug}`);
  const carnet = learner.getByRole('region', { name: 'Le carnet de l’atelier' });
  await expect(carnet).toBeVisible();
  const write = learner.getByRole('form', { name: 'Publier la note' });
  await write.getByLabel('Astuce').check();
  await write.getByLabel('Tout le monde').check();
  await write.getByLabel('Votre texte').fill(TIP);
  await write.getByRole('button', { name: 'Publier la note' }).click();
  await expect(learner.getByText('Votre note est publiée.')).toBeVisible();
  await expect(carnet.getByText(TIP)).toBeVisible();

  await write.getByLabel('Question').check();
  await write.getByLabel('Les participants').check();
  await write.getByLabel('À propos de quelle séance ? (facultatif)').selectOption(sessionId);
  await write.getByLabel('Votre texte').fill(QUESTION);
  await write.getByRole('button', { name: 'Publier la note' }).click();
  await expect(carnet.getByText(QUESTION)).toBeVisible();
  await axeAtBothSizes(learner);

  // Another participant of the session sees both and replies.
  const peer = await as(browser, 'peer');
  await peer.goto(`/ateliers/${slug}`);
  await expect(peer.getByText(TIP)).toBeVisible();
  const question = peer.getByRole('listitem').filter({ has: peer.getByText(QUESTION) }).first();
  await question.getByLabel('Votre réponse').fill(REPLY);
  await question.getByRole('button', { name: 'Répondre' }).click();
  await expect(peer.getByText(REPLY)).toBeVisible();

  // The asker marks the reply as helpful.
  await learner.reload();
  const reply = learner.getByRole('article').filter({ hasText: REPLY });
  await reply.getByRole('button', { name: 'Ça m’a aidé' }).click();
  await expect(learner.getByRole('article').filter({ hasText: REPLY }).getByText('A aidé la personne qui demandait')).toBeVisible();

  // A visitor sees the public tip, not the participants' question nor its reply.
  const visitor = await as(browser, 'visitor');
  await visitor.goto(`/ateliers/${slug}`);
  await expect(visitor.getByText(TIP)).toBeVisible();
  await expect(visitor.getByText(QUESTION)).toHaveCount(0);
  await expect(visitor.getByText(REPLY)).toHaveCount(0);
  await axeAtBothSizes(visitor);

  // The trainer's notification is in the outbox, readable by the place's staff.
  const mediator = await as(browser, 'mediator');
  await mediator.goto('/mediation/messages');
  await expect(mediator.getByText(/Une question sur l’atelier/).first()).toBeVisible();

  // The peer reports the tip; the mediator hides it from the moderation queue.
  await peer.reload();
  const tip = peer.getByRole('article').filter({ hasText: TIP });
  await tip.getByText('Signaler cette note').click();
  await tip.getByLabel('Pourquoi ?').selectOption('spam');
  await tip.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(tip.getByText('Merci. L’équipe du lieu va regarder cette note.')).toBeVisible();

  await mediator.goto('/coordination/moderation');
  const item = mediator.getByRole('listitem').filter({ hasText: TIP });
  await expect(item.getByText('Spam ou publicité (1)')).toBeVisible();
  await axeAtBothSizes(mediator);
  await item.getByLabel('Raison (envoyée à l’auteur)').fill('Hors sujet pour cet atelier');
  await item.getByRole('button', { name: 'Masquer cette note' }).click();
  await expect(mediator.getByText('La note est masquée. Son auteur est prévenu.')).toBeVisible();

  for (const page of [visitor, learner, peer]) {
    await page.reload();
    await expect(page.getByText(TIP)).toHaveCount(0);
  }
  const anonymous = (await (await visitor.request.get(`/api/v1/notes?workshop=${slug}`)).json()) as { items: { body: string }[] };
  expect(anonymous.items.map((n) => n.body)).not.toContain(TIP);
  await mediator.goto(`/ateliers/${slug}`);
  await expect(mediator.getByRole('article').filter({ hasText: TIP }).getByText('Masquée (seule l’équipe la voit)')).toBeVisible();
  await axeAtBothSizes(mediator);
});

test(`none of ${XSS_PAYLOADS.length} known XSS payloads written in the carnet runs in Chromium`, async ({ browser }) => {
  const mediator = await as(browser, 'mediator');
  for (const body of XSS_PAYLOADS) {
    const response = await mediator.request.post('/api/v1/notes', { data: { workshop: slug, kind: 'tip', visibility: 'public', body } });
    expect(response.status(), body).toBe(201);
  }
  for (const page of [mediator, await as(browser, 'visitor')]) {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/ateliers/${slug}`);
    await expect(page.getByRole('heading', { name: 'Astuces' })).toBeVisible();
    // Hover and click every link and image of the notes, as a curious reader would.
    const links = page.locator('.markdown a, .markdown img');
    for (let i = 0; i < (await links.count()); i++) await links.nth(i).hover({ trial: false }).catch(() => {});
    await page.waitForTimeout(500);
    const state = await page.evaluate(() => ({
      flag: (window as unknown as { __xss?: unknown }).__xss ?? null,
      scripts: document.querySelectorAll('.markdown script, .markdown iframe, .markdown object, .markdown embed, .markdown svg').length,
      handlers: [...document.querySelectorAll('.markdown *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      badUrls: [...document.querySelectorAll('.markdown [href], .markdown [src]')].filter((el) => /^\s*(javascript|vbscript|data):/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? '')).length,
    }));
    expect(dialogs).toEqual([]);
    expect(state).toEqual({ flag: null, scripts: 0, handlers: 0, badUrls: 0 });
  }
});

test('the learner finds the session memo in Mon espace and completes it; searches notes; posts a wish that another person joins; staff see the demand', async ({ browser }) => {
  const learner = await as(browser, 'learner');
  await learner.goto('/mon-espace');
  await learner.getByRole('link', { name: /Lire le mémo de la séance/ }).first().click();
  await expect(learner.getByRole('heading', { level: 1, name: 'Mémo de la séance' })).toBeVisible();
  const memo = learner.getByRole('textbox', { name: 'Le mémo' });
  await memo.fill(`${await memo.inputValue()}\n5. Ranger sa clé USB (${stamp}).`);
  await learner.getByRole('button', { name: 'Enregistrer le mémo' }).click();
  await expect(learner.getByText('Le mémo est enregistré.')).toBeVisible();
  await expect(learner.getByRole('article').getByText(`Ranger sa clé USB (${stamp})`)).toBeVisible();
  await expect(learner.getByRole('heading', { name: '3 versions' })).toBeVisible();
  await learner.getByText(/^Version de/).first().click();
  await expect(learner.getByRole('insertion').filter({ hasText: 'Ranger sa clé USB' })).toBeVisible();
  await axeAtBothSizes(learner);

  await learner.goto('/mon-espace/notes');
  await expect(learner.getByText(/notes? écrites?/)).toBeVisible();
  await learner.getByLabel('Chercher dans les notes').fill('courier indesirable');
  await learner.getByRole('button', { name: 'Chercher' }).click();
  await expect(learner.getByText(/Courrier indésirable/)).toBeVisible();
  await axeAtBothSizes(learner);

  const wish = `Envoyer des photos par e-mail ${stamp}`;
  await learner.goto('/envies');
  const form = learner.getByRole('form', { name: 'Publier mon envie' });
  await form.getByLabel('Le sujet').fill(wish);
  await form.getByLabel('E-mail').check();
  await form.getByLabel('Votre commune').fill('Saint-Étienne');
  await form.getByRole('button', { name: 'Publier mon envie' }).click();
  await expect(learner.getByText('Merci ! Votre envie est publiée.')).toBeVisible();
  await axeAtBothSizes(learner);

  const peer = await as(browser, 'peer');
  await peer.goto('/envies');
  const item = peer.getByRole('listitem').filter({ hasText: wish });
  await item.getByRole('button', { name: 'Moi aussi' }).click();
  await expect(peer.getByRole('listitem').filter({ hasText: wish }).getByText('2 personnes intéressées')).toBeVisible();
  await expect(peer.getByRole('listitem').filter({ hasText: wish }).getByRole('button', { name: 'Moi aussi' })).toHaveCount(0);

  const mediator = await as(browser, 'mediator');
  await mediator.goto('/envies');
  await expect(mediator.getByRole('table', { name: 'Par thématique' })).toBeVisible();
  await axeAtBothSizes(mediator);
});
