import { z } from 'zod';
import { REPORT_REASONS } from '@/lib/moderation/reports';

// Shared by the carnet's forms, their server actions, /api/v1/notes and the OpenAPI document.
// Codes travel; French labels live in messages (notes.kinds.*, notes.visibilities.*).

export const NOTE_KINDS = ['tip', 'question', 'memo', 'feedback'] as const;
export const NOTE_VISIBILITIES = ['private', 'participants', 'network', 'public'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

const body = z
  .string({ error: 'Écrivez votre note.' })
  .transform((s) => s.replace(/\0/g, '').trim())
  .pipe(z.string().min(1, 'Écrivez votre note.').max(10_000, 'La note est trop longue (10 000 caractères au plus).'));

export const noteInputSchema = z
  .object({
    workshop: z.string({ error: 'Indiquez l’atelier.' }).trim().min(1, 'Indiquez l’atelier.').max(200),
    sessionId: z.uuid({ error: 'Cette séance n’existe pas.' }).nullish(),
    parentId: z.uuid({ error: 'Cette note n’existe pas.' }).nullish(),
    kind: z.enum(NOTE_KINDS, { error: 'Choisissez le genre de note.' }),
    visibility: z.enum(NOTE_VISIBILITIES, { error: 'Choisissez qui peut lire la note.' }),
    body,
  })
  .strict();
export type NoteInput = z.infer<typeof noteInputSchema>;

export const notePatchSchema = z
  .object({
    body: body.optional(),
    visibility: z.enum(NOTE_VISIBILITIES, { error: 'Choisissez qui peut lire la note.' }).optional(),
    hidden: z.boolean({ error: 'Indiquez si la note est masquée.' }).optional(),
    hiddenReason: z.string().trim().max(500, 'La raison est trop longue (500 caractères au plus).').optional(),
    helped: z.boolean().optional(),
  })
  .strict();

export const noteListQuerySchema = z.object({
  workshop: z.string().trim().max(200).optional().describe('Identifiant (slug) de l’atelier'),
  session: z.uuid({ error: 'Cette séance n’existe pas.' }).optional().describe('Identifiant de la séance'),
  q: z.string().trim().max(200, 'La recherche est trop longue.').optional().describe('Recherche en français (accents et fautes de frappe pardonnés)'),
  page: z.coerce.number({ error: 'Page invalide.' }).int('Page invalide.').min(1, 'Page invalide.').max(1000, 'Page invalide.').default(1),
  mine: z.enum(['1', 'true']).optional().describe('Mes notes seulement'),
});

export const noteReportSchema = z
  .object({
    reason: z.enum(REPORT_REASONS.note, { message: 'Choisissez une raison.' }),
    comment: z.string().trim().max(1000, 'Le commentaire est trop long (1 000 caractères au plus).').default(''),
  })
  .strict();

const noteBase = z.object({
  id: z.uuid(),
  kind: z.enum(NOTE_KINDS),
  visibility: z.enum(NOTE_VISIBILITIES),
  body: z.string().describe('Markdown (affiché assaini)'),
  author: z.object({ name: z.string() }),
  workshop: z.object({ slug: z.string(), title: z.string() }),
  sessionId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  createdAt: z.string().describe('ISO 8601'),
  usefulCount: z.int(),
  hidden: z.boolean(),
  helped: z.boolean().describe('Réponse marquée « ça m’a aidé » par la personne qui a posé la question'),
});
export const noteViewSchema = noteBase.extend({ replies: z.array(noteBase.extend({ replies: z.array(z.never()) })) });
export const noteListSchema = z.object({ items: z.array(noteViewSchema), total: z.int() });
