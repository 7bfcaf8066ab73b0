import { z } from 'zod';
import type { RouteDoc } from '@/lib/openapi/types';

const rows = (description: string) => z.array(z.record(z.string(), z.unknown())).describe(description);

export const personExportSchema = z
  .object({
    exportedAt: z.string().describe('Date de l’export (ISO 8601)'),
    profile: z.object({
      id: z.uuid(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      commune: z.string().nullable(),
      locale: z.string(),
      createdAt: z.string(),
      createdAtTheDeskBy: z.string().nullable(),
      claimedAt: z.string().nullable(),
      hasPassword: z.boolean(),
      calendarFeed: z.boolean(),
      lastActiveAt: z.string().nullable(),
      disabled: z.boolean(),
    }),
    consents: z.array(z.object({ at: z.string(), version: z.string().nullable(), given: z.enum(['at-the-desk', 'online']) })),
    claimCodes: z.array(z.object({ action: z.string(), at: z.string() })).describe('Codes de rattachement donnés au guichet'),
    certificates: z.array(z.object({ sessionId: z.uuid(), workshop: z.string(), code: z.string(), url: z.string() })),
    enrollments: rows('Inscriptions aux séances'),
    attendance: rows('Présences (émargement)'),
    notes: rows('Notes de partage écrites'),
    roles: rows('Rôles'),
    staffedPlaces: rows('Lieux où la personne est médiatrice'),
    trainedSessions: rows('Séances animées'),
    activities: rows('Comptes rendus d’activité qui la concernent'),
    resources: rows('Ressources publiées'),
    reports: rows('Signalements faits'),
    accessibilityReports: rows('Signalements d’accessibilité'),
    messages: rows('Messages envoyés (sans leur texte)'),
    passwordResets: rows('Demandes de nouveau mot de passe'),
    auditEntries: rows('Journal des actions faites par la personne ou sur son compte (1000 dernières)'),
  })
  .catchall(z.unknown());

export const privacyRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/me',
    summary: 'Qui est connecté : nom et espaces ouverts',
    tag: 'Mes données',
    access: 'apprenant (connecté)',
    responses: {
      200: {
        description: 'La personne connectée et les espaces du site qu’elle peut ouvrir, dans l’ordre du menu.',
        schema: z.object({
          id: z.string().uuid(),
          name: z.string(),
          spaces: z.array(z.object({ code: z.enum(['myspace', 'mediation', 'coordination', 'admin']), href: z.string() })),
        }),
      },
      401: { description: 'Connexion nécessaire.' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/me/export',
    summary: 'Toutes mes données, en JSON',
    tag: 'Mes données',
    access: 'apprenant (connecté)',
    responses: {
      200: { description: 'Tout ce que Comptoir garde sur la personne connectée.', schema: personExportSchema },
      401: { description: 'Connexion nécessaire.' },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/me',
    summary: 'Supprimer mon compte (les données sont effacées ou anonymisées)',
    tag: 'Mes données',
    access: 'apprenant (connecté)',
    body: z.object({ password: z.string().describe('Mot de passe du compte, pour confirmer') }),
    responses: {
      204: { description: 'Compte supprimé.' },
      400: { description: 'Mot de passe absent ou faux.' },
      401: { description: 'Connexion nécessaire.' },
      409: { description: 'Seul administrateur : nommer d’abord un autre administrateur.' },
      429: { description: 'Trop d’essais ; réessayez plus tard.' },
    },
  },
];
