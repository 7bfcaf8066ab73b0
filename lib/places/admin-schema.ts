import { z } from 'zod';

// Zod schemas of the coordinators' writes on places. Field names and allowed values follow the
// national standard of digital-mediation places (standards/lieux-mediation-numerique.schema.json).

export const PLACE_SERVICES = [
  'Aide aux démarches administratives',
  'Maîtrise des outils numériques du quotidien',
  'Insertion professionnelle via le numérique',
  'Utilisation sécurisée du numérique',
  'Parentalité et éducation avec le numérique',
  'Loisirs et créations numériques',
  'Compréhension du monde numérique',
  'Accès internet et matériel informatique',
  'Acquisition de matériel informatique à prix solidaire',
] as const;
export const PLACE_PUBLICS = ['Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes'] as const;
export const SUPPORT_MODES = ['En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif', 'À distance'] as const;
export const FEES = ['Gratuit', 'Gratuit sous condition', 'Payant'] as const;
export const ACCESS_MODES = [
  'Se présenter',
  'Téléphoner',
  'Contacter par mail',
  'Prendre un RDV en ligne',
  "Ce lieu n'accueille pas de public",
  'Envoyer un mail avec une fiche de prescription',
] as const;

const PHONE_PATTERN = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)\d{6,9}$/;
const INSEE_PATTERN = /^([013-9]\d|2[AB1-9])\d{3}$/;

// "04 77 12 34 56" → "+33477123456", as the standard wants it.
export function normalisePhone(value: string): string {
  const compact = value.replace(/[\s.\-()]/g, '');
  return /^0\d{9}$/.test(compact) ? `+33${compact.slice(1)}` : compact;
}

// The usual forms of OpenStreetMap opening_hours: "Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00",
// "PH off", "24/7".
const DAY = '(?:Mo|Tu|We|Th|Fr|Sa|Su|PH|SH)';
const DAYS = `${DAY}(?:-${DAY})?(?:,${DAY}(?:-${DAY})?)*`;
const TIME = '(?:[01]\\d|2[0-4]):[0-5]\\d';
const SPANS = `${TIME}-${TIME}(?:,${TIME}-${TIME})*`;
const RULE = new RegExp(`^(?:24/7|${SPANS}|${DAYS}(?: (?:${SPANS}|off|closed))?)$`);
export function isOpeningHours(value: string): boolean {
  const rules = value
    .split(';')
    .map((r) => r.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  return rules.length > 0 && rules.every((r) => RULE.test(r));
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
// Optional text: empty means "none" (null).
const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (blank(v) ? null : v), z.string({ error: message }).trim().max(max, message).nullable());

const requiredText = (min: number, max: number, missing: string, tooLong: string) =>
  z.string({ error: missing }).trim().min(min, missing).max(max, tooLong);

const choices = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.array(z.enum(values, { error: message }), { error: message }).transform((items) => [...new Set(items)]);

const coordinate = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (blank(v) ? null : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v),
    z.number({ error: message }).min(min, message).max(max, message).nullable(),
  );

export const placeFields = {
  name: requiredText(2, 150, 'Indiquez le nom du lieu.', 'Le nom doit faire au plus 150 caractères.'),
  pivot: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/\s/g, '') : v),
    z
      .string({ error: 'Indiquez le SIRET (14 chiffres) ou le numéro RNA (W suivi de 9 chiffres).' })
      .regex(/^[a-zA-Z0-9]{9,14}$/, 'Indiquez le SIRET (14 chiffres) ou le numéro RNA (W suivi de 9 chiffres), sans espace.'),
  ),
  commune: requiredText(1, 100, 'Indiquez la commune.', 'La commune doit faire au plus 100 caractères.'),
  postalCode: z
    .string({ error: 'Indiquez le code postal.' })
    .trim()
    .regex(/^\d{5}$/, 'Le code postal a 5 chiffres, par exemple 42000.'),
  inseeCode: z.preprocess(
    (v) => (blank(v) ? null : typeof v === 'string' ? v.trim().toUpperCase() : v),
    z
      .string({ error: 'Le code INSEE a 5 caractères, par exemple 42218.' })
      .regex(INSEE_PATTERN, 'Le code INSEE a 5 caractères, par exemple 42218 (ce n’est pas toujours le code postal).')
      .nullable(),
  ),
  address: requiredText(3, 200, 'Indiquez l’adresse (numéro et rue).', 'L’adresse doit faire au plus 200 caractères.'),
  addressComplement: optionalText(200, 'Le complément d’adresse doit faire au plus 200 caractères.'),
  phone: z.preprocess(
    (v) => (blank(v) ? null : typeof v === 'string' ? normalisePhone(v) : v),
    z
      .string({ error: 'Écrivez le numéro sur 10 chiffres (04 77 12 34 56) ou au format +33477123456.' })
      .regex(PHONE_PATTERN, 'Écrivez le numéro sur 10 chiffres (04 77 12 34 56) ou au format +33477123456.')
      .nullable(),
  ),
  emails: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.email({ error: 'Une des adresses e-mail n’est pas valide. Exemple : contact@exemple.fr' })),
      { error: 'Indiquez les adresses e-mail dans une liste.' },
    )
    .max(10, 'Indiquez 10 adresses e-mail au plus.'),
  websites: z
    .array(z.url({ protocol: /^https?$/, error: 'Un des sites web n’est pas une adresse valide. Exemple : https://www.exemple.fr' }), {
      error: 'Indiquez les sites web dans une liste.',
    })
    .max(10, 'Indiquez 10 sites web au plus.'),
  openingHours: z.preprocess(
    (v) => (blank(v) ? null : typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: 'Écrivez les horaires au format OpenStreetMap.' })
      .max(500, 'Les horaires doivent faire au plus 500 caractères.')
      .refine(isOpeningHours, 'Écrivez les horaires au format OpenStreetMap, par exemple : Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00')
      .nullable(),
  ),
  summary: optionalText(280, 'Le résumé doit faire au plus 280 caractères.'),
  description: optionalText(5000, 'La présentation doit faire au plus 5 000 caractères.'),
  services: choices(PLACE_SERVICES, 'Choisissez les services dans la liste.'),
  publics: choices(PLACE_PUBLICS, 'Choisissez les publics dans la liste.'),
  supportModes: choices(SUPPORT_MODES, 'Choisissez les modalités d’accompagnement dans la liste.'),
  fees: choices(FEES, 'Choisissez les frais dans la liste.'),
  accessModes: choices(ACCESS_MODES, 'Choisissez les modalités d’accès dans la liste.'),
  accessInfo: optionalText(1000, 'Les informations d’accès doivent faire au plus 1 000 caractères.'),
  latitude: coordinate(-90, 90, 'La latitude est un nombre entre -90 et 90, par exemple 45.4397.'),
  longitude: coordinate(-180, 180, 'La longitude est un nombre entre -180 et 180, par exemple 4.3872.'),
  active: z.boolean({ error: 'Indiquez si le lieu est ouvert (true) ou fermé (false).' }),
};

const bothOrNeither = (value: { latitude?: number | null; longitude?: number | null }, ctx: z.RefinementCtx) => {
  const hasLat = value.latitude !== null && value.latitude !== undefined;
  const hasLong = value.longitude !== null && value.longitude !== undefined;
  if (hasLat !== hasLong) ctx.addIssue({ code: 'custom', path: [hasLat ? 'longitude' : 'latitude'], message: 'Indiquez la latitude et la longitude, ou aucune des deux.' });
};

const objectError = (issue: { code?: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys' ? `Champ inconnu : ${(issue.keys ?? []).join(', ')}.` : issue.code === 'invalid_type' ? 'Envoyez un objet avec les champs attendus.' : undefined;

export const placeSchema = z
  .object(
    {
      ...placeFields,
      emails: placeFields.emails.default([]),
      websites: placeFields.websites.default([]),
      services: placeFields.services.default([]),
      publics: placeFields.publics.default([]),
      supportModes: placeFields.supportModes.default([]),
      fees: placeFields.fees.default([]),
      accessModes: placeFields.accessModes.default([]),
      active: placeFields.active.default(true),
    },
    { error: objectError },
  )
  .superRefine(bothOrNeither);
export type PlaceInput = z.infer<typeof placeSchema>;

export const addStaffSchema = z.object({
  email: z
    .string({ error: 'Indiquez l’adresse e-mail de la personne.' })
    .trim()
    .min(1, 'Indiquez l’adresse e-mail de la personne.')
    .max(254, 'Cette adresse e-mail est trop longue.')
    .pipe(z.email({ error: 'Cette adresse e-mail n’est pas valide. Exemple : marie.dupont@exemple.fr' }))
    .transform((email) => email.toLowerCase()),
});

export const removeStaffSchema = z.object({ userId: z.uuid({ error: 'Cette personne n’existe pas.' }) });

// Forms: one checkbox per choice named "<list>.<value>", lists of addresses one per line.
const listFromForm = (input: Record<string, string>, list: string) =>
  Object.keys(input)
    .filter((key) => key.startsWith(`${list}.`))
    .map((key) => key.slice(list.length + 1));
const linesOf = (value: string | undefined) =>
  (value ?? '')
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);

export function placeInputFromForm(input: Record<string, string>) {
  return {
    name: input.name,
    pivot: input.pivot,
    commune: input.commune,
    postalCode: input.postalCode,
    inseeCode: input.inseeCode,
    address: input.address,
    addressComplement: input.addressComplement,
    phone: input.phone,
    emails: linesOf(input.emails),
    websites: linesOf(input.websites),
    openingHours: input.openingHours,
    summary: input.summary,
    description: input.description,
    services: listFromForm(input, 'services'),
    publics: listFromForm(input, 'publics'),
    supportModes: listFromForm(input, 'supportModes'),
    fees: listFromForm(input, 'fees'),
    accessModes: listFromForm(input, 'accessModes'),
    accessInfo: input.accessInfo,
    latitude: input.latitude,
    longitude: input.longitude,
    // Radio buttons "open" / "closed"; absent from the creation form (a new place is open).
    active: input.active === undefined ? undefined : input.active === 'true',
  };
}
