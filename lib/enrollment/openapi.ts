import { z } from 'zod';
import type { RouteDoc } from '@/lib/openapi/types';
import { cancelResultSchema, enrollInputSchema, enrollResultSchema, myEnrollmentsSchema } from './schema';

export const enrollmentRoutes: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/v1/sessions/{id}/enrollments',
    summary: 'S’inscrire à une séance, ou inscrire une personne (médiateur du lieu, coordination)',
    tag: 'Inscriptions',
    access: 'apprenant (soi-même) ; médiateur du lieu ou coordination pour `learnerId`',
    pathParams: ['id'],
    body: enrollInputSchema,
    responses: {
      201: { description: 'Inscription confirmée, ou sur liste d’attente avec sa position (jamais de surréservation).', schema: enrollResultSchema },
      400: { description: 'Données invalides (champs listés dans `errors`).' },
      401: { description: 'Connexion nécessaire.' },
      403: { description: 'Inscrire une autre personne est réservé aux médiateurs du lieu et à la coordination.' },
      404: { description: 'Séance ou personne inconnue.' },
      409: { description: 'Déjà inscrit, séance annulée ou passée, ou inscriptions closes.' },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/sessions/{id}/enrollments/me',
    summary: 'Annuler son inscription ou quitter la liste d’attente ; la première personne en attente est confirmée',
    tag: 'Inscriptions',
    access: 'apprenant, jusqu’au début de la séance',
    pathParams: ['id'],
    responses: {
      200: { description: 'Inscription annulée ; `promoted` personnes confirmées depuis la liste d’attente.', schema: cancelResultSchema },
      401: { description: 'Connexion nécessaire.' },
      404: { description: 'Séance inconnue, ou pas d’inscription à cette séance.' },
      409: { description: 'La séance a commencé.' },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/sessions/{id}/enrollments/{userId}',
    summary: 'Annuler l’inscription d’une personne ; la première personne en attente est confirmée et la personne est prévenue',
    tag: 'Inscriptions',
    access: 'médiateur du lieu, coordination',
    pathParams: ['id', 'userId'],
    responses: {
      200: { description: 'Inscription annulée.', schema: cancelResultSchema },
      401: { description: 'Connexion nécessaire.' },
      403: { description: 'Réservé aux médiateurs du lieu et à la coordination.' },
      404: { description: 'Séance ou personne inconnue, ou pas d’inscription.' },
      409: { description: 'La séance est terminée.' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/me/enrollments',
    summary: 'Mes inscriptions : à venir (confirmées ou en attente, avec la position) et passées',
    tag: 'Inscriptions',
    access: 'apprenant',
    responses: {
      200: { description: 'Inscriptions de la personne connectée.', schema: myEnrollmentsSchema },
      401: { description: 'Connexion nécessaire.' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/me/calendar/{token}.ics',
    summary: 'Agenda privé (iCalendar) des séances où je suis inscrit ; le lien secret se crée dans Mon espace',
    tag: 'Inscriptions',
    access: 'le détenteur du lien secret (sans cookie)',
    pathParams: ['token'],
    responses: {
      200: { description: 'Le calendrier.', schema: z.string(), contentType: 'text/calendar' },
      404: { description: 'Lien inconnu ou supprimé.' },
    },
  },
];
