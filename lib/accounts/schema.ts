import { z } from 'zod';
import { normalizePhone } from '@/lib/learners/phone';

// Shared by the /inscription form, its server action and POST /api/v1/accounts.
export const emailSchema = z
  .string({ error: 'Indiquez votre adresse e-mail.' })
  .trim()
  .min(1, 'Indiquez votre adresse e-mail.')
  .max(254, 'Cette adresse e-mail est trop longue.')
  .pipe(z.email({ error: 'Cette adresse e-mail n’est pas valide. Exemple : marie.dupont@exemple.fr' }))
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string({ error: 'Choisissez un mot de passe.' })
  .min(10, 'Le mot de passe doit faire au moins 10 caractères.')
  .max(200, 'Le mot de passe doit faire au plus 200 caractères.');

// An empty form field counts as "not given".
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

export const createAccountSchema = z
  .strictObject({
    name: z
      .string({ error: 'Indiquez votre nom.' })
      .trim()
      .min(2, 'Indiquez votre prénom et votre nom (2 lettres au moins).')
      .max(120, 'Le nom doit faire au plus 120 caractères.'),
    email: emailSchema,
    password: passwordSchema,
    // Optional: the phone number and one-time code a mediator gave the person, to take over the
    // profile created for them at the desk (their sign-ups come along).
    claimPhone: optionalText(30).describe('Numéro de téléphone donné au médiateur (avec claimCode)'),
    claimCode: optionalText(20).describe('Code remis par le médiateur (avec claimPhone)'),
  })
  .superRefine((data, ctx) => {
    if (data.claimCode && !data.claimPhone) ctx.addIssue({ code: 'custom', path: ['claimPhone'], message: 'Indiquez le numéro de téléphone donné au médiateur.' });
    if (data.claimPhone && !data.claimCode) ctx.addIssue({ code: 'custom', path: ['claimCode'], message: 'Indiquez le code remis par le médiateur.' });
    if (data.claimPhone && !normalizePhone(data.claimPhone)) ctx.addIssue({ code: 'custom', path: ['claimPhone'], message: 'Ce numéro n’est pas valide. Exemple : 06 12 34 56 78' });
  });
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Indiquez votre mot de passe.' }).min(1, 'Indiquez votre mot de passe.').max(200),
});
