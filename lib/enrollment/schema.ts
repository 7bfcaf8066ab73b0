import { z } from 'zod';

// Shared by the session page actions, the desk view, the API routes and the OpenAPI document.

// Body of POST /api/v1/sessions/{id}/enrollments: empty for oneself, or the learner a mediator signs up.
export const enrollInputSchema = z.strictObject({
  learnerId: z.uuid({ error: 'Identifiant de personne invalide.' }).optional().describe('Personne inscrite par un médiateur (sinon : soi-même)'),
});
export type EnrollInput = z.infer<typeof enrollInputSchema>;

export const enrollmentStatusSchema = z.enum(['confirmed', 'waitlisted', 'cancelled']);

export const enrollResultSchema = z.object({
  status: z.enum(['confirmed', 'waitlisted']),
  position: z.number().int().min(1).optional().describe('Position sur la liste d’attente (1 = la prochaine place libre)'),
});

export const cancelResultSchema = z.object({
  status: z.literal('cancelled'),
  previousStatus: z.enum(['confirmed', 'waitlisted']),
  promoted: z.number().int().min(0).describe('Nombre de personnes confirmées depuis la liste d’attente'),
});

export const myEnrollmentSchema = z.object({
  sessionId: z.uuid(),
  workshop: z.object({ title: z.string(), slug: z.string() }),
  place: z.object({ name: z.string() }),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  status: enrollmentStatusSchema,
  position: z.number().int().min(1).nullable(),
  sessionStatus: z.enum(['scheduled', 'cancelled', 'done']),
  attendance: z.enum(['unmarked', 'present', 'late', 'excused', 'absent']).nullable(),
});

export const myEnrollmentsSchema = z.object({ upcoming: z.array(myEnrollmentSchema), past: z.array(myEnrollmentSchema) });
