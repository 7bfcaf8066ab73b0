import { z } from 'zod';
import { AUDIENCES, LEVELS, THEMES } from '@/lib/vocabulary';

// Zod schemas of the staff writes on the catalogue, shared by the forms (through the
// *FromForm helpers), the server actions, the API routes and the OpenAPI document.

export const PROPOSED_DURATIONS = [15, 30, 45, 60, 90, 120] as const;
export const WORKSHOP_STATUSES = ['draft', 'published', 'archived'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];
export const MAX_OCCURRENCES = 100;

const unique = <T>(items: T[]) => [...new Set(items)];

// Messages of the body as a whole: not an object at all, or a field the API does not know (an
// error, not silently ignored).
const unknownKeys = (issue: { code?: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys'
    ? `Champ inconnu : ${(issue.keys ?? []).join(', ')}.`
    : issue.code === 'invalid_type'
      ? 'Envoyez un objet JSON avec les champs attendus.'
      : undefined;

const optionalText = (max: number, message: string) => z.string({ error: message }).trim().max(max, message);

// Every field of a workshop, without defaults: in an update, a missing field stays as it is.
export const workshopFields = {
  title: z
    .string({ error: 'Indiquez le titre de l’atelier.' })
    .trim()
    .min(3, 'Le titre doit faire au moins 3 caractères.')
    .max(120, 'Le titre doit faire au plus 120 caractères.'),
  summary: z
    .string({ error: 'Écrivez un résumé en une ou deux phrases.' })
    .trim()
    .min(10, 'Le résumé doit faire au moins 10 caractères.')
    .max(280, 'Le résumé doit faire au plus 280 caractères.'),
  description: optionalText(5000, 'La description doit faire au plus 5 000 caractères.'),
  themes: z
    .array(z.enum(THEMES, { error: 'Cette thématique n’existe pas.' }), { error: 'Choisissez au moins une thématique.' })
    .min(1, 'Choisissez au moins une thématique.')
    .max(5, 'Choisissez 5 thématiques au plus.')
    .transform(unique),
  level: z.enum(LEVELS, { error: 'Choisissez un niveau : débutant, intermédiaire ou avancé.' }),
  durationMinutes: z.coerce
    .number({ error: 'Indiquez la durée en minutes.' })
    .int('Indiquez la durée en minutes entières.')
    .min(5, 'La durée doit être de 5 minutes au moins.')
    .max(480, 'La durée doit être de 8 heures au plus.'),
  audiences: z
    .array(z.enum(AUDIENCES, { error: 'Ce public n’existe pas.' }), { error: 'Choisissez les publics dans la liste.' })
    .transform(unique),
  prerequisites: optionalText(1000, 'Les prérequis doivent faire au plus 1 000 caractères.'),
  toBring: optionalText(1000, 'La liste « à apporter » doit faire au plus 1 000 caractères.'),
  placeIds: z
    .array(z.uuid({ error: 'Ce lieu n’existe pas.' }), { error: 'Choisissez au moins un lieu.' })
    .min(1, 'Choisissez au moins un lieu.')
    .max(30, 'Choisissez 30 lieux au plus.')
    .transform(unique),
};

export const createWorkshopSchema = z.strictObject(
  {
    ...workshopFields,
    description: workshopFields.description.default(''),
    audiences: workshopFields.audiences.default([]),
    prerequisites: workshopFields.prerequisites.default(''),
    toBring: workshopFields.toBring.default(''),
    status: z.enum(['draft', 'published'], { error: 'Un nouvel atelier est en brouillon (draft) ou publié (published).' }).default('draft'),
  },
  { error: unknownKeys },
);
export type CreateWorkshopInput = z.infer<typeof createWorkshopSchema>;

export const updateWorkshopSchema = z.strictObject(
  {
    title: workshopFields.title.optional(),
    summary: workshopFields.summary.optional(),
    description: workshopFields.description.optional(),
    themes: workshopFields.themes.optional(),
    level: workshopFields.level.optional(),
    durationMinutes: workshopFields.durationMinutes.optional(),
    audiences: workshopFields.audiences.optional(),
    prerequisites: workshopFields.prerequisites.optional(),
    toBring: workshopFields.toBring.optional(),
    placeIds: workshopFields.placeIds.optional(),
    status: z.enum(WORKSHOP_STATUSES, { error: 'Le statut est draft (brouillon), published (publié) ou archived (archivé).' }).optional(),
  },
  { error: unknownKeys },
);
export type UpdateWorkshopInput = z.infer<typeof updateWorkshopSchema>;

// "2026-03-24": a real calendar day.
const isRealDate = (value: string) => {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

export const dateSchema = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Écrivez la date sous la forme AAAA-MM-JJ, par exemple 2026-03-24.')
    .refine(isRealDate, 'Cette date n’existe pas dans le calendrier.');

export const timeSchema = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Écrivez l’heure sous la forme HH:MM, par exemple 14:00.');

export const repeatSchema = z.strictObject(
  {
    weekdays: z
      .array(z.coerce.number({ error: 'Choisissez les jours dans la liste.' }).int().min(1, 'Choisissez les jours dans la liste.').max(7, 'Choisissez les jours dans la liste.'))
      .max(7)
      .default([])
      .transform(unique),
    everyWeeks: z.coerce
      .number({ error: 'Indiquez toutes les combien de semaines.' })
      .int('Indiquez un nombre entier de semaines.')
      .min(1, 'Indiquez 1 semaine au moins.')
      .max(12, 'Indiquez 12 semaines au plus.')
      .default(1),
    until: dateSchema('Indiquez jusqu’à quelle date répéter la séance.'),
  },
  { error: 'La répétition précise les jours (weekdays), l’écart en semaines (everyWeeks) et la date de fin (until).' },
);

const capacitySchema = z.coerce
  .number({ error: 'Indiquez le nombre de places.' })
  .int('Indiquez un nombre entier de places.')
  .min(1, 'Prévoyez au moins 1 place.')
  .max(500, 'Prévoyez 500 places au plus.');

const cutoffSchema = z.coerce
  .number({ error: 'Indiquez un nombre d’heures.' })
  .int('Indiquez un nombre entier d’heures.')
  .min(0, 'Indiquez 0 heure ou plus.')
  .max(336, 'Indiquez 336 heures (14 jours) au plus.');

const trainerIdsSchema = z
  .array(z.uuid({ error: 'Cette personne n’existe pas.' }), { error: 'Choisissez les animateurs dans la liste.' })
  .max(10, 'Choisissez 10 animateurs au plus.')
  .transform(unique);

const endAfterStart = (value: { startTime?: string; endTime?: string }, ctx: z.RefinementCtx) => {
  if (value.startTime && value.endTime && value.endTime <= value.startTime) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'L’heure de fin doit être après l’heure de début.' });
  }
};

export const scheduleSessionSchema = z
  .strictObject(
    {
      placeId: z.uuid({ error: 'Choisissez le lieu de la séance.' }),
      date: dateSchema('Indiquez la date de la séance.'),
      startTime: timeSchema('Indiquez l’heure de début.'),
      // Without an end time, the session lasts as long as the workshop.
      endTime: timeSchema('Indiquez l’heure de fin.').optional(),
      capacity: capacitySchema,
      trainerIds: trainerIdsSchema.default([]),
      signupCutoffHours: cutoffSchema.default(0),
      repeat: repeatSchema.optional(),
    },
    { error: unknownKeys },
  )
  .superRefine((value, ctx) => {
    endAfterStart(value, ctx);
    if (value.repeat && value.repeat.until < value.date) {
      ctx.addIssue({ code: 'custom', path: ['repeat', 'until'], message: 'La date de fin doit être après la première date.' });
    }
  });
export type ScheduleSessionInput = z.infer<typeof scheduleSessionSchema>;

export const updateSessionSchema = z
  .strictObject(
    {
      date: dateSchema('Indiquez la date de la séance.').optional(),
      startTime: timeSchema('Indiquez l’heure de début.').optional(),
      endTime: timeSchema('Indiquez l’heure de fin.').optional(),
      capacity: capacitySchema.optional(),
      trainerIds: trainerIdsSchema.optional(),
      signupCutoffHours: cutoffSchema.optional(),
    },
    { error: unknownKeys },
  )
  .superRefine(endAfterStart);
export type UpdateSessionInput = z.infer<typeof updateSessionSchema>;

export const cancelSessionSchema = z.strictObject(
  {
    status: z.literal('cancelled', { error: 'Pour annuler, envoyez status: "cancelled".' }),
    reason: z.string({ error: 'Le motif est un texte.' }).trim().max(500, 'Le motif doit faire au plus 500 caractères.').optional(),
  },
  { error: unknownKeys },
);
export type CancelSessionInput = z.infer<typeof cancelSessionSchema>;

// Forms post one checkbox per choice, named "<list>.<code>" (FormData keeps one value per name
// in our server actions): these helpers turn them back into the lists the schemas expect.
export function listFromForm(input: Record<string, string>, list: string): string[] {
  const prefix = `${list}.`;
  return Object.keys(input)
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length));
}

const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);

export function workshopInputFromForm(input: Record<string, string>) {
  return {
    title: input.title,
    summary: input.summary,
    description: input.description,
    themes: listFromForm(input, 'themes'),
    level: blankToUndefined(input.level),
    durationMinutes: input.duration === 'autre' ? blankToUndefined(input.durationCustom) : blankToUndefined(input.duration),
    audiences: listFromForm(input, 'audiences'),
    prerequisites: input.prerequisites,
    toBring: input.toBring,
    placeIds: listFromForm(input, 'placeIds'),
  };
}

export function scheduleInputFromForm(input: Record<string, string>) {
  return {
    placeId: blankToUndefined(input.placeId),
    date: input.date,
    startTime: input.startTime,
    endTime: blankToUndefined(input.endTime),
    capacity: blankToUndefined(input.capacity),
    trainerIds: listFromForm(input, 'trainerIds'),
    signupCutoffHours: blankToUndefined(input.signupCutoffHours),
    repeat:
      input.frequency === 'repeat'
        ? { weekdays: listFromForm(input, 'weekdays'), everyWeeks: blankToUndefined(input.everyWeeks), until: input.until }
        : undefined,
  };
}

export function sessionUpdateFromForm(input: Record<string, string>) {
  return {
    date: input.date,
    startTime: input.startTime,
    endTime: input.endTime,
    capacity: blankToUndefined(input.capacity),
    trainerIds: listFromForm(input, 'trainerIds'),
    signupCutoffHours: blankToUndefined(input.signupCutoffHours) ?? '0',
  };
}
