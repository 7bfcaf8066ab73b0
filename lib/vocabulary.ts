import 'server-only';

// Codes stored in the database and sent by the API. Their French and English labels live in
// messages/*.json under the same names ("themes.e-mail", "levels.beginner"…), so a label can be
// reworded, and a code retired, without touching stored rows.
export const THEMES = [
  'diagnostic',
  'materiel',
  'maintenance',
  'contenus',
  'navigation',
  'e-mail',
  'bureautique',
  'reseaux-sociaux',
  'sante',
  'banque-achats',
  'accompagner-pro',
  'insertion-pro',
  'securite',
  'parentalite',
  'scolarite',
  'creer',
  'culture',
  'ia',
  'demarches',
] as const;
export type Theme = (typeof THEMES)[number];

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export const ROLES = ['learner', 'mediator', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ENROLLMENT_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export const ATTENDANCE_STATUSES = ['unmarked', 'present', 'late', 'excused', 'absent'] as const;
export const SESSION_STATUSES = ['scheduled', 'cancelled', 'done'] as const;

export const AUDIENCES = [
  'seniors',
  'jeunes',
  'parents',
  'insertion',
  'eloignes',
  'allophones',
  'handicap',
  'professionnels',
  'associations',
  'tous',
] as const;
export type Audience = (typeof AUDIENCES)[number];

// Activity reports ("comptes rendus d'activité"), after the national practice of médiateurs
// numériques (vocabulary.json). Labels: messages/*.json under "activityVocab.<list>.<code>".
export const ACTIVITY_KINDS = ['individual', 'collective'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

// Sub-themes of "Aide aux démarches administratives" (theme code 'demarches'), allowed only with it.
export const ADMIN_THEMES = [
  'papiers',
  'famille',
  'social-sante',
  'travail',
  'logement',
  'transports',
  'argent',
  'justice',
  'etrangers',
  'loisirs',
  'associations',
] as const;
export type AdminTheme = (typeof ADMIN_THEMES)[number];
export const ADMIN_THEME_PARENT: Theme = 'demarches';

// Durations the form proposes; any other whole number of minutes is allowed too.
export const PROPOSED_DURATIONS = [15, 30, 45, 60, 90, 120] as const;

// Duration bands of the statistics: under 30 min; 30 to 60 min included; over 60 to 120 min
// included; over 120 min.
export const DURATION_BANDS = ['under-30', '30-60', '60-120', 'over-120'] as const;
export type DurationBand = (typeof DURATION_BANDS)[number];
export function durationBandOf(minutes: number): DurationBand {
  if (minutes < 30) return 'under-30';
  if (minutes <= 60) return '30-60';
  if (minutes <= 120) return '60-120';
  return 'over-120';
}

export const PLACE_TYPES = ['place', 'home', 'remote', 'other'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

export const EQUIPMENT = ['computer', 'phone', 'tablet', 'other', 'none'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const AUTONOMY = ['fully-assisted', 'partly-autonomous', 'autonomous'] as const;
export type Autonomy = (typeof AUTONOMY)[number];

export const ORIENTATIONS = ['administration', 'other-mediation', 'operator', 'social', 'employment', 'france-services', 'other'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

export const COMPLETION = ['done', 'to-finish-alone', 'must-return', 'referred'] as const;
export type Completion = (typeof COMPLETION)[number];

// The person helped. 'unknown' is "Non communiqué" in every list.
export const GENDERS = ['female', 'male', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];
export const AGE_BANDS = ['under-12', '12-17', '18-24', '25-39', '40-59', '60-69', '70-plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const SOCIAL_STATUSES = ['student', 'unemployed', 'employed', 'retired', 'unknown'] as const;
export type SocialStatus = (typeof SOCIAL_STATUSES)[number];

// Resources (lib/resources). Labels: messages/*.json under "resources.types.<code>",
// "resources.licences.<code>", "resources.ratings.<value>".
export const RESOURCE_TYPES = [
  'pedagogique',
  'fiche-pratique',
  'support-atelier',
  'outil',
  'article',
  'infographie',
  'methodologie',
  'quiz',
  'video',
  'boite-a-outils',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const LICENCES = ['etalab', 'cc-by', 'cc-by-sa', 'cc-by-nc-sa', 'cc0', 'all-rights-reserved'] as const;
export type Licence = (typeof LICENCES)[number];
// The text of each open licence.
export const LICENCE_URLS: Record<Licence, string | null> = {
  'etalab': 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  'cc-by': 'https://creativecommons.org/licenses/by/4.0/deed.fr',
  'cc-by-sa': 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr',
  'cc-by-nc-sa': 'https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr',
  'cc0': 'https://creativecommons.org/publicdomain/zero/1.0/deed.fr',
  'all-rights-reserved': null,
};

export const RESOURCE_VISIBILITIES = ['draft', 'network', 'public'] as const;
export type ResourceVisibility = (typeof RESOURCE_VISIBILITIES)[number];
