import { z } from 'zod';
import {
  ADMIN_THEME_PARENT,
  ADMIN_THEMES,
  AGE_BANDS,
  AUTONOMY,
  COMPLETION,
  EQUIPMENT,
  GENDERS,
  LEVELS,
  ORIENTATIONS,
  PLACE_TYPES,
  SOCIAL_STATUSES,
  THEMES,
} from '@/lib/vocabulary';

// Shared by the activity form (through activityInputFromForm), its server actions,
// POST /api/v1/activities and the OpenAPI document. Codes travel, labels stay in messages/*.json.

const isoDate = (message: string) => z.iso.date({ error: message });
const uniq = <T,>(items: T[]) => [...new Set(items)];

const count = z.int({ error: 'Indiquez un nombre entier.' }).min(0, 'Le nombre ne peut pas être négatif.').max(10_000, 'Ce nombre est trop grand.');

export const anonymousPersonSchema = z.strictObject({
  gender: z.enum(GENDERS, { error: 'Choisissez le genre, ou « Non communiqué ».' }).default('unknown'),
  ageBand: z.enum(AGE_BANDS, { error: 'Choisissez la tranche d’âge, ou « Non communiqué ».' }).default('unknown'),
  socialStatus: z.enum(SOCIAL_STATUSES, { error: 'Choisissez le statut, ou « Non communiqué ».' }).default('unknown'),
  commune: z.string().trim().max(100, 'Le nom de la commune doit faire au plus 100 caractères.').default(''),
});
export type AnonymousPerson = z.infer<typeof anonymousPersonSchema>;

// People who took part without being known to Comptoir: a head count, and how many of them in
// each gender, age band and status (each breakdown may stay partial: the rest is "Non communiqué").
export const anonymousParticipantsSchema = z.strictObject({
  count,
  gender: z.partialRecord(z.enum(GENDERS), count).default({}),
  ageBand: z.partialRecord(z.enum(AGE_BANDS), count).default({}),
  socialStatus: z.partialRecord(z.enum(SOCIAL_STATUSES), count).default({}),
});
export type AnonymousParticipants = z.infer<typeof anonymousParticipantsSchema>;

// The earliest date an activity may have: the network's records start long after it, and a
// year like 0001 is a typing slip (or a probe), not a real activity.
export const EARLIEST_ACTIVITY_DATE = '2000-01-01';

const base = {
  date: isoDate('Indiquez la date (jour, mois, année).').refine((date) => date >= EARLIEST_ACTIVITY_DATE, 'La date doit être le 1er janvier 2000 ou après.'),
  durationMinutes: z
    .int({ error: 'Indiquez la durée en minutes.' })
    .min(1, 'La durée doit être d’au moins 1 minute.')
    .max(720, 'La durée doit être de 12 heures au plus.'),
  placeType: z.enum(PLACE_TYPES, { error: 'Choisissez où l’activité a eu lieu.' }),
  placeId: z.uuid({ error: 'Choisissez le lieu.' }).nullable().default(null),
  themes: z
    .array(z.enum(THEMES, { error: 'Cette thématique n’existe pas.' }), { error: 'Choisissez au moins une thématique.' })
    .min(1, 'Choisissez au moins une thématique.')
    .transform(uniq),
  adminThemes: z.array(z.enum(ADMIN_THEMES, { error: 'Cette démarche n’existe pas.' })).default([]).transform(uniq),
  equipment: z.array(z.enum(EQUIPMENT, { error: 'Ce matériel n’existe pas.' })).default([]).transform(uniq),
  notes: z.string().trim().max(2000, 'Les notes doivent faire 2 000 caractères au plus.').default(''),
};

export const individualActivitySchema = z.strictObject({
  kind: z.literal('individual'),
  ...base,
  learnerId: z.uuid({ error: 'Choisissez la personne accompagnée.' }).nullable().default(null),
  anonymousPerson: anonymousPersonSchema.nullable().default(null),
  autonomy: z.enum(AUTONOMY, { error: 'Choisissez le degré d’autonomie.' }).nullable().default(null),
  orientation: z.array(z.enum(ORIENTATIONS, { error: 'Cette orientation n’existe pas.' })).default([]).transform(uniq),
  completion: z.enum(COMPLETION, { error: 'Choisissez où en est la démarche.' }).nullable().default(null),
});

export const collectiveActivitySchema = z.strictObject({
  kind: z.literal('collective'),
  ...base,
  // Set when the activity records a closed session; one activity per session.
  sessionId: z.uuid({ error: 'Cette séance n’existe pas.' }).nullable().default(null),
  title: z
    .string({ error: 'Indiquez le titre de l’atelier.' })
    .trim()
    .min(2, 'Indiquez le titre de l’atelier.')
    .max(200, 'Le titre doit faire 200 caractères au plus.'),
  level: z.enum(LEVELS, { error: 'Choisissez le niveau de l’atelier.' }),
  participantIds: z.array(z.uuid({ error: 'Cette personne n’existe pas.' })).default([]).transform(uniq),
  anonymousParticipants: anonymousParticipantsSchema.default({ count: 0, gender: {}, ageBand: {}, socialStatus: {} }),
});

const sum = (record: Partial<Record<string, number>>) => Object.values(record).reduce<number>((a, b) => a + (b ?? 0), 0);

export const activityInputSchema = z
  .discriminatedUnion('kind', [individualActivitySchema, collectiveActivitySchema], {
    error: 'Choisissez le type d’activité : accompagnement individuel ou atelier collectif.',
  })
  .superRefine((a, ctx) => {
    const withAdmin = a.themes.includes(ADMIN_THEME_PARENT);
    if (a.adminThemes.length > 0 && !withAdmin) {
      ctx.addIssue({ code: 'custom', path: ['adminThemes'], message: 'Les démarches ne se précisent qu’avec la thématique « Aide aux démarches administratives ».' });
    }
    if (a.equipment.includes('none') && a.equipment.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['equipment'], message: '« Pas de matériel » ne se coche pas avec un autre matériel.' });
    }
    if (a.kind === 'individual') {
      if (a.completion && !withAdmin) {
        ctx.addIssue({ code: 'custom', path: ['completion'], message: 'Le degré de finalisation ne s’indique qu’avec la thématique « Aide aux démarches administratives ».' });
      }
      if (!a.learnerId && !a.anonymousPerson) {
        ctx.addIssue({ code: 'custom', path: ['learnerId'], message: 'Choisissez la personne accompagnée, ou décrivez-la si elle reste anonyme.' });
      }
      if (a.learnerId && a.anonymousPerson) {
        ctx.addIssue({ code: 'custom', path: ['learnerId'], message: 'Choisissez une personne connue ou une personne anonyme, pas les deux.' });
      }
    } else {
      const anonymous = a.anonymousParticipants;
      if (a.participantIds.length + anonymous.count === 0) {
        ctx.addIssue({ code: 'custom', path: ['participantIds'], message: 'Indiquez au moins un participant, connu ou anonyme.' });
      }
      const labels = { gender: 'par genre', ageBand: 'par tranche d’âge', socialStatus: 'par statut' } as const;
      for (const key of ['gender', 'ageBand', 'socialStatus'] as const) {
        const total = sum(anonymous[key]);
        if (total > anonymous.count) {
          ctx.addIssue({
            code: 'custom',
            path: ['anonymousParticipants', key],
            message: `Le total ${labels[key]} (${total}) dépasse le nombre de participants anonymes (${anonymous.count}).`,
          });
        }
      }
    }
  });
export type ActivityInput = z.infer<typeof activityInputSchema>;

const dateFilter = (label: string) => isoDate(`La date ${label} doit être au format AAAA-MM-JJ.`).optional();

export const activityListQuerySchema = z.object({
  place: z.string().trim().max(200).optional().describe('Identifiant (slug) du lieu'),
  from: dateFilter('de début'),
  to: dateFilter('de fin'),
  kind: z.enum(['individual', 'collective'], { error: 'Le type doit être « individual » ou « collective ».' }).optional(),
  mine: z
    .enum(['true', 'false'], { error: '« mine » vaut true ou false.' })
    .optional()
    .transform((v) => v === 'true')
    .describe('Seulement mes activités'),
  page: z.coerce.number({ error: 'La page doit être un nombre.' }).int('La page doit être un nombre entier.').min(1, 'La page commence à 1.').max(10_000).default(1),
});
// Raw query values (URL, API): the schema parses them.
export type ActivityListFilters = z.output<typeof activityListQuerySchema>;
export type ActivityListQuery = Partial<Record<keyof z.input<typeof activityListQuerySchema>, unknown>>;

// What the API returns for one activity (documentation of the response; the lib builds it).
const ref = z.object({ id: z.uuid(), name: z.string() });
export const activityViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['individual', 'collective']),
  date: z.iso.date(),
  durationMinutes: z.int(),
  placeType: z.enum(PLACE_TYPES),
  place: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable(),
  sessionId: z.uuid().nullable(),
  themes: z.array(z.string()),
  adminThemes: z.array(z.string()),
  equipment: z.array(z.string()),
  mediator: ref,
  learner: ref.nullable(),
  anonymousPerson: anonymousPersonSchema.nullable(),
  autonomy: z.string().nullable(),
  orientation: z.array(z.string()),
  completion: z.string().nullable(),
  title: z.string().nullable(),
  level: z.enum(LEVELS).nullable(),
  participants: z.array(ref),
  anonymousParticipants: anonymousParticipantsSchema.nullable(),
  participantCount: z.int(),
  notes: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
