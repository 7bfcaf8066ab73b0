import { z } from 'zod';
import type { RouteDoc } from '@/lib/openapi/types';
import { directoryFilterSchema, placeView, placesQuerySchema, standardRowView } from './schema';

export const placeRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/places',
    summary: 'Les lieux du réseau (pour les applications), ou leurs lignes du standard national avec format=standard',
    tag: 'Lieux',
    access: 'tout le monde',
    query: placesQuerySchema,
    responses: {
      200: {
        description:
          'Sans format : `{ items }`, les lieux triés par commune. Avec `format=standard` : un tableau de lignes du standard national des lieux de médiation numérique (listes séparées par « | », date_maj en AAAA-MM-JJ, téléphone au format +33).',
        schema: z.union([z.object({ items: z.array(placeView) }), z.array(standardRowView)]),
      },
      400: { description: 'Paramètre invalide (par exemple un format inconnu).' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/places.csv',
    summary: 'Les lieux du réseau en CSV, au format du standard national des lieux de médiation numérique',
    tag: 'Lieux',
    access: 'tout le monde',
    query: directoryFilterSchema,
    responses: {
      200: {
        description: 'Fichier CSV (UTF-8, séparateur virgule, cellules entre guillemets), une ligne d’en-tête puis une ligne par lieu.',
        contentType: 'text/csv',
        schema: z.string(),
      },
      400: { description: 'Paramètre invalide.' },
    },
  },
];
