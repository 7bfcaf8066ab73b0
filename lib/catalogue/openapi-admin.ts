import { z } from 'zod';
import type { RouteDoc } from '@/lib/openapi/types';
import { AUDIENCES, LEVELS, THEMES } from '@/lib/vocabulary';
import { cancelSessionSchema, createWorkshopSchema, scheduleSessionSchema, updateSessionSchema, updateWorkshopSchema, WORKSHOP_STATUSES } from './schema';

// The staff writes on the catalogue (issue 3, item 7), documented from the schemas they parse.

const placeRef = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), commune: z.string() });

const workshopView = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  themes: z.array(z.enum(THEMES)),
  level: z.enum(LEVELS),
  durationMinutes: z.int(),
  audiences: z.array(z.enum(AUDIENCES)),
  prerequisites: z.string(),
  toBring: z.string(),
  status: z.enum(WORKSHOP_STATUSES),
  places: z.array(placeRef),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});

const sessionView = z.object({
  id: z.uuid(),
  workshopId: z.uuid(),
  workshopSlug: z.string(),
  workshopTitle: z.string(),
  placeId: z.uuid(),
  placeName: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  capacity: z.int(),
  status: z.enum(['scheduled', 'cancelled', 'done']),
  seriesId: z.uuid().nullable(),
  signupCutoffHours: z.int(),
  confirmedCount: z.int(),
  waitlistCount: z.int(),
  trainers: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

const errors = {
  400: { description: 'Données invalides (champs listés dans `errors`).' },
  401: { description: 'Connexion nécessaire.' },
  403: { description: 'Vous n’intervenez pas dans ce lieu (ou pas dans un des lieux de cet atelier).' },
} as const;

export const catalogueAdminRoutes: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/v1/workshops',
    summary: 'Créer un atelier (en brouillon par défaut)',
    tag: 'Catalogue (équipes)',
    access: 'médiateur (tous les lieux choisis doivent être les siens), coordination',
    body: createWorkshopSchema,
    responses: { 201: { description: 'Atelier créé ; son adresse (slug) est tirée du titre.', schema: workshopView }, ...errors },
  },
  {
    method: 'patch',
    path: '/api/v1/workshops/{slug}',
    summary: 'Modifier, publier ou archiver un atelier',
    tag: 'Catalogue (équipes)',
    access: 'médiateur d’un des lieux de l’atelier (il n’ajoute ou ne retire que ses lieux), coordination',
    pathParams: ['slug'],
    body: updateWorkshopSchema,
    responses: {
      200: { description: 'Atelier modifié.', schema: workshopView },
      ...errors,
      404: { description: 'Atelier inconnu.' },
      409: { description: 'Archivage ou retrait d’un lieu refusé : des séances sont encore à venir.' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/workshops/{slug}/sessions',
    summary: 'Programmer une séance, ou une série qui se répète (heure de Paris)',
    tag: 'Catalogue (équipes)',
    access: 'médiateur du lieu de la séance, coordination',
    pathParams: ['slug'],
    body: scheduleSessionSchema,
    responses: {
      201: {
        description: 'Séances créées (100 au plus). Une série partage le même `seriesId`.',
        schema: z.object({ seriesId: z.uuid().nullable(), sessions: z.array(sessionView) }),
      },
      ...errors,
      404: { description: 'Atelier inconnu.' },
      409: { description: 'L’atelier est archivé.' },
    },
  },
  {
    method: 'patch',
    path: '/api/v1/sessions/{id}',
    summary: 'Modifier une séance, ou l’annuler avec { "status": "cancelled" } (les inscriptions sont gardées, annulées)',
    tag: 'Catalogue (équipes)',
    access: 'médiateur du lieu de la séance, coordination',
    pathParams: ['id'],
    body: z.union([updateSessionSchema, cancelSessionSchema]),
    responses: {
      200: { description: 'Séance modifiée ou annulée.', schema: sessionView.extend({ cancelledEnrollments: z.int().optional() }) },
      ...errors,
      404: { description: 'Séance inconnue.' },
      409: { description: 'Capacité sous le nombre d’inscrits, ou séance déjà annulée ou passée.' },
    },
  },
];
