import { z } from 'zod';

// Empty form fields arrive as "": they mean "no filter".
const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max, message).optional());

// Filters of the directory page (GET form) and of GET /api/v1/places.
export const directoryFilterSchema = z.object({
  commune: optionalText(100, 'Le nom de la commune est trop long.').describe('Commune (accents et majuscules indifférents).'),
  service: optionalText(200, 'Le nom du service est trop long.').describe('Service, tel qu’écrit dans le standard national (par exemple « Aide aux démarches administratives »).'),
});
export type DirectoryFilter = z.infer<typeof directoryFilterSchema>;

export const placesQuerySchema = directoryFilterSchema.extend({
  format: z
    .enum(['standard'], { message: 'Le format demandé n’existe pas : seul « standard » est possible.' })
    .optional()
    .describe('« standard » : les lignes du standard national des lieux de médiation numérique.'),
});

// "2026-12": the month of a programme.
export const monthSchema = z
  .string()
  .trim()
  .regex(/^(20\d{2})-(0[1-9]|1[0-2])$/, 'Le mois s’écrit année-mois, par exemple 2026-12.');

export const placeView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  commune: z.string(),
  postalCode: z.string(),
  address: z.string(),
  addressComplement: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string().nullable().describe('Format international, par exemple +33477000001.'),
  emails: z.array(z.email()),
  websites: z.array(z.string()),
  openingHours: z.string().nullable().describe('Syntaxe OpenStreetMap opening_hours.'),
  summary: z.string().nullable(),
  services: z.array(z.string()),
  publics: z.array(z.string()),
  url: z.string().describe('Page du lieu sur Comptoir.'),
});
export type PlaceView = z.infer<typeof placeView>;

const text = z.string().nullable();
// One row of the national standard (JSON); CSV cells hold the same values as text.
export const standardRowView = z
  .object({
    id: z.string(),
    pivot: z.string(),
    nom: z.string(),
    commune: z.string(),
    code_postal: z.string(),
    code_insee: text,
    adresse: z.string(),
    complement_adresse: text,
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    typologie: text,
    telephone: text,
    courriels: text,
    site_web: text,
    horaires: text,
    presentation_resume: text,
    presentation_detail: text,
    source: text,
    itinerance: text,
    structure_parente: text,
    date_maj: z.string().describe('AAAA-MM-JJ'),
    services: text,
    publics_specifiquement_adresses: text,
    prise_en_charge_specifique: text,
    frais_a_charge: text,
    dispositif_programmes_nationaux: text,
    formations_labels: text,
    autres_formations_labels: text,
    modalites_acces: text,
    modalites_accompagnement: text,
    fiche_acces_libre: text,
    prise_rdv: text,
  })
  .describe('Ligne du standard national des lieux de médiation numérique (v1.0.2) ; listes séparées par « | ».');
export type StandardRow = z.infer<typeof standardRowView>;
