import { z } from 'zod';
import { ATTENDANCE_STATUSES } from '@/lib/vocabulary';

// Shared by the roster page, its server actions, the JSON API and the OpenAPI document.

export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES, {
  error: 'Choisissez un statut : unmarked, present, late, excused ou absent.',
});

export const sessionIdSchema = z.uuid({ error: 'Séance inconnue.' });

export const attendanceEntrySchema = z.strictObject({
  personId: z.uuid({ error: 'Indiquez la personne (identifiant).' }),
  status: attendanceStatusSchema,
});

// PUT /api/v1/sessions/{id}/attendance: a list of { personId, status }.
export const markAttendanceSchema = z
  .array(attendanceEntrySchema, { error: 'Envoyez une liste de { personId, status }.' })
  .min(1, 'La liste est vide.')
  .max(200, 'Pas plus de 200 personnes à la fois.');
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;

// "Ajouter une personne venue sans inscription": a known learner…
export const walkInKnownSchema = z.strictObject({
  personId: z.uuid({ error: 'Choisissez une personne dans la liste.' }),
});

// … or a new profile with just a name, kept only with the person's consent.
export const walkInNewSchema = z.strictObject({
  name: z
    .string({ error: 'Indiquez le prénom et le nom.' })
    .trim()
    .min(2, 'Indiquez le prénom et le nom (2 lettres au moins).')
    .max(120, 'Le nom doit faire au plus 120 caractères.'),
  consent: z.preprocess(
    (value) => value === true || value === 'on' || value === 'true',
    z.literal(true, { error: 'Cochez la case : la personne doit être d’accord pour que l’on garde son nom.' }),
  ),
});

export const learnerSearchSchema = z.object({
  q: z.string().trim().min(2, 'Tapez au moins 2 lettres du nom.').max(80, 'Recherche trop longue.'),
});

export const selfCheckInSettingsSchema = z.strictObject({
  enabled: z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean()),
  lateAfterMinutes: z.coerce
    .number({ error: 'Indiquez un nombre de minutes.' })
    .int('Indiquez un nombre entier de minutes.')
    .min(0, 'Indiquez 0 minute ou plus.')
    .max(240, 'Indiquez au plus 240 minutes.')
    .default(15),
});

// Codes are typed by people: upper-case them and drop spaces and dashes before checking.
const normalisedCode = (length: number, message: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.toUpperCase().replace(/[\s\-–—.]/g, '') : value),
    z.string({ error: message }).regex(new RegExp(`^[${CODE_ALPHABET}]{${length}}$`), message),
  );

// No 0/O, 1/I/L: easy to read aloud and to type.
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CHECK_IN_CODE_LENGTH = 6;
export const CERTIFICATE_CODE_LENGTH = 10;

export const checkInSchema = z.object({
  code: normalisedCode(CHECK_IN_CODE_LENGTH, 'Le code de pointage fait 6 caractères (lettres et chiffres), par exemple K7MX3P.'),
});

export const certificateCodeSchema = normalisedCode(CERTIFICATE_CODE_LENGTH, 'Le code d’une attestation fait 10 caractères, par exemple ABCDE-23456.');
