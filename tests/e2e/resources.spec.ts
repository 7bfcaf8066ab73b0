import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, expectNoAxeViolations, expectNoHorizontalScroll, signInAs } from './support';

// The "Done when": a mediator publishes a network-only resource with a PDF and a link and
// attaches it to a workshop; a learner who attended sees it on the workshop page and in Mon
// espace, downloads the same bytes and rates it; a visitor does not see it. Axe at 360 px and
// desktop on every page of the journey.

const TITLE = `Fiche e2e : repérer une arnaque au colis ${Date.now()}`;
// A small real PDF (the type is recognised from its bytes).
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function newPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 900 } });
  return context.newPage();
}

async function checkA11y(page: Page) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width < 500 ? 740 : 900 });
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  }
}

test('a mediator shares a resource with the learners of a workshop, not with visitors', async ({ browser }) => {
  test.setTimeout(240_000);
  // The workshop the demo learner attended (Mon espace, past sessions).
  const learner = await newPage(browser);
  await signInAs(learner, DEMO.learner, '/mon-espace');
  await learner.goto('/mon-espace');
  const attended = (await learner.getByRole('heading', { name: 'Ateliers passés' }).locator('xpath=following-sibling::ul[1]/li[1]/p[1]').innerText()).trim();
  expect(attended.length).toBeGreaterThan(3);

  // The mediator publishes it, network only, with a link, then adds a PDF.
  const mediator = await newPage(browser);
  await signInAs(mediator, DEMO.mediator, '/ressources');
  await mediator.goto('/ressources');
  await checkA11y(mediator);
  await mediator.getByRole('link', { name: 'Publier une ressource' }).click();
  await expect(mediator.getByRole('heading', { level: 1, name: 'Publier une ressource' })).toBeVisible();
  await checkA11y(mediator);
  await mediator.getByLabel('Titre', { exact: true }).fill(TITLE);
  await mediator.getByLabel('Résumé').fill('Les signes d’un faux message de livraison et que faire.');
  await mediator.getByLabel('Type de ressource').selectOption({ label: 'Fiche pratique' });
  await mediator.getByLabel('Licence').selectOption({ label: 'Creative Commons Attribution 4.0 (CC BY)' });
  await mediator.getByLabel(/^Réseau :/).check();
  await mediator.getByLabel('Prévention en sécurité numérique').check();
  await mediator.getByLabel('Adresse du lien 1').fill('https://www.cybermalveillance.gouv.fr');
  await mediator.getByLabel('Nom du lien 1').fill('Cybermalveillance');
  await mediator.getByRole('button', { name: 'Créer la ressource' }).click();
  await expect(mediator.getByText('La ressource est créée. Ajoutez maintenant ses fichiers.')).toBeVisible();

  // A web page is refused with a clear message; the PDF is accepted.
  await mediator.getByLabel('Fichier à ajouter').setInputFiles({ name: 'piege.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>') });
  await mediator.getByRole('button', { name: 'Envoyer le fichier' }).click();
  await expect(mediator.getByText(/Les pages web et les images SVG ne sont pas acceptées/)).toBeVisible();
  await mediator.getByLabel('Fichier à ajouter').setInputFiles({ name: 'arnaque-colis.pdf', mimeType: 'application/pdf', buffer: PDF });
  await mediator.getByRole('button', { name: 'Envoyer le fichier' }).click();
  await expect(mediator.getByText('Fichier ajouté : arnaque-colis.pdf')).toBeVisible();
  await expect(mediator.getByRole('link', { name: /^arnaque-colis\.pdf/ })).toBeVisible();
  await checkA11y(mediator);

  // Attach it to the learner's workshop, from the resource page.
  await mediator.getByRole('link', { name: 'Retour à la ressource' }).click();
  await expect(mediator.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await mediator.getByLabel('Ajouter comme support de l’atelier').selectOption({ label: attended });
  await mediator.getByRole('button', { name: 'Ajouter aux supports' }).click();
  await expect(mediator.getByText('La ressource est ajoutée aux supports de l’atelier.')).toBeVisible();
  await mediator.reload();
  await expect(mediator.getByRole('region', { name: 'Ateliers liés' }).getByRole('link', { name: attended })).toBeVisible();
  const resourceUrl = mediator.url();
  await checkA11y(mediator);

  // The learner sees it on the workshop page and in Mon espace, downloads it and rates it.
  await learner.goto(resourceUrl);
  await learner.getByRole('region', { name: 'Ateliers liés' }).getByRole('link', { name: attended }).click();
  const supports = learner.getByRole('region', { name: 'Supports de l’atelier' });
  await expect(supports.getByRole('link', { name: TITLE })).toBeVisible();
  await checkA11y(learner);
  await learner.goto('/mon-espace');
  await expect(learner.getByRole('link', { name: TITLE }).first()).toBeVisible();
  await checkA11y(learner);
  await learner.goto(resourceUrl);
  const [download] = await Promise.all([learner.waitForEvent('download'), learner.getByRole('link', { name: /Télécharger arnaque-colis\.pdf/ }).click()]);
  expect(download.suggestedFilename()).toBe('arnaque-colis.pdf');
  expect(Buffer.compare(readFileSync((await download.path())!), PDF)).toBe(0);
  await learner.getByLabel('Très utile').check();
  await learner.getByRole('button', { name: 'Donner mon avis' }).click();
  await expect(learner.getByText('Merci, votre avis est enregistré.')).toBeVisible();
  await learner.reload();
  await expect(learner.getByText('Très utile, d’après un avis')).toBeVisible();
  await expect(learner.getByText('Téléchargée une fois')).toBeVisible();
  await checkA11y(learner);

  // A visitor does not see it, in the list or at its address.
  const visitor = await newPage(browser, 360);
  await visitor.goto(`/ressources?q=${encodeURIComponent('arnaque colis')}`);
  await expect(visitor.getByRole('link', { name: TITLE })).toHaveCount(0);
  const response = await visitor.goto(resourceUrl);
  expect(response?.status()).toBe(404);
  await visitor.goto('/ressources');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Ressources' })).toBeVisible();
  await checkA11y(visitor);

  // An image of a public resource shows its thumbnail.
  await visitor.goto('/ressources/les-demarches-de-la-caf-en-ligne');
  const preview = visitor.getByRole('img', { name: 'Aperçu de qr-code-caf.png' });
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await checkA11y(visitor);
});

test('staff attach from the workshop page, edit and restore a version, and moderate a report', async ({ browser }) => {
  test.setTimeout(240_000);
  const mediator = await newPage(browser);
  await signInAs(mediator, DEMO.mediator, '/ressources/creer-son-adresse-e-mail-pas-a-pas');
  await mediator.goto('/ressources/creer-son-adresse-e-mail-pas-a-pas');
  // From the workshop's side.
  await mediator.getByRole('region', { name: 'Ateliers liés' }).getByRole('link').first().click();
  const supports = mediator.getByRole('region', { name: 'Supports de l’atelier' });
  await supports.getByLabel('Ajouter une ressource de vos lieux').selectOption({ label: 'Reconnaître un e-mail d’hameçonnage' });
  await supports.getByRole('button', { name: 'Ajouter ce support' }).click();
  await expect(supports.getByText('La ressource est ajoutée aux supports de l’atelier.')).toBeVisible();
  await mediator.reload();
  await expect(mediator.getByRole('region', { name: 'Supports de l’atelier' }).getByRole('link', { name: 'Reconnaître un e-mail d’hameçonnage' })).toBeVisible();
  await checkA11y(mediator);

  // Edit, then restore the first version.
  await mediator.goto('/ressources/reconnaitre-un-e-mail-d-hameconnage/modifier');
  await mediator.getByLabel('Titre', { exact: true }).fill('Repérer un e-mail piégé');
  await mediator.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(mediator.getByText('Les modifications sont enregistrées.')).toBeVisible();
  await expect(mediator.getByRole('heading', { level: 1, name: 'Repérer un e-mail piégé' })).toBeVisible();
  await mediator.goto('/ressources/reconnaitre-un-e-mail-d-hameconnage/modifier');
  await checkA11y(mediator);
  await mediator.getByRole('button', { name: 'Rétablir cette version' }).first().click();
  await expect(mediator.getByText('L’ancienne version est rétablie.')).toBeVisible();
  await expect(mediator.getByRole('heading', { level: 1, name: 'Reconnaître un e-mail d’hameçonnage' })).toBeVisible();

  // A learner reports a resource; the mediator hides it; a visitor no longer finds it.
  const learner = await newPage(browser, 360);
  await signInAs(learner, DEMO.learner, '/ressources/envoyer-une-piece-jointe-depuis-son-smartphone');
  await learner.goto('/ressources/envoyer-une-piece-jointe-depuis-son-smartphone');
  await learner.getByText('Signaler cette ressource').click();
  await learner.getByLabel('Contenu obsolète').check();
  await learner.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(learner.getByText('Merci, l’équipe du lieu va regarder votre signalement.')).toBeVisible();
  await mediator.goto('/coordination/moderation/ressources');
  const item = mediator.getByRole('listitem').filter({ has: mediator.getByRole('heading', { name: 'Envoyer une pièce jointe depuis son smartphone' }) });
  await expect(item.getByText(/^Contenu obsolète, le /)).toBeVisible();
  await checkA11y(mediator);
  await item.getByLabel('Raison du masquage (facultatif)').fill('Écran de Windows 7');
  await item.getByRole('button', { name: 'Masquer la ressource' }).click();
  // Handled: it leaves the queue.
  await expect(item).toHaveCount(0);
  const visitor = await newPage(browser);
  expect((await visitor.goto('/ressources/envoyer-une-piece-jointe-depuis-son-smartphone'))?.status()).toBe(404);
});
