import { z } from 'zod';

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

export const createAccountSchema = z.object({
  name: z
    .string({ error: 'Indiquez votre nom.' })
    .trim()
    .min(2, 'Indiquez votre prénom et votre nom (2 lettres au moins).')
    .max(120, 'Le nom doit faire au plus 120 caractères.'),
  email: emailSchema,
  password: passwordSchema,
});
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Indiquez votre mot de passe.' }).min(1, 'Indiquez votre mot de passe.').max(200),
});
