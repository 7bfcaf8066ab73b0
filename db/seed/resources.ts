import 'server-only';
import QRCode from 'qrcode';
import { renderPdf } from '@/lib/pdf/document';
import { makePreview } from '@/lib/resources/previews';
import { storeBytes } from '@/lib/storage';
import { slugify } from '@/lib/slug';
import type { Audience, Level, Licence, ResourceType, ResourceVisibility, Theme } from '@/lib/vocabulary';
import type { Database } from '../index';
import { resourceFiles, resourceRatings, resources, workshopResources } from '../schema';

// The demo resource library: about forty realistic resources of the Loire EPN network, some with
// small real files made here (PDF handouts with the app's PDF library, a QR code image), the
// demo learner's attended workshops supported by a public and a network-only resource; and,
// for `--scale large`, 20,000 generated ones for the search benchmark.

type R = [title: string, summary: string, type: ResourceType, themes: Theme[], audiences: Audience[], level: Level | null, licence: Licence, visibility: ResourceVisibility, link?: [string, string]];

const RESOURCES: R[] = [
  ['Créer son adresse e-mail pas à pas', 'Une fiche illustrée pour ouvrir une boîte mail gratuite et choisir un bon mot de passe.', 'fiche-pratique', ['e-mail'], ['seniors', 'eloignes'], 'beginner', 'cc-by-sa', 'public', ['https://www.laposte.net', 'Ouvrir une adresse La Poste']],
  ['Envoyer une pièce jointe depuis son smartphone', 'Photographier un document et l’envoyer par e-mail, en cinq étapes.', 'fiche-pratique', ['e-mail', 'materiel'], ['seniors', 'tous'], 'beginner', 'cc-by-sa', 'public'],
  ['Reconnaître un e-mail d’hameçonnage', 'Les signes qui doivent alerter : expéditeur, fautes, liens, urgence.', 'infographie', ['securite', 'e-mail'], ['tous'], 'beginner', 'etalab', 'public', ['https://www.cybermalveillance.gouv.fr/tous-nos-contenus/fiches-reflexes/hameconnage-phishing', 'Fiche réflexe Cybermalveillance']],
  ['Support d’atelier : premiers pas avec la tablette', 'Diaporama de l’atelier découverte : allumer, toucher, glisser, installer une application.', 'support-atelier', ['materiel'], ['seniors'], 'beginner', 'cc-by-nc-sa', 'network'],
  ['Se connecter avec FranceConnect', 'Comprendre FranceConnect et l’utiliser pour les impôts, la CAF et l’Assurance maladie.', 'fiche-pratique', ['demarches'], ['tous'], 'beginner', 'etalab', 'public', ['https://franceconnect.gouv.fr', 'Site FranceConnect']],
  ['Déclarer ses revenus en ligne', 'Le déroulé de la déclaration sur impots.gouv.fr, avec les pièges courants.', 'support-atelier', ['demarches'], ['tous'], 'intermediate', 'etalab', 'public', ['https://www.impots.gouv.fr', 'impots.gouv.fr']],
  ['Créer son compte Ameli', 'Fiche pour ouvrir son compte Assurance maladie et télécharger une attestation.', 'fiche-pratique', ['sante', 'demarches'], ['seniors', 'tous'], 'beginner', 'etalab', 'public', ['https://www.ameli.fr', 'ameli.fr']],
  ['Prendre rendez-vous chez le médecin en ligne', 'Chercher un praticien, choisir un créneau, annuler un rendez-vous.', 'fiche-pratique', ['sante'], ['seniors'], 'beginner', 'cc-by', 'public'],
  ['Mon espace santé : à quoi ça sert ?', 'Présentation du carnet de santé numérique et de la messagerie sécurisée.', 'article', ['sante'], ['tous'], 'beginner', 'etalab', 'public', ['https://www.monespacesante.fr', 'Mon espace santé']],
  ['Quiz : vrai ou faux sur les mots de passe', 'Dix affirmations pour lancer la discussion en début d’atelier sécurité.', 'quiz', ['securite'], ['tous', 'jeunes'], 'beginner', 'cc-by-sa', 'public'],
  ['Créer des mots de passe solides et s’en souvenir', 'La méthode des phrases de passe et l’usage d’un gestionnaire de mots de passe.', 'fiche-pratique', ['securite'], ['tous'], 'intermediate', 'cc-by-sa', 'public'],
  ['Acheter en ligne sans se faire avoir', 'Vérifier un site marchand, payer en sécurité, connaître ses droits de rétractation.', 'fiche-pratique', ['banque-achats', 'securite'], ['tous'], 'intermediate', 'cc-by', 'public'],
  ['Utiliser l’application de sa banque', 'Consulter ses comptes, faire un virement, valider un paiement avec le téléphone.', 'support-atelier', ['banque-achats'], ['seniors'], 'intermediate', 'cc-by-nc-sa', 'network'],
  ['Réaliser son CV avec un modèle gratuit', 'Trame d’atelier et modèles de CV modifiables dans LibreOffice.', 'support-atelier', ['insertion-pro', 'bureautique'], ['insertion', 'jeunes'], 'intermediate', 'cc-by-sa', 'public'],
  ['S’inscrire à France Travail', 'Les étapes de l’inscription en ligne et les documents à préparer.', 'fiche-pratique', ['insertion-pro', 'demarches'], ['insertion'], 'beginner', 'etalab', 'public', ['https://www.francetravail.fr', 'francetravail.fr']],
  ['Préparer un entretien en visio', 'Tester sa caméra et son micro, choisir son cadre, rejoindre une réunion.', 'fiche-pratique', ['insertion-pro', 'materiel'], ['insertion'], 'intermediate', 'cc-by', 'public'],
  ['Découvrir le traitement de texte', 'Exercices progressifs : écrire, mettre en forme, enregistrer, imprimer.', 'pedagogique', ['bureautique'], ['seniors', 'tous'], 'beginner', 'cc-by-sa', 'public'],
  ['Classer ses photos sur l’ordinateur', 'Créer des dossiers, renommer, sauvegarder sur une clé USB.', 'fiche-pratique', ['contenus'], ['seniors'], 'beginner', 'cc-by-sa', 'public'],
  ['Sauvegarder ses photos du téléphone', 'Transférer ses photos sur l’ordinateur ou dans un espace en ligne.', 'fiche-pratique', ['contenus', 'materiel'], ['seniors', 'tous'], 'beginner', 'cc-by', 'public'],
  ['Faire le ménage dans son smartphone', 'Libérer de la place, mettre à jour, désinstaller les applications inutiles.', 'fiche-pratique', ['maintenance', 'materiel'], ['seniors'], 'beginner', 'cc-by-sa', 'public'],
  ['Paramétrer le contrôle parental', 'Les outils intégrés à Android, iOS et aux box internet, expliqués aux parents.', 'fiche-pratique', ['parentalite'], ['parents'], 'intermediate', 'cc-by', 'public', ['https://www.jeprotegemonenfant.gouv.fr', 'Je protège mon enfant']],
  ['Les écrans et les enfants : repères 3-6-9-12', 'Support de réunion de parents sur les usages des écrans selon l’âge.', 'support-atelier', ['parentalite'], ['parents'], null, 'cc-by-nc-sa', 'public'],
  ['Suivre la scolarité avec l’ENT et Pronote', 'Se connecter à l’espace numérique de travail, lire le cahier de textes et les notes.', 'fiche-pratique', ['scolarite', 'parentalite'], ['parents'], 'beginner', 'cc-by', 'public'],
  ['Naviguer sur internet : le vocabulaire', 'Navigateur, moteur de recherche, onglet, lien : un lexique illustré.', 'infographie', ['navigation'], ['eloignes', 'allophones'], 'beginner', 'cc-by-sa', 'public'],
  ['Chercher efficacement sur internet', 'Choisir ses mots, repérer les publicités, vérifier une source.', 'pedagogique', ['navigation', 'culture'], ['tous'], 'intermediate', 'cc-by-sa', 'public'],
  ['Démêler le vrai du faux en ligne', 'Atelier d’éducation aux médias : images détournées, sites parodiques, rumeurs.', 'support-atelier', ['culture'], ['jeunes', 'tous'], 'intermediate', 'cc-by-sa', 'public'],
  ['Découvrir l’intelligence artificielle générative', 'Ce que font les assistants conversationnels, leurs limites et les bons réflexes.', 'support-atelier', ['ia', 'culture'], ['tous'], 'beginner', 'cc-by-sa', 'public'],
  ['Écrire une demande à un assistant IA', 'Exercices pour formuler une consigne claire et vérifier la réponse.', 'pedagogique', ['ia'], ['tous', 'professionnels'], 'intermediate', 'cc-by', 'network'],
  ['Utiliser WhatsApp en famille', 'Installer, ajouter un contact, envoyer une photo, passer un appel vidéo.', 'fiche-pratique', ['reseaux-sociaux'], ['seniors'], 'beginner', 'cc-by-sa', 'public'],
  ['Protéger sa vie privée sur Facebook', 'Régler qui voit ses publications et ses informations personnelles.', 'fiche-pratique', ['reseaux-sociaux', 'securite'], ['tous'], 'intermediate', 'cc-by', 'public'],
  ['Diagnostic des compétences numériques', 'Questionnaire d’accueil pour situer une personne et l’orienter vers le bon atelier.', 'quiz', ['diagnostic'], ['professionnels'], null, 'cc-by-sa', 'network', ['https://pix.fr', 'Pix']],
  ['Accueillir une personne très éloignée du numérique', 'Méthodologie d’accompagnement : écoute, rythme, autonomie progressive.', 'methodologie', ['accompagner-pro'], ['professionnels'], null, 'cc-by-sa', 'network'],
  ['Animer un atelier collectif : la trame type', 'Déroulé en quatre temps, gestion du groupe, évaluation à chaud.', 'methodologie', ['accompagner-pro'], ['professionnels'], null, 'cc-by-sa', 'network'],
  ['Boîte à outils du médiateur numérique', 'Sélection d’outils libres et gratuits pour préparer et animer ses ateliers.', 'boite-a-outils', ['accompagner-pro', 'creer'], ['professionnels'], null, 'cc-by', 'network', ['https://www.lesbonsclics.fr', 'Les Bons Clics']],
  ['Faire une démarche pour quelqu’un : Aidants Connect', 'Le cadre légal du mandat et l’usage d’Aidants Connect.', 'article', ['demarches', 'accompagner-pro'], ['professionnels'], null, 'etalab', 'network', ['https://aidantsconnect.beta.gouv.fr', 'Aidants Connect']],
  ['Créer une affiche avec un outil en ligne', 'Choisir un modèle, ajouter ses textes et images, exporter en PDF.', 'support-atelier', ['creer'], ['associations', 'tous'], 'intermediate', 'cc-by-sa', 'public'],
  ['Monter une courte vidéo sur son téléphone', 'Filmer, couper, ajouter une musique libre de droits et partager.', 'video', ['creer'], ['jeunes'], 'intermediate', 'cc-by', 'public'],
  ['Les démarches de la CAF en ligne', 'Déclarer ses ressources trimestrielles, signaler un changement, télécharger une attestation.', 'support-atelier', ['demarches'], ['tous', 'allophones'], 'intermediate', 'etalab', 'public', ['https://www.caf.fr', 'caf.fr']],
  ['Brouillon : atelier cartes grises et permis', 'Trame en cours d’écriture pour l’ANTS.', 'support-atelier', ['demarches'], ['tous'], 'intermediate', 'cc-by-sa', 'draft'],
  ['Brouillon : fiche visio avec les petits-enfants', 'À relire avant publication.', 'fiche-pratique', ['reseaux-sociaux'], ['seniors'], 'beginner', 'all-rights-reserved', 'draft'],
];

async function handout(title: string, summary: string): Promise<Uint8Array> {
  return renderPdf({ title, author: 'Réseau des EPN de la Loire', subject: summary }, (doc) => {
    doc.fontSize(20).text(title);
    doc.moveDown();
    doc.fontSize(12).text(summary);
    doc.moveDown();
    ['Étape 1 : préparez ce dont vous avez besoin.', 'Étape 2 : suivez les consignes à l’écran, sans vous presser.', 'Étape 3 : notez ce qui vous a posé question pour le prochain atelier.'].forEach((line) => doc.text(line).moveDown(0.5));
    doc.moveDown().fontSize(9).text('Fiche partagée par le réseau des EPN de la Loire — Au Comptoir Numérique.');
  });
}

export type ResourceSeedContext = {
  now: Date;
  random: { next: () => number; int: (min: number, max: number) => number; pick: <T>(items: readonly T[]) => T };
  places: { id: string }[];
  // The mediator of each place (same order as places).
  authors: { id: string }[];
  learnerIds: string[];
  // Workshops the demo learner attended: each gets a public and a network-only support.
  supportedWorkshopIds: string[];
  scale: number;
};

const MONTH = 30 * 86400_000;

export async function seedResources(db: Database, ctx: ResourceSeedContext): Promise<number> {
  const { now, random } = ctx;
  const rows: (typeof resources.$inferInsert)[] = [];
  const fileRows: (typeof resourceFiles.$inferInsert)[] = [];
  const ratingRows: (typeof resourceRatings.$inferInsert)[] = [];
  const homeCount = Math.min(ctx.places.length, 10);
  for (const [i, [title, summary, type, themes, audiences, level, licence, visibility, link]] of RESOURCES.entries()) {
    // The first ten belong to Saint-Étienne (the demo mediator), the others spread over the places.
    const placeIndex = i < 10 || visibility === 'draft' ? 0 : i % homeCount;
    const updatedAt = new Date(now.getTime() - random.int(2, 400) * 86400_000);
    // Every seventh one was last reviewed more than 18 months ago: "à revoir".
    const reviewedAt = i % 7 === 6 ? new Date(now.getTime() - 20 * MONTH) : updatedAt;
    const id = crypto.randomUUID();
    rows.push({
      id,
      slug: slugify(title, 70),
      title,
      summary,
      body: `## Pour qui ?\n\n${summary}\n\n## Comment l’utiliser\n\n- Lisez la fiche avec la personne.\n- Faites les manipulations ensemble, puis laissez-la refaire seule.\n- Gardez la fiche pour la prochaine fois.`,
      type,
      themes,
      audiences,
      level,
      licence,
      visibility,
      links: link ? [{ url: link[0], label: link[1] }] : [],
      authorId: ctx.authors[placeIndex]!.id,
      placeId: ctx.places[placeIndex]!.id,
      reviewedAt: reviewedAt < updatedAt ? reviewedAt : updatedAt,
      publishedAt: visibility === 'public' ? updatedAt : null,
      createdAt: updatedAt,
      updatedAt,
      downloads: 0,
    });
    // A real PDF handout for one in three (and every support of the learner's workshops).
    if (i % 3 === 0 && visibility !== 'draft') {
      const blob = await storeBytes(await handout(title, summary));
      const downloads = random.int(0, 60);
      fileRows.push({ resourceId: id, blobId: blob.id, name: `${slugify(title, 50)}.pdf`, contentType: blob.contentType, size: blob.size, sha256: blob.sha256, downloads, createdById: ctx.authors[placeIndex]!.id, createdAt: updatedAt });
      rows[rows.length - 1]!.downloads = downloads;
    }
    if (title.startsWith('Les démarches de la CAF')) {
      const png = await QRCode.toBuffer('https://www.caf.fr', { type: 'png', width: 240, margin: 2 });
      const blob = await storeBytes(new Uint8Array(png));
      fileRows.push({ resourceId: id, blobId: blob.id, previewBlobId: await makePreview(blob), name: 'qr-code-caf.png', contentType: blob.contentType, size: blob.size, sha256: blob.sha256, createdById: ctx.authors[placeIndex]!.id, createdAt: updatedAt });
    }
    if (visibility === 'public' && ctx.learnerIds.length > 3) {
      const raters = new Set<string>();
      const wanted = random.int(0, 5);
      while (raters.size < Math.min(wanted, ctx.learnerIds.length)) raters.add(random.pick(ctx.learnerIds));
      for (const userId of raters) ratingRows.push({ resourceId: id, userId, value: random.int(2, 4), updatedAt });
    }
  }
  for (const r of rows) {
    const mine = ratingRows.filter((x) => x.resourceId === r.id);
    r.ratingCount = mine.length;
    r.ratingTotal = mine.reduce((sum, x) => sum + x.value, 0);
  }

  // Large scale: 20,000 more, made from the same words, spread over every place.
  if (ctx.scale > 1) {
    const words = ['Atelier', 'Fiche', 'Guide', 'Pas à pas', 'Exercices', 'Mémo', 'Repères', 'Trame'];
    for (let n = 0; n < 20_000; n++) {
      const [title, summary, type, themes, audiences, level, licence] = RESOURCES[n % RESOURCES.length]!;
      const placeIndex = n % ctx.places.length;
      const updatedAt = new Date(now.getTime() - random.int(1, 900) * 86400_000);
      const count = random.int(0, 12);
      rows.push({
        slug: `${slugify(title, 60)}-${n + 1}`,
        title: `${random.pick(words)} — ${title} (${n + 1})`,
        summary,
        body: summary,
        type,
        themes,
        audiences,
        level,
        licence,
        visibility: n % 5 === 0 ? 'network' : 'public',
        authorId: ctx.authors[placeIndex]!.id,
        placeId: ctx.places[placeIndex]!.id,
        reviewedAt: updatedAt,
        publishedAt: updatedAt,
        createdAt: updatedAt,
        updatedAt,
        ratingCount: count,
        ratingTotal: count * random.int(1, 4),
        downloads: random.int(0, 300),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(resources).values(rows.slice(i, i + 1000));
  if (fileRows.length) await db.insert(resourceFiles).values(fileRows);
  if (ratingRows.length) await db.insert(resourceRatings).values(ratingRows);

  // Supports of the demo learner's workshops: a public handout and a network-only deck.
  const publicWithFile = rows.find((r) => r.visibility === 'public' && r.placeId === ctx.places[0]!.id && fileRows.some((f) => f.resourceId === r.id));
  const networkOnes = rows.filter((r) => r.visibility === 'network' && r.placeId === ctx.places[0]!.id);
  const links: (typeof workshopResources.$inferInsert)[] = [];
  for (const workshopId of new Set(ctx.supportedWorkshopIds)) {
    if (publicWithFile) links.push({ workshopId, resourceId: publicWithFile.id!, position: 0 });
    if (networkOnes[0]) links.push({ workshopId, resourceId: networkOnes[0].id!, position: 1 });
  }
  if (links.length) await db.insert(workshopResources).values(links).onConflictDoNothing();
  return rows.length;
}
