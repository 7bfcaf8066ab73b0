// Demo content of the Loire network: real communes, invented but plausible places and people.
import type { Audience, Level, Theme } from '@/lib/vocabulary';

export type PlaceSeed = {
  slug: string;
  name: string;
  commune: string;
  postalCode: string;
  inseeCode: string;
  address: string;
  latitude: number;
  longitude: number;
  openingHours: string;
  phone: string;
  summary: string;
  accessInfo: string;
  typology: string[];
  services: string[];
  publics: string[];
  // Optional fields of the national standard, filled for a few places so that pages and exports
  // show them.
  addressComplement?: string;
  description?: string;
  websites?: string[];
  specificSupport?: string[];
  accessibilityUrl?: string;
  appointmentUrl?: string;
  nationalPrograms?: string[];
};

const SERVICES_ALL = [
  'Maîtrise des outils numériques du quotidien',
  'Aide aux démarches administratives',
  'Utilisation sécurisée du numérique',
  'Accès internet et matériel informatique',
];

export const PLACES: PlaceSeed[] = [
  {
    slug: 'au-comptoir-numerique-saint-etienne',
    name: 'Au Comptoir Numérique',
    commune: 'Saint-Étienne',
    postalCode: '42000',
    inseeCode: '42218',
    address: '12 rue de la Résistance',
    latitude: 45.4397,
    longitude: 4.3872,
    openingHours: 'Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00',
    phone: '+33477000001',
    summary: 'Tiers-lieu de Zoomacom : ateliers numériques pour tous, accompagnement et accès libre.',
    accessInfo: 'Tram T1, arrêt Hôtel de Ville. Entrée de plain-pied.',
    typology: ['TIERS_LIEUX', 'ASSO'],
    services: [...SERVICES_ALL, 'Loisirs et créations numériques', 'Compréhension du monde numérique'],
    publics: ['Seniors', 'Jeunes'],
    addressComplement: 'Rez-de-chaussée, porte vitrée à droite',
    description:
      'Au Comptoir Numérique est le tiers-lieu de l’association Zoomacom. On y vient pour un atelier en petit groupe, pour être aidé dans une démarche ou pour utiliser un ordinateur en accès libre.\n\nLes médiateurs numériques animent aussi le réseau des espaces publics numériques de la Loire.',
    websites: ['https://www.zoomacom.org/'],
    specificSupport: ['Handicaps moteurs', 'Illettrisme'],
    accessibilityUrl: 'https://acceslibre.beta.gouv.fr/',
    nationalPrograms: ['Conseillers numériques', 'Aidants Connect'],
  },
  {
    slug: 'epn-roanne-mediatheque',
    name: 'EPN de la médiathèque de Roanne',
    commune: 'Roanne',
    postalCode: '42300',
    inseeCode: '42187',
    address: '4 place du Château',
    latitude: 46.0342,
    longitude: 4.0719,
    openingHours: 'Tu-Sa 10:00-12:30,14:00-18:00',
    phone: '+33477000002',
    summary: 'Espace public numérique de la médiathèque : ateliers pour débuter et postes en accès libre.',
    accessInfo: 'Bus ligne 1, arrêt Château. Ascenseur à gauche de l’accueil.',
    typology: ['BIB', 'MUNI'],
    services: SERVICES_ALL,
    publics: ['Seniors', 'Familles et/ou enfants'],
    specificSupport: ['Surdité', 'Déficience visuelle'],
    appointmentUrl: 'https://www.rdv-solidarites.fr/',
    nationalPrograms: ['Bibliothèques numérique de référence'],
  },
  {
    slug: 'epn-montbrison',
    name: 'Espace numérique de Montbrison',
    commune: 'Montbrison',
    postalCode: '42600',
    inseeCode: '42147',
    address: '9 boulevard Lachèze',
    latitude: 45.6075,
    longitude: 4.0653,
    openingHours: 'Mo-Th 14:00-17:30; Fr 09:00-12:00',
    phone: '+33477000003',
    summary: 'Ateliers collectifs et aide aux démarches en ligne, sur rendez-vous ou en atelier.',
    accessInfo: 'Parking gratuit devant le bâtiment. Rez-de-chaussée.',
    typology: ['MUNI'],
    services: ['Maîtrise des outils numériques du quotidien', 'Aide aux démarches administratives'],
    publics: ['Seniors'],
  },
  {
    slug: 'epn-firminy',
    name: 'EPN de Firminy',
    commune: 'Firminy',
    postalCode: '42700',
    inseeCode: '42095',
    address: '2 rue Jean Jaurès',
    latitude: 45.3883,
    longitude: 4.2883,
    openingHours: 'Mo,We,Fr 09:00-12:00,13:30-17:00',
    phone: '+33477000004',
    summary: 'Un lieu pour apprendre l’ordinateur, la tablette et le smartphone, à son rythme.',
    accessInfo: 'Bus ligne M2, arrêt Firminy Centre. Accès en fauteuil par la rampe.',
    typology: ['MUNI'],
    services: ['Maîtrise des outils numériques du quotidien', 'Insertion professionnelle via le numérique'],
    publics: ['Jeunes', 'Seniors'],
  },
  {
    slug: 'epn-saint-chamond',
    name: 'Espace numérique de Saint-Chamond',
    commune: 'Saint-Chamond',
    postalCode: '42400',
    inseeCode: '42207',
    address: '15 rue de la République',
    latitude: 45.4755,
    longitude: 4.5153,
    openingHours: 'Tu-Fr 09:00-12:00,14:00-17:00',
    phone: '+33477000005',
    summary: 'Ateliers pour les parents, les seniors et les personnes en recherche d’emploi.',
    accessInfo: 'Gare de Saint-Chamond à 5 minutes à pied.',
    typology: ['CCAS'],
    services: ['Parentalité et éducation avec le numérique', 'Insertion professionnelle via le numérique'],
    publics: ['Familles et/ou enfants'],
  },
  {
    slug: 'epn-rive-de-gier',
    name: 'EPN de Rive-de-Gier',
    commune: 'Rive-de-Gier',
    postalCode: '42800',
    inseeCode: '42186',
    address: '3 place Nationale',
    latitude: 45.5289,
    longitude: 4.6178,
    openingHours: 'Mo-Fr 14:00-18:00',
    phone: '+33477000006',
    summary: 'Accompagnement aux démarches en ligne et ateliers d’initiation.',
    accessInfo: 'Bus ligne 52, arrêt Place Nationale.',
    typology: ['MUNI'],
    services: ['Aide aux démarches administratives', 'Accès internet et matériel informatique'],
    publics: ['Seniors'],
  },
  {
    slug: 'epn-feurs',
    name: 'Espace public numérique de Feurs',
    commune: 'Feurs',
    postalCode: '42110',
    inseeCode: '42094',
    address: '1 rue de Verdun',
    latitude: 45.7422,
    longitude: 4.2264,
    openingHours: 'We 09:00-12:00; Sa 09:00-12:00',
    phone: '+33477000007',
    summary: 'Petit EPN rural : initiation et entraide numérique le mercredi et le samedi.',
    accessInfo: 'Dans la maison des associations, au premier étage avec ascenseur.',
    addressComplement: 'Maison des associations, 1er étage',
    typology: ['ASSO'],
    services: ['Maîtrise des outils numériques du quotidien'],
    publics: ['Seniors'],
  },
  {
    slug: 'epn-andrezieux-boutheon',
    name: 'EPN d’Andrézieux-Bouthéon',
    commune: 'Andrézieux-Bouthéon',
    postalCode: '42160',
    inseeCode: '42005',
    address: '20 avenue de Saint-Étienne',
    latitude: 45.5263,
    longitude: 4.2603,
    openingHours: 'Mo-Fr 09:00-12:00',
    phone: '+33477000008',
    summary: 'Ateliers numériques et accompagnement individuel pour les habitants.',
    accessInfo: 'Bus ligne 22, arrêt Mairie. Parking vélo.',
    typology: ['MUNI'],
    services: ['Maîtrise des outils numériques du quotidien', 'Utilisation sécurisée du numérique'],
    publics: ['Seniors', 'Jeunes'],
  },
  {
    slug: 'epn-saint-just-saint-rambert',
    name: 'EPN de Saint-Just-Saint-Rambert',
    commune: 'Saint-Just-Saint-Rambert',
    postalCode: '42170',
    inseeCode: '42279',
    address: '6 rue Gonyn',
    latitude: 45.4997,
    longitude: 4.2411,
    openingHours: 'Tu,Th 14:00-18:00',
    phone: '+33477000009',
    summary: 'Initiation au numérique et créations numériques en famille.',
    accessInfo: 'À côté de la médiathèque. Entrée de plain-pied.',
    typology: ['BIB'],
    services: ['Loisirs et créations numériques', 'Maîtrise des outils numériques du quotidien'],
    publics: ['Familles et/ou enfants'],
  },
  {
    slug: 'epn-riorges',
    name: 'Espace numérique de Riorges',
    commune: 'Riorges',
    postalCode: '42153',
    inseeCode: '42184',
    address: '11 avenue Charles de Gaulle',
    latitude: 46.0428,
    longitude: 4.0408,
    openingHours: 'Mo,Th 09:00-12:00,14:00-17:00',
    phone: '+33477000010',
    summary: 'Ateliers pour apprendre les bases et être plus à l’aise en ligne.',
    accessInfo: 'Bus ligne 3, arrêt Riorges Centre.',
    typology: ['MUNI'],
    services: ['Maîtrise des outils numériques du quotidien', 'Utilisation sécurisée du numérique'],
    publics: ['Seniors'],
  },
];

export type WorkshopSeed = {
  slug: string;
  title: string;
  summary: string;
  themes: Theme[];
  level: Level;
  durationMinutes: number;
  audiences: Audience[];
  prerequisites: string;
  toBring: string;
};

type W = [slug: string, title: string, summary: string, themes: Theme[], level: Level, minutes: number, audiences: Audience[]];

const WORKSHOP_ROWS: W[] = [
  ['debuter-avec-son-smartphone', 'Débuter avec son smartphone', 'Allumer, appeler, envoyer un SMS et prendre une photo avec son téléphone.', ['materiel'], 'beginner', 120, ['seniors', 'eloignes']],
  ['decouvrir-la-tablette', 'Découvrir la tablette', 'Les gestes de base sur une tablette : toucher, glisser, ouvrir une application.', ['materiel'], 'beginner', 90, ['seniors']],
  ['premiers-pas-sur-ordinateur', 'Premiers pas sur l’ordinateur', 'La souris, le clavier, les fenêtres : tout pour bien commencer.', ['materiel'], 'beginner', 120, ['eloignes', 'tous']],
  ['creer-son-adresse-e-mail', 'Créer son adresse e-mail', 'Créer une boîte mail, choisir un mot de passe et envoyer son premier message.', ['e-mail'], 'beginner', 90, ['tous']],
  ['envoyer-une-piece-jointe', 'Envoyer une pièce jointe', 'Joindre une photo ou un document à un e-mail, et ouvrir ceux que l’on reçoit.', ['e-mail'], 'intermediate', 60, ['tous']],
  ['naviguer-sur-internet', 'Naviguer sur internet', 'Faire une recherche, reconnaître un site fiable, utiliser les favoris.', ['navigation'], 'beginner', 90, ['seniors', 'tous']],
  ['demarches-administratives-en-ligne', 'Démarches administratives en ligne', 'Se repérer sur les sites des services publics et faire une démarche simple.', ['demarches'], 'intermediate', 120, ['tous']],
  ['france-connect-et-identite-numerique', 'FranceConnect et identité numérique', 'Se connecter aux services publics avec un seul compte, en sécurité.', ['demarches', 'securite'], 'intermediate', 90, ['tous']],
  ['declarer-ses-impots-en-ligne', 'Déclarer ses impôts en ligne', 'Se connecter à son espace particulier et remplir sa déclaration pas à pas.', ['demarches'], 'intermediate', 120, ['tous']],
  ['mon-espace-sante', 'Mon espace santé', 'Activer et utiliser son espace santé, prendre un rendez-vous médical en ligne.', ['sante'], 'beginner', 90, ['seniors']],
  ['acheter-en-ligne-en-securite', 'Acheter en ligne en sécurité', 'Reconnaître un site de confiance et payer sans risque.', ['banque-achats', 'securite'], 'intermediate', 90, ['tous']],
  ['sa-banque-sur-internet', 'Sa banque sur internet', 'Consulter ses comptes et faire un virement depuis l’application de sa banque.', ['banque-achats'], 'beginner', 90, ['seniors']],
  ['reconnaitre-les-arnaques', 'Reconnaître les arnaques', 'Faux SMS, faux e-mails, faux conseillers : savoir dire non.', ['securite'], 'beginner', 90, ['seniors', 'tous']],
  ['bien-choisir-ses-mots-de-passe', 'Bien choisir ses mots de passe', 'Créer des mots de passe solides et s’en souvenir.', ['securite'], 'beginner', 60, ['tous']],
  ['traitement-de-texte-les-bases', 'Traitement de texte : les bases', 'Écrire une lettre, la mettre en forme et l’imprimer.', ['bureautique'], 'beginner', 120, ['tous']],
  ['tableur-pour-son-budget', 'Un tableur pour son budget', 'Suivre ses dépenses dans un tableau simple.', ['bureautique'], 'intermediate', 120, ['tous']],
  ['faire-son-cv-en-ligne', 'Faire son CV en ligne', 'Créer un CV clair avec un modèle gratuit et l’envoyer.', ['insertion-pro', 'bureautique'], 'intermediate', 120, ['insertion']],
  ['chercher-un-emploi-sur-internet', 'Chercher un emploi sur internet', 'Utiliser les sites d’offres d’emploi et créer des alertes.', ['insertion-pro'], 'beginner', 90, ['insertion', 'jeunes']],
  ['garder-le-contact-en-video', 'Garder le contact en vidéo', 'Appeler ses proches en vidéo depuis son téléphone ou sa tablette.', ['reseaux-sociaux'], 'beginner', 60, ['seniors']],
  ['les-reseaux-sociaux-sans-risque', 'Les réseaux sociaux sans risque', 'Créer un compte, régler sa vie privée et partager avec ses proches.', ['reseaux-sociaux', 'securite'], 'intermediate', 90, ['tous']],
  ['ranger-ses-photos', 'Ranger et sauvegarder ses photos', 'Transférer ses photos du téléphone vers l’ordinateur et les sauvegarder.', ['contenus'], 'intermediate', 90, ['tous']],
  ['le-cloud-explique-simplement', 'Le « cloud » expliqué simplement', 'Stocker ses documents en ligne et les retrouver partout.', ['contenus', 'culture'], 'intermediate', 60, ['tous']],
  ['entretenir-son-ordinateur', 'Entretenir son ordinateur', 'Faire les mises à jour, libérer de la place et garder un ordinateur rapide.', ['maintenance'], 'intermediate', 90, ['tous']],
  ['accompagner-son-enfant-sur-les-ecrans', 'Accompagner son enfant sur les écrans', 'Temps d’écran, contrôle parental et dialogue en famille.', ['parentalite'], 'beginner', 90, ['parents']],
  ['suivre-la-scolarite-en-ligne', 'Suivre la scolarité en ligne', 'Utiliser l’espace numérique de travail du collège ou du lycée.', ['scolarite', 'parentalite'], 'beginner', 90, ['parents']],
  ['retouche-photo-facile', 'Retouche photo facile', 'Recadrer, éclaircir et embellir ses photos en quelques gestes.', ['creer'], 'intermediate', 120, ['tous']],
  ['creer-un-livre-photo', 'Créer un livre photo', 'Choisir ses photos et composer un album à faire imprimer.', ['creer'], 'advanced', 120, ['tous']],
  ['comprendre-l-intelligence-artificielle', 'Comprendre l’intelligence artificielle', 'Ce que l’IA sait faire, ce qu’elle ne sait pas faire, et comment l’essayer.', ['ia', 'culture'], 'intermediate', 90, ['tous']],
  ['faire-le-point-sur-ses-usages', 'Faire le point sur ses usages', 'Un diagnostic simple pour savoir par où commencer.', ['diagnostic'], 'beginner', 45, ['eloignes', 'tous']],
  ['aider-un-professionnel-a-s-equiper', 'Aider un commerçant à s’équiper', 'Les outils numériques utiles pour un petit commerce ou une association.', ['accompagner-pro'], 'advanced', 120, ['professionnels', 'associations']],
];

export const WORKSHOPS: WorkshopSeed[] = WORKSHOP_ROWS.map(([slug, title, summary, themes, level, durationMinutes, audiences]) => ({
  slug,
  title,
  summary,
  themes,
  level,
  durationMinutes,
  audiences,
  prerequisites: level === 'beginner' ? 'Aucun : on part de zéro.' : 'Savoir allumer un ordinateur ou un téléphone et s’en servir un peu.',
  toBring: themes.includes('materiel') || themes.includes('reseaux-sociaux') ? 'Votre téléphone ou votre tablette, chargé.' : 'Vos identifiants si vous en avez. Des ordinateurs sont prêtés sur place.',
}));

export const FIRST_NAMES = ['Marie', 'Jean', 'Fatima', 'Michel', 'Nathalie', 'Ahmed', 'Monique', 'Bernard', 'Sylvie', 'Karim', 'Josiane', 'Louis', 'Chantal', 'Mamadou', 'Odile', 'Pierre', 'Yasmine', 'Gérard', 'Colette', 'Thomas'];
export const LAST_NAMES = ['Martin', 'Bernard', 'Roux', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Benali', 'Diallo', 'Morel', 'Faure'];
