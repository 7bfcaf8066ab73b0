import { z } from 'zod';
import { THEMES } from '@/lib/vocabulary';

// "Je voudrais apprendre…" (learn) / "Je peux animer…" (teach): the form, the API and OpenAPI.
export const WISH_KINDS = ['learn', 'teach'] as const;

export const wishInputSchema = z
  .object({
    kind: z.enum(WISH_KINDS, { error: 'Choisissez : apprendre ou animer.' }),
    title: z
      .string({ error: 'Écrivez le sujet.' })
      .transform((s) => s.replace(/\0/g, '').trim())
      .pipe(z.string().min(3, 'Le sujet doit faire au moins 3 caractères.').max(200, 'Le sujet doit faire au plus 200 caractères.')),
    themes: z
      .array(z.enum(THEMES, { error: 'Cette thématique n’existe pas.' }), { error: 'Choisissez au moins une thématique.' })
      .min(1, 'Choisissez au moins une thématique.')
      .max(5, 'Choisissez 5 thématiques au plus.')
      .transform((t) => [...new Set(t)]),
    commune: z
      .string({ error: 'Indiquez votre commune.' })
      .trim()
      .min(2, 'Indiquez votre commune.')
      .max(100, 'Le nom de la commune doit faire au plus 100 caractères.'),
    // A mediator at the desk posts for someone (their account id).
    forUserId: z.uuid({ error: 'Cette personne n’existe pas.' }).optional(),
  })
  .strict();

export const wishListQuerySchema = z.object({
  kind: z.enum(WISH_KINDS).optional(),
  theme: z.enum(THEMES).optional(),
  commune: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export const wishViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(WISH_KINDS),
  title: z.string(),
  themes: z.array(z.string()),
  commune: z.string(),
  author: z.object({ name: z.string() }),
  meTooCount: z.int().describe('Nombre de « moi aussi » (l’auteur compte pour un)'),
  workshop: z.object({ slug: z.string(), title: z.string() }).nullable(),
  createdAt: z.string(),
});
