import { z } from 'zod';
import type { RouteDoc } from '@/lib/openapi/types';
import { attendanceStatusSchema, markAttendanceSchema } from './schema';

const counts = z.object({
  confirmed: z.int(),
  present: z.int(),
  late: z.int(),
  excused: z.int(),
  absent: z.int(),
  unmarked: z.int(),
  walkIns: z.int(),
});

// The shape of lib/attendance/views.ts toRosterView.
export const rosterViewSchema = z.object({
  session: z.object({
    id: z.uuid(),
    workshopTitle: z.string(),
    placeId: z.uuid(),
    placeName: z.string(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    capacity: z.int(),
    status: z.enum(['scheduled', 'cancelled', 'done']),
    closedAt: z.iso.datetime({ offset: true }).nullable(),
    selfCheckIn: z.boolean(),
    walkInsAllowed: z.boolean(),
    trainers: z.array(z.string()),
  }),
  counts,
  people: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      status: attendanceStatusSchema,
      walkIn: z.boolean().describe('Venu sans inscription.'),
      enrolled: z.boolean().describe('Inscription confirmée à cette séance.'),
      markedAt: z.iso.datetime({ offset: true }).nullable(),
      noShows: z.int().describe('Absences sans prévenir à d’autres séances des lieux de la personne qui consulte.'),
    }),
  ),
  waitlist: z.array(z.object({ personId: z.uuid(), name: z.string(), position: z.int() })),
});

const staffOnly = 'médiateur du lieu de la séance, coordination';
const common = {
  401: { description: 'Connexion nécessaire.' },
  403: { description: 'Réservé à l’équipe du lieu de la séance et à la coordination.' },
  404: { description: 'Séance inconnue.' },
};

export const attendanceRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/sessions/{id}/attendance',
    summary: 'Émargement d’une séance : inscrits confirmés, personnes venues sans inscription, liste d’attente et chiffres',
    tag: 'Émargement',
    access: staffOnly,
    pathParams: ['id'],
    query: z.object({ format: z.enum(['json', 'csv']).optional().describe('csv : la même liste pour un tableur.') }),
    responses: { 200: { description: 'La liste d’émargement.', schema: rosterViewSchema }, ...common },
  },
  {
    method: 'put',
    path: '/api/v1/sessions/{id}/attendance',
    summary: 'Noter la présence d’une ou plusieurs personnes de la liste',
    tag: 'Émargement',
    access: staffOnly,
    pathParams: ['id'],
    body: markAttendanceSchema,
    responses: {
      200: { description: 'La liste après enregistrement. Chaque changement est journalisé (qui, quand, de quoi à quoi), y compris après clôture.', schema: rosterViewSchema },
      400: { description: 'Corps invalide, ou personne absente de la liste (champs listés dans `errors`, par exemple `0.status`).' },
      ...common,
      409: { description: 'La séance est annulée.' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/sessions/{id}/attendance.csv',
    summary: 'Liste d’émargement pour un tableur (CSV, séparateur point-virgule, en-têtes en français)',
    tag: 'Émargement',
    access: staffOnly,
    pathParams: ['id'],
    responses: { 200: { description: 'Le fichier CSV.', contentType: 'text/csv' }, ...common },
  },
  {
    method: 'get',
    path: '/api/v1/sessions/{id}/sign-in-sheet.pdf',
    summary: 'Feuille d’émargement imprimable (PDF A4)',
    tag: 'Émargement',
    access: staffOnly,
    pathParams: ['id'],
    query: z.object({ blank: z.enum(['1', 'true', 'oui']).optional().describe('Version vierge, à imprimer avant la séance.') }),
    responses: { 200: { description: 'Le PDF.', contentType: 'application/pdf' }, ...common },
  },
  {
    method: 'get',
    path: '/api/v1/sessions/{id}/certificate.pdf',
    summary: 'Attestation de présence (PDF) avec un code de vérification',
    tag: 'Émargement',
    access: 'la personne venue (présente ou en retard) ; avec `person`, l’équipe du lieu et la coordination',
    pathParams: ['id'],
    query: z.object({ person: z.uuid().optional().describe('Identifiant de la personne, pour l’équipe du lieu.') }),
    responses: {
      200: { description: 'Le PDF. Le code se vérifie sur /attestations/{code}.', contentType: 'application/pdf' },
      401: common[401],
      403: common[403],
      404: { description: 'Séance inconnue, ou présence non enregistrée pour cette personne.' },
    },
  },
];
