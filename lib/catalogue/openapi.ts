import type { RouteDoc } from '@/lib/openapi/types';
import { catalogueView, sessionView, workshopView } from './api-views';
import { catalogueQuerySchema } from './search-schema';

export const catalogueRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/workshops',
    summary: 'Le catalogue : ateliers publiés et leurs prochaines séances, par pertinence quand on cherche des mots',
    tag: 'Catalogue',
    access: 'tout le monde',
    query: catalogueQuerySchema,
    responses: {
      200: { description: 'Une page d’ateliers (12 par page).', schema: catalogueView },
      400: { description: 'Critère de recherche invalide (champs listés dans `errors`).' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/workshops/{slug}',
    summary: 'Un atelier publié, ses lieux, ses séances à venir et le nombre de séances passées',
    tag: 'Catalogue',
    access: 'tout le monde',
    pathParams: ['slug'],
    responses: {
      200: { description: 'L’atelier.', schema: workshopView },
      404: { description: 'Aucun atelier publié ne porte cet identifiant.' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/sessions/{id}',
    summary: 'Une séance : horaires, lieu, animateurs, places et inscrits',
    tag: 'Catalogue',
    access: 'tout le monde',
    pathParams: ['id'],
    responses: {
      200: { description: 'La séance, avec `capacity`, `confirmedCount` et `waitlistCount`.', schema: sessionView },
      404: { description: 'Aucune séance avec cet identifiant.' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/sessions/{id}.ics',
    summary: 'Une séance au format iCalendar, pour l’ajouter à son agenda',
    tag: 'Catalogue',
    access: 'tout le monde',
    pathParams: ['id'],
    responses: {
      200: { description: 'Le fichier .ics (RFC 5545).', contentType: 'text/calendar' },
      404: { description: 'Aucune séance avec cet identifiant.' },
    },
  },
];
