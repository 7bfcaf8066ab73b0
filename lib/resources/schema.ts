import { z } from 'zod';
import { AUDIENCES, LEVELS, LICENCES, RESOURCE_TYPES, RESOURCE_VISIBILITIES, THEMES } from '@/lib/vocabulary';

// What a resource is made of, as forms and the API send it (codes, not labels).

const noNul = (s: string) => !s.includes('\0');
const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).refine(noNul, 'Ce texte contient un caractère interdit.');

export const linkSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, 'Adresse trop longue.')
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    }, 'Donnez une adresse web complète, commençant par https://.'),
  label: text(160, 'Le nom du lien est trop long (160 caractères au plus).').pipe(z.string().min(1, 'Donnez un nom au lien.')),
});

export const resourceFields = {
  title: text(160, 'Le titre est trop long (160 caractères au plus).').pipe(z.string().min(3, 'Le titre doit faire au moins 3 caractères.')),
  summary: text(500, 'Le résumé est trop long (500 caractères au plus).'),
  body: text(20_000, 'Le texte est trop long (20 000 caractères au plus).'),
  type: z.enum(RESOURCE_TYPES, { message: 'Choisissez un type de ressource.' }),
  themes: z.array(z.enum(THEMES, { message: 'Thématique inconnue.' })).max(6, 'Six thématiques au plus.'),
  audiences: z.array(z.enum(AUDIENCES, { message: 'Public inconnu.' })).max(10),
  level: z.enum(LEVELS, { message: 'Niveau inconnu.' }).nullable(),
  licence: z.enum(LICENCES, { message: 'Choisissez une licence.' }),
  visibility: z.enum(RESOURCE_VISIBILITIES, { message: 'Choisissez qui peut voir la ressource.' }),
  // The slug of its place.
  place: z.string().trim().min(1, 'Choisissez un lieu.').max(200),
  links: z.array(linkSchema).max(10, 'Dix liens au plus.'),
};

export const createResourceSchema = z
  .object({
    ...resourceFields,
    summary: resourceFields.summary.default(''),
    body: resourceFields.body.default(''),
    themes: resourceFields.themes.default([]),
    audiences: resourceFields.audiences.default([]),
    level: resourceFields.level.default(null),
    visibility: resourceFields.visibility.default('draft'),
    links: resourceFields.links.default([]),
  })
  .strict();
export type CreateResourceInput = z.input<typeof createResourceSchema>;

// `reviewed: true` marks the resource as reviewed today (the form's "Je l'ai relue").
export const updateResourceSchema = z
  .object({ ...resourceFields, reviewed: z.boolean() })
  .partial()
  .strict();
export type UpdateResourceInput = z.input<typeof updateResourceSchema>;

export const RESOURCE_SORTS = ['recent', 'useful', 'downloads'] as const;
export type ResourceSort = (typeof RESOURCE_SORTS)[number];
export const RESOURCE_PAGE_SIZE = 20;

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

export const resourceSearchSchema = z.object({
  q: z.string().trim().max(200, 'Recherche trop longue.').optional(),
  theme: oneOrMany(z.enum(THEMES, { message: 'Thématique inconnue.' })).optional(),
  type: oneOrMany(z.enum(RESOURCE_TYPES, { message: 'Type inconnu.' })).optional(),
  audience: oneOrMany(z.enum(AUDIENCES, { message: 'Public inconnu.' })).optional(),
  level: oneOrMany(z.enum(LEVELS, { message: 'Niveau inconnu.' })).optional(),
  licence: oneOrMany(z.enum(LICENCES, { message: 'Licence inconnue.' })).optional(),
  place: z.string().trim().max(200).optional(),
  sort: z.enum(RESOURCE_SORTS, { message: 'Tri inconnu.' }).optional(),
  page: z.coerce.number({ message: 'Page invalide.' }).int('Page invalide.').min(1, 'Page invalide.').max(10_000, 'Page invalide.').optional(),
});
export type ResourceSearch = z.infer<typeof resourceSearchSchema>;

export const ratingSchema = z.object({ value: z.number({ message: 'Donnez une note de 1 à 4.' }).int('Donnez une note de 1 à 4.').min(1, 'Donnez une note de 1 à 4.').max(4, 'Donnez une note de 1 à 4.') }).strict();

export const workshopResourcesSchema = z
  .object({ resources: z.array(z.string().trim().min(1).max(200), { message: 'Donnez la liste des ressources.' }).max(50, '50 ressources au plus.') })
  .strict();
