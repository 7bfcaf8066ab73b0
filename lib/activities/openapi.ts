import { z } from 'zod';
import type { RouteDoc } from '@/lib/openapi/types';
import { activityInputSchema, activityListQuerySchema, activityViewSchema } from './schema';

const listItem = z.object({
  id: z.uuid(),
  kind: z.enum(['individual', 'collective']),
  date: z.iso.date(),
  durationMinutes: z.int(),
  placeName: z.string().nullable(),
  title: z.string().nullable(),
  learnerName: z.string().nullable(),
  themes: z.array(z.string()),
  participantCount: z.int(),
  mediatorName: z.string(),
  mine: z.boolean(),
  sessionId: z.uuid().nullable(),
  canChange: z.boolean(),
});

const row = z.object({ key: z.string(), label: z.string().optional(), value: z.int() });
const rate = z.number().min(0).max(1).nullable();

// The shape of GET /api/v1/stats (lib/stats/impact.ts defines each figure).
const statsView = z.object({
  scope: z.object({ kind: z.enum(['network', 'place', 'mediator']) }).loose(),
  period: z.object({ from: z.iso.date(), to: z.iso.date() }),
  activities: z.object({ total: z.int(), individual: z.int(), collective: z.int() }),
  minutes: z.int(),
  people: z.object({ total: z.int(), known: z.int(), anonymous: z.int() }),
  newLearners: z.int(),
  sessions: z.object({
    held: z.int(),
    seatsOffered: z.int(),
    confirmedSignups: z.int(),
    present: z.int(),
    late: z.int(),
    excused: z.int(),
    absent: z.int(),
    fillRate: rate,
    attendanceRate: rate,
    noShowRate: rate,
  }),
  distributions: z.object({
    theme: z.array(row),
    gender: z.array(row),
    ageBand: z.array(row),
    socialStatus: z.array(row),
    commune: z.array(row),
    durationBand: z.array(row),
    place: z.array(row),
  }),
  months: z.array(z.object({ month: z.string().describe('AAAA-MM'), individual: z.int(), collective: z.int(), minutes: z.int() })),
});

const statsQuery = z.object({
  from: z.iso.date().optional().describe('Premier jour inclus (AAAA-MM-JJ) ; par défaut, les 12 derniers mois'),
  to: z.iso.date().optional().describe('Dernier jour inclus (AAAA-MM-JJ) ; par défaut, aujourd’hui'),
  place: z.string().optional().describe('Identifiant (slug) du lieu ; sans lieu : le réseau (coordination) ou mes activités et mes lieux (médiateur)'),
});

export const activityRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/activities',
    summary: 'Le journal des activités (comptes rendus), les plus récentes d’abord, 50 par page',
    tag: 'Activités',
    access: 'médiateur (ses activités et celles de ses lieux), coordination (toutes)',
    query: activityListQuerySchema,
    responses: {
      200: { description: 'Une page d’activités.', schema: z.object({ items: z.array(listItem), total: z.int(), page: z.int(), pageSize: z.int() }) },
      400: { description: 'Filtres invalides.' },
      401: { description: 'Connexion nécessaire.' },
      403: { description: 'Ce lieu n’est pas l’un des vôtres.' },
      404: { description: 'Lieu inconnu.' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/activities',
    summary: 'Enregistrer une activité : accompagnement individuel ou atelier collectif (éventuellement depuis une séance clôturée)',
    tag: 'Activités',
    access: 'médiateur (dans ses lieux), coordination',
    body: activityInputSchema,
    responses: {
      201: { description: 'Activité enregistrée.', schema: activityViewSchema },
      400: { description: 'Données invalides (champs listés dans `errors`).' },
      401: { description: 'Connexion nécessaire.' },
      403: { description: 'Droit d’enregistrer des activités manquant.' },
      409: { description: 'Séance non clôturée, ou déjà enregistrée (`activityId` donne l’activité existante).' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/stats',
    summary: 'Statistiques d’activité pour une période : chiffres clés, répartitions, tendance mensuelle',
    tag: 'Statistiques',
    access: 'médiateur (ses activités et ses lieux), coordination (tout lieu ou tout le réseau)',
    query: statsQuery,
    responses: {
      200: { description: 'Les statistiques.', schema: statsView },
      400: { description: 'Période invalide.' },
      401: { description: 'Connexion nécessaire.' },
      403: { description: 'Ce lieu n’est pas l’un des vôtres.' },
      404: { description: 'Lieu inconnu.' },
    },
  },
];
