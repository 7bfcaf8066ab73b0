import { z } from 'zod';
import type { RouteDoc } from '@/lib/openapi/types';
import { wishInputSchema, wishListQuerySchema, wishViewSchema } from './schema';

const tag = 'Envies et propositions';
const meTooAnswer = z.object({ meTooCount: z.int(), created: z.boolean() });

export const wishRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/wishes',
    summary: 'Les envies (« Je voudrais apprendre… », kind `learn`) et propositions (« Je peux animer… », kind `teach`), les plus demandées d’abord, 30 par page',
    tag,
    access: 'tout le monde',
    query: wishListQuerySchema,
    responses: { 200: { description: 'Une page d’envies.', schema: z.object({ items: z.array(wishViewSchema), total: z.int() }) }, 400: { description: 'Filtres invalides.' } },
  },
  {
    method: 'post',
    path: '/api/v1/wishes',
    summary: 'Proposer une envie ou une animation (un médiateur peut la poster pour quelqu’un avec `forUserId`)',
    tag,
    access: 'personne connectée',
    body: wishInputSchema,
    responses: {
      201: { description: 'Envie enregistrée.', schema: z.object({ id: z.uuid() }) },
      400: { description: 'Données invalides (champs listés dans `errors`).' },
      401: { description: 'Connexion nécessaire.' },
      403: { description: 'Poster pour quelqu’un d’autre est réservé aux médiateurs.' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/wishes/{id}/me-too',
    summary: 'Dire « moi aussi » (compté une fois par personne)',
    tag,
    access: 'personne connectée',
    pathParams: ['id'],
    responses: {
      201: { description: 'Compté.', schema: meTooAnswer },
      200: { description: 'Déjà compté.', schema: meTooAnswer },
      401: { description: 'Connexion nécessaire.' },
      404: { description: 'Envie inconnue.' },
    },
  },
];
