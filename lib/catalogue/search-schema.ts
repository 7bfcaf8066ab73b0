import 'server-only';
import { z } from 'zod';
import { parseParisDate } from '@/lib/time';
import { LEVELS, THEMES } from '@/lib/vocabulary';

// The catalogue's search and filters, shared by /ateliers (GET form, so the URL holds them),
// GET /api/v1/workshops and the OpenAPI document. Empty values are dropped before parsing
// (see queryInput), so every field is simply optional here.

export const CATALOGUE_PAGE_SIZE = 12;

const parisDate = (label: string) =>
  z
    .string()
    .refine((value) => parseParisDate(value) !== null, `${label} n’est pas une date valide. Exemple : 2026-12-01.`)
    .meta({ format: 'date', description: `${label}, jour du calendrier à Paris (AAAA-MM-JJ).` });

// Control characters (a NUL byte above all) cannot reach PostgreSQL text.
const printable = (schema: z.ZodString) => schema.regex(/^[^\u0000-\u001f\u007f]*$/, 'Ce texte contient des caractères qui ne sont pas permis.');

export const catalogueQuerySchema = z
  .object({
    q: printable(z.string().trim().max(100, 'La recherche doit faire au plus 100 caractères.')).optional().meta({ description: 'Mots cherchés (accents et petites fautes pardonnés).' }),
    theme: z.enum(THEMES, { error: 'Cette thématique n’existe pas.' }).optional().meta({ description: 'Code de thématique.' }),
    level: z.enum(LEVELS, { error: 'Ce niveau n’existe pas : débutant (beginner), intermédiaire (intermediate) ou avancé (advanced).' }).optional(),
    place: printable(z.string().trim().max(120, 'Le lieu doit faire au plus 120 caractères.')).optional().meta({ description: 'Identifiant (slug) d’un lieu, ou nom d’une commune.' }),
    from: parisDate('La date de début').optional(),
    to: parisDate('La date de fin').optional(),
    seats: z.stringbool({ error: 'Indiquez 1 (seulement les séances avec des places) ou 0.' }).optional().meta({ description: '1 : seulement les séances où il reste des places.' }),
    page: z.coerce.number({ error: 'Le numéro de page doit être un nombre.' }).int('Le numéro de page doit être un nombre entier.').min(1, 'Le numéro de page commence à 1.').max(1000, 'Le numéro de page doit être au plus 1000.').default(1),
  })
  .check((ctx) => {
    const { from, to } = ctx.value;
    if (from && to && to < from) ctx.issues.push({ code: 'custom', input: to, path: ['to'], message: 'La date de fin doit être le même jour ou après la date de début.' });
  });

export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;
export type CatalogueQueryField = keyof CatalogueQuery;

// URL search parameters (or Next.js searchParams) as a plain object: first value of each key,
// empty values dropped, so "?theme=&q=tablette" means "no theme".
export function queryInput(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : v === undefined ? [] : [[k, v] as const]));
  for (const [key, value] of entries) {
    if (key in out || value.trim() === '') continue;
    out[key] = value;
  }
  return out;
}
