import { z } from 'zod';
import type { RouteDoc } from '@/lib/openapi/types';
import { updateAccountSchema } from './admin-schema';
import { requestResetSchema } from './password-reset-schema';
import { createAccountSchema } from './schema';

const accountView = z.object({ id: z.uuid(), name: z.string(), email: z.email().nullable(), phone: z.string().nullable().optional().describe('Pour un compte sans e-mail') });

export const accountRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'Ce document : toutes les routes de l’API, décrites à partir de leurs schémas',
    tag: 'Service',
    access: 'tout le monde',
    responses: { 200: { description: 'Le document OpenAPI 3.1.', schema: z.record(z.string(), z.unknown()) } },
  },
  {
    method: 'get',
    path: '/api/health',
    summary: 'État du service : 200 si la base de données répond, 503 sinon',
    tag: 'Service',
    access: 'tout le monde',
    responses: {
      200: { description: 'Le service et la base de données répondent.', schema: z.object({ status: z.literal('ok'), database: z.literal('up'), latencyMs: z.number() }) },
      503: { description: 'La base de données ne répond pas.', schema: z.object({ status: z.literal('error'), database: z.literal('down') }), contentType: 'application/json' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/accounts',
    summary: 'Créer un compte apprenant',
    tag: 'Comptes',
    access: 'tout le monde',
    body: createAccountSchema,
    responses: {
      201: { description: 'Compte créé.', schema: accountView },
      400: { description: 'Données invalides (champs listés dans `errors`).' },
      409: { description: 'Un compte existe déjà avec cette adresse e-mail (ou ce numéro, pour un compte sans e-mail).' },
      429: { description: 'Trop de comptes créés depuis cette adresse ; réessayez plus tard.' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/password-resets',
    summary: 'Demander un lien pour choisir un nouveau mot de passe',
    tag: 'Comptes',
    access: 'tout le monde',
    body: requestResetSchema,
    responses: {
      202: { description: 'Toujours la même réponse, que l’adresse soit connue ou non ; si elle l’est, un lien valable une heure et une seule fois est envoyé.', schema: z.object({ status: z.literal('accepted'), detail: z.string() }) },
      400: { description: 'Adresse e-mail invalide.' },
      429: { description: 'Trop de demandes ; réessayez plus tard.' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/admin/accounts',
    summary: 'Chercher des comptes (nom, e-mail, téléphone)',
    tag: 'Administration',
    access: 'admin',
    query: z.object({ q: z.string().optional().describe('Nom, e-mail ou numéro'), page: z.coerce.number().int().positive().optional() }),
    responses: {
      200: {
        description: 'Comptes, 25 par page.',
        schema: z.object({
          items: z.array(
            z.object({
              id: z.uuid(),
              name: z.string(),
              email: z.string().nullable(),
              phone: z.string().nullable(),
              roles: z.array(z.enum(['learner', 'mediator', 'coordinator', 'admin'])),
              places: z.array(z.string()),
              disabled: z.boolean(),
              erased: z.boolean(),
              createdAt: z.string(),
              lastActiveAt: z.string().nullable(),
            }),
          ),
          total: z.number().int(),
          page: z.number().int(),
          pageCount: z.number().int(),
        }),
      },
      401: { description: 'Connexion nécessaire.' },
      403: { description: 'Réservé aux administrateurs.' },
    },
  },
  {
    method: 'patch',
    path: '/api/v1/admin/accounts/{id}',
    summary: 'Changer les rôles du réseau d’un compte, le désactiver ou le réactiver',
    tag: 'Administration',
    access: 'admin',
    pathParams: ['id'],
    body: updateAccountSchema,
    responses: {
      200: { description: 'Rôles et état du compte après le changement.', schema: z.object({ id: z.uuid(), roles: z.array(z.string()), disabled: z.boolean() }) },
      400: { description: 'Données invalides.' },
      401: { description: 'Connexion nécessaire.' },
      403: { description: 'Réservé aux administrateurs.' },
      404: { description: 'Compte inconnu.' },
      409: { description: 'Le dernier administrateur ne peut pas perdre son rôle ; on ne se désactive pas soi-même.' },
    },
  },
];
