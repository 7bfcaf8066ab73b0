import { z } from 'zod';
import { sessionIdSchema } from '@/lib/ids';
import { normalizePhone } from './phone';

// Shared by the desk form (/mediation/inscrire), its server action and lib/learners.

export const phoneSchema = z
  .string({ error: 'Indiquez un numéro de téléphone.' })
  .trim()
  .min(1, 'Indiquez un numéro de téléphone.')
  .max(30, 'Ce numéro n’est pas valide. Exemple : 06 12 34 56 78')
  .transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'Ce numéro n’est pas valide. Exemple : 06 12 34 56 78' });
      return z.NEVER;
    }
    return phone;
  });

export const personNameSchema = z
  .string({ error: 'Indiquez le prénom et le nom.' })
  .trim()
  .min(2, 'Indiquez le prénom et le nom (2 lettres au moins).')
  .max(120, 'Le nom doit faire au plus 120 caractères.');


// A checkbox sends "on" when ticked and nothing otherwise.
const consentSchema = z.preprocess(
  (value) => value === true || value === 'on' || value === 'true',
  z.literal(true, { error: 'Cochez la case : la personne doit être d’accord pour que le lieu garde son nom et son téléphone.' }),
);

export const createAssistedLearnerSchema = z.object({
  sessionId: sessionIdSchema,
  name: personNameSchema,
  phone: phoneSchema,
  consent: consentSchema,
});
export type CreateAssistedLearnerInput = z.infer<typeof createAssistedLearnerSchema>;

// THE search for a learner by name (or part of a phone number, at the desk): 2 letters at least.
export const learnerSearchSchema = z.object({
  q: z.string({ error: 'Tapez au moins 2 lettres du nom.' }).trim().min(2, 'Tapez au moins 2 lettres du nom.').max(80, 'Recherche trop longue.'),
});
