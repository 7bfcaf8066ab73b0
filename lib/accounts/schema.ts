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

const mobileSchema = z
  .string()
  .trim()
  .max(30, 'Ce numéro est trop long.')
  .optional()
  .transform((value) => value || undefined);

// An account with an e-mail address, or (for people without one) a mobile phone number.
export const createAccountSchema = z
  .strictObject({
    name: z
      .string({ error: 'Indiquez votre nom.' })
      .trim()
      .min(2, 'Indiquez votre prénom et votre nom (2 lettres au moins).')
      .max(120, 'Le nom doit faire au plus 120 caractères.'),
    email: z
      .string()
      .trim()
      .max(254, 'Cette adresse e-mail est trop longue.')
      .optional()
      .transform((value) => value || undefined)
      .pipe(emailSchema.optional())
      .describe('Adresse e-mail (ou `phone` pour un compte sans e-mail)'),
    phone: mobileSchema.describe('Numéro de téléphone portable, pour un compte sans adresse e-mail'),
    password: passwordSchema,
    // Version of the privacy text shown with the form (/confidentialite), stored with the consent.
    privacyVersion: optionalText(20).describe('Version du texte de confidentialité montré'),
    // Optional: the phone number and one-time code a mediator gave the person, to take over the
    // profile created for them at the desk (their sign-ups come along).
    claimPhone: optionalText(30).describe('Numéro de téléphone donné au médiateur (avec claimCode)'),
    claimCode: optionalText(20).describe('Code remis par le médiateur (avec claimPhone)'),
  })
  .superRefine((data, ctx) => {
    if (!data.email && !data.phone) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Indiquez votre adresse e-mail, ou à défaut votre numéro de portable.' });
    }
    if (data.phone && !normalizePhone(data.phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Ce numéro n’est pas valide. Exemple : 06 12 34 56 78' });
    if (data.claimCode && !data.claimPhone) ctx.addIssue({ code: 'custom', path: ['claimPhone'], message: 'Indiquez le numéro de téléphone donné au médiateur.' });
    if (data.claimPhone && !data.claimCode) ctx.addIssue({ code: 'custom', path: ['claimCode'], message: 'Indiquez le code remis par le médiateur.' });
    if (data.claimPhone && !normalizePhone(data.claimPhone)) ctx.addIssue({ code: 'custom', path: ['claimPhone'], message: 'Ce numéro n’est pas valide. Exemple : 06 12 34 56 78' });
  });
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

// Sign-in with the e-mail address, or the phone number of an account without e-mail. The field
// keeps the name `email` (the credentials flow of DESIGN.md); its value is the lower-cased
// address or the number in E.164.
export const signInSchema = z.object({
  email: z
    .string({ error: 'Indiquez votre adresse e-mail ou votre numéro de téléphone.' })
    .trim()
    .min(1, 'Indiquez votre adresse e-mail ou votre numéro de téléphone.')
    .max(254)
    .transform((value, ctx) => {
      if (value.includes('@')) {
        const parsed = emailSchema.safeParse(value);
        if (parsed.success) return parsed.data;
      } else {
        const phone = normalizePhone(value);
        if (phone) return phone;
      }
      ctx.addIssue({ code: 'custom', message: 'Indiquez une adresse e-mail ou un numéro de téléphone valide.' });
      return z.NEVER;
    }),
  password: z.string({ error: 'Indiquez votre mot de passe.' }).min(1, 'Indiquez votre mot de passe.').max(200),
});
