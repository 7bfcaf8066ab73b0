import 'server-only';

// Codes stored in the database and sent by the API. Their French and English labels live in
// messages/*.json under the same names ("themes.e-mail", "levels.beginner"…), so a label can be
// reworded, and a code retired, without touching stored rows.
export const THEMES = [
  'diagnostic',
  'materiel',
  'maintenance',
  'contenus',
  'navigation',
  'e-mail',
  'bureautique',
  'reseaux-sociaux',
  'sante',
  'banque-achats',
  'accompagner-pro',
  'insertion-pro',
  'securite',
  'parentalite',
  'scolarite',
  'creer',
  'culture',
  'ia',
  'demarches',
] as const;
export type Theme = (typeof THEMES)[number];

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export const ROLES = ['learner', 'mediator', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ENROLLMENT_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export const ATTENDANCE_STATUSES = ['unmarked', 'present', 'late', 'excused', 'absent'] as const;
export const SESSION_STATUSES = ['scheduled', 'cancelled', 'done'] as const;

export const AUDIENCES = [
  'seniors',
  'jeunes',
  'parents',
  'insertion',
  'eloignes',
  'allophones',
  'handicap',
  'professionnels',
  'associations',
  'tous',
] as const;
export type Audience = (typeof AUDIENCES)[number];
