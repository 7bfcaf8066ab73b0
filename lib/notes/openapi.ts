import { z } from 'zod';
import type { RouteDoc } from '@/lib/openapi/types';
import { noteInputSchema, noteListQuerySchema, noteListSchema, notePatchSchema, noteReportSchema, noteViewSchema } from './schema';

const tag = 'Carnet (notes de partage)';

export const noteRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/notes',
    summary: 'Les notes que vous pouvez lire (questions avec leurs réponses), les plus récentes d’abord ou les plus pertinentes avec `q`, 20 par page',
    tag,
    access: 'selon la visibilité de chaque note (public, réseau, participants, moi seul) ; une note masquée n’apparaît que pour l’équipe du lieu',
    query: noteListQuerySchema,
    responses: { 200: { description: 'Une page de notes.', schema: noteListSchema }, 400: { description: 'Filtres invalides.' } },
  },
  {
    method: 'post',
    path: '/api/v1/notes',
    summary: 'Écrire une note, une question ou une réponse (`parentId` : un seul niveau ; la réponse suit la visibilité de la question)',
    tag,
    access: 'personne inscrite (confirmée) ou venue à une séance de l’atelier, ses animateurs, l’équipe d’un lieu qui l’anime',
    body: noteInputSchema,
    responses: {
      201: { description: 'La note.', schema: noteViewSchema },
      400: { description: 'Données invalides (champs listés dans `errors`).' },
      401: { description: 'Connexion nécessaire.' },
      403: { description: 'Vous n’avez pas participé à cet atelier.' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/notes/{id}',
    summary: 'Une note et ses réponses',
    tag,
    access: 'selon la visibilité de la note',
    pathParams: ['id'],
    responses: { 200: { description: 'La note.', schema: noteViewSchema }, 404: { description: 'Note inconnue ou non visible.' } },
  },
  {
    method: 'patch',
    path: '/api/v1/notes/{id}',
    summary: 'Modifier (auteur : `body`, `visibility`), masquer ou rétablir (équipe du lieu : `hidden`, `hiddenReason`), ou dire « ça m’a aidé » (`helped`, sur une réponse à sa question)',
    tag,
    access: 'auteur ; équipe du lieu pour masquer ou rétablir',
    pathParams: ['id'],
    body: notePatchSchema,
    responses: {
      200: { description: 'La note.', schema: noteViewSchema },
      400: { description: 'Données invalides.' },
      401: { description: 'Connexion nécessaire.' },
      403: { description: 'Droit manquant.' },
      404: { description: 'Note inconnue ou non visible.' },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/notes/{id}',
    summary: 'Supprimer sa note (et ses réponses)',
    tag,
    access: 'auteur',
    pathParams: ['id'],
    responses: { 204: { description: 'Supprimée.' }, 401: { description: 'Connexion nécessaire.' }, 403: { description: 'Ce n’est pas votre note.' }, 404: { description: 'Note inconnue.' } },
  },
  {
    method: 'post',
    path: '/api/v1/notes/{id}/reports',
    summary: 'Signaler une note : `spam`, `inappropriate` (propos déplacés), `personal-data` (données personnelles), `error` (erreur)',
    tag,
    access: 'personne connectée qui peut lire la note',
    pathParams: ['id'],
    body: noteReportSchema,
    responses: {
      201: { description: 'Signalement enregistré.', schema: z.object({ created: z.literal(true) }) },
      200: { description: 'Déjà signalée par vous.', schema: z.object({ created: z.literal(false) }) },
      400: { description: 'Raison invalide.' },
      401: { description: 'Connexion nécessaire.' },
      404: { description: 'Note inconnue ou non visible.' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/notes/{id}/useful',
    summary: 'Dire qu’une note est utile (une fois par personne)',
    tag,
    access: 'personne connectée qui peut lire la note (pas l’auteur)',
    pathParams: ['id'],
    responses: {
      201: { description: 'Vote compté.', schema: z.object({ usefulCount: z.int(), created: z.boolean() }) },
      200: { description: 'Déjà compté.', schema: z.object({ usefulCount: z.int(), created: z.boolean() }) },
      401: { description: 'Connexion nécessaire.' },
      403: { description: 'Votre propre note.' },
      404: { description: 'Note inconnue ou non visible.' },
    },
  },
];
