import { z } from 'zod';
import type { RouteDoc } from '@/lib/openapi/types';
import { requestResetSchema } from './password-reset-schema';
import { createAccountSchema } from './schema';

const accountView = z.object({ id: z.uuid(), name: z.string(), email: z.email().nullable(), phone: z.string().nullable().optional().describe('Pour un compte sans e-mail') });

export const accountRoutes: RouteDoc[] = [
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
];
