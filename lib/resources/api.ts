import 'server-only';
import { z } from 'zod';
import { REPORT_REASONS, reportInputSchema } from '@/lib/moderation/reports';
import type { RouteDoc } from '@/lib/openapi/types';
import { toParisIso } from '@/lib/time';
import { AUDIENCES, LEVELS, LICENCES, RESOURCE_TYPES, RESOURCE_VISIBILITIES, THEMES } from '@/lib/vocabulary';
import type { ResourceDetail, ResourceListItem, ResourceSearchResult } from './reads';
import { createResourceSchema, ratingSchema, resourceSearchSchema, updateResourceSchema, workshopResourcesSchema } from './schema';

// What the JSON API sends for resources (DESIGN.md): codes, not labels; instants in ISO 8601
// with the Paris offset. The zod schemas document the answers in /api/v1/openapi.json.

const instant = z.iso.datetime({ offset: true });
export const resourceFileView = z.object({ id: z.uuid(), name: z.string(), contentType: z.string(), size: z.int(), url: z.string() });
export const storedFileView = resourceFileView.extend({ sha256: z.string().describe('SHA-256 du contenu, en hexadécimal.') });

export const resourceItemView = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  type: z.enum(RESOURCE_TYPES),
  themes: z.array(z.enum(THEMES)),
  audiences: z.array(z.enum(AUDIENCES)),
  level: z.enum(LEVELS).nullable(),
  licence: z.enum(LICENCES),
  visibility: z.enum(RESOURCE_VISIBILITIES),
  place: z.object({ slug: z.string(), name: z.string() }).nullable(),
  author: z.object({ name: z.string().nullable() }),
  files: z.array(resourceFileView),
  links: z.array(z.object({ url: z.string(), label: z.string() })),
  rating: z.object({ average: z.number().nullable().describe('De 1 (pas utile) à 4 (très utile).'), count: z.int() }),
  downloads: z.int().describe('Téléchargements, sans compter ceux de l’auteur.'),
  updatedAt: instant,
  toReview: z.boolean().describe('Pas relue depuis 18 mois.'),
});
export const resourceListView = z.object({ items: z.array(resourceItemView), total: z.int(), page: z.int(), pageCount: z.int() });
export const resourceDetailView = resourceItemView.extend({
  body: z.string().describe('Texte en Markdown.'),
  reviewedAt: instant,
  workshops: z.array(z.object({ slug: z.string(), title: z.string() })),
});

export function resourceItemJson(item: ResourceListItem): z.infer<typeof resourceItemView> {
  return {
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    type: item.type,
    themes: item.themes,
    audiences: item.audiences,
    level: item.level,
    licence: item.licence,
    visibility: item.visibility,
    place: item.place,
    author: item.author,
    files: item.files.map((f) => ({ id: f.id, name: f.name, contentType: f.contentType, size: f.size, url: f.url })),
    links: item.links,
    rating: item.rating,
    downloads: item.downloads,
    updatedAt: toParisIso(item.updatedAt),
    toReview: item.toReview,
  };
}

export const resourceListJson = (result: ResourceSearchResult) => ({ items: result.items.map(resourceItemJson), total: result.total, page: result.page, pageCount: result.pageCount });

export const resourceDetailJson = (detail: ResourceDetail): z.infer<typeof resourceDetailView> => ({
  ...resourceItemJson(detail),
  body: detail.body,
  reviewedAt: toParisIso(detail.reviewedAt),
  workshops: detail.workshops,
});

const tag = 'Ressources';
const visibilityRule = 'selon la visibilité (brouillon : auteur et équipe du lieu ; réseau : médiateurs, coordination et apprenants des ateliers qu’elle accompagne ; public : tout le monde)';

export const resourceRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/resources',
    summary: 'La ressourcerie : recherche en français et filtres',
    tag,
    access: visibilityRule,
    query: resourceSearchSchema,
    responses: { 200: { description: 'Une page de ressources (20 par page).', schema: resourceListView }, 400: { description: 'Critère invalide.' } },
  },
  {
    method: 'post',
    path: '/api/v1/resources',
    summary: 'Publier une ressource',
    tag,
    access: 'médiateur (ses lieux), coordination',
    body: createResourceSchema,
    responses: {
      201: { description: 'La ressource créée.', schema: resourceDetailView },
      400: { description: 'Champs invalides.' },
      401: { description: 'Connexion nécessaire.' },
      403: { description: 'Pas médiateur de ce lieu.' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/resources/{slug}',
    summary: 'Une ressource',
    tag,
    access: visibilityRule,
    pathParams: ['slug'],
    responses: { 200: { description: 'La ressource.', schema: resourceDetailView }, 404: { description: 'Introuvable ou pas visible.' } },
  },
  {
    method: 'patch',
    path: '/api/v1/resources/{slug}',
    summary: 'Modifier une ressource (chaque modification est une version)',
    tag,
    access: 'auteur, équipe du lieu de la ressource, coordination',
    pathParams: ['slug'],
    body: updateResourceSchema,
    responses: {
      200: { description: 'La ressource modifiée.', schema: resourceDetailView },
      400: { description: 'Champs invalides.' },
      403: { description: 'Pas le droit de la modifier.' },
      404: { description: 'Introuvable ou pas visible.' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/resources/{slug}/files',
    summary: 'Ajouter un fichier (multipart/form-data, champ `file`, 25 Mo au plus ; PDF, PNG, JPEG, WebP, GIF, ODT, DOCX, ODP, PPTX, ZIP)',
    tag,
    access: 'auteur, équipe du lieu de la ressource',
    pathParams: ['slug'],
    responses: {
      201: { description: 'Le fichier enregistré.', schema: storedFileView },
      400: { description: 'Pas de fichier.' },
      403: { description: 'Pas le droit de la modifier.' },
      404: { description: 'Introuvable ou pas visible.' },
      413: { description: 'Fichier trop lourd.' },
      415: { description: 'Type de fichier refusé (reconnu d’après son contenu, pas son nom).' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/resources/{slug}/files/{id}',
    summary: 'Télécharger un fichier (envoyé en flux)',
    tag,
    access: visibilityRule,
    pathParams: ['slug', 'id'],
    responses: { 200: { description: 'Le contenu du fichier, avec Content-Type et Content-Disposition.', contentType: 'application/octet-stream' }, 404: { description: 'Introuvable ou pas visible.' } },
  },
  {
    method: 'get',
    path: '/api/v1/resources/{slug}/files/{id}/preview',
    summary: 'Aperçu d’une image (vignette PNG)',
    tag,
    access: visibilityRule,
    pathParams: ['slug', 'id'],
    responses: { 200: { description: 'La vignette PNG de l’image.', contentType: 'image/png' }, 404: { description: 'Introuvable, pas visible, ou pas une image.' } },
  },
  {
    method: 'put',
    path: '/api/v1/resources/{slug}/rating',
    summary: 'Donner son avis : 1 pas utile, 2 peu utile, 3 utile, 4 très utile (un avis par personne, modifiable)',
    tag,
    access: 'personne connectée qui voit la ressource',
    pathParams: ['slug'],
    body: ratingSchema,
    responses: {
      200: { description: 'Le nouvel avis et la moyenne.', schema: z.object({ value: z.int(), average: z.number().nullable(), count: z.int() }) },
      400: { description: 'Note invalide.' },
      401: { description: 'Connexion nécessaire.' },
      404: { description: 'Introuvable ou pas visible.' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/resources/{slug}/reports',
    summary: `Signaler une ressource (raisons : ${REPORT_REASONS.resource.join(', ')})`,
    tag,
    access: 'personne connectée qui voit la ressource',
    pathParams: ['slug'],
    body: reportInputSchema('resource'),
    responses: {
      201: { description: 'Signalement enregistré (ou déjà fait).', schema: z.object({ created: z.boolean() }) },
      400: { description: 'Raison invalide.' },
      401: { description: 'Connexion nécessaire.' },
      404: { description: 'Introuvable ou pas visible.' },
    },
  },
  {
    method: 'put',
    path: '/api/v1/workshops/{slug}/resources',
    summary: 'Choisir les supports d’un atelier (liste ordonnée de ressources)',
    tag,
    access: 'équipe des lieux de l’atelier, coordination',
    pathParams: ['slug'],
    body: workshopResourcesSchema,
    responses: {
      200: { description: 'Les supports retenus.', schema: workshopResourcesSchema },
      400: { description: 'Ressource inconnue.' },
      403: { description: 'Pas de l’équipe de l’atelier.' },
      404: { description: 'Atelier introuvable.' },
    },
  },
];
