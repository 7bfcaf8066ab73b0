'use server';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signInSchema } from '@/lib/accounts/schema';
import { signIn } from '@/lib/auth/config';
import { safeReturnPath } from '@/lib/auth/guard';
import { formFields, serverAction } from '@/lib/http/action';
import { ValidationError, UserError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation';

const WRONG = 'L’adresse e-mail ou le mot de passe ne correspond pas. Vérifiez et réessayez.';
const TOO_MANY = 'Trop de tentatives. Attendez quelques minutes, puis réessayez.';

export const signInAction = serverAction(formFields('email', 'password', 'callbackUrl'), async (input) => {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeReturnPath(input.callbackUrl) });
  } catch (error) {
    if (error instanceof CredentialsSignin) throw new UserError(error.code === 'rate_limited' ? TOO_MANY : WRONG, { status: error.code === 'rate_limited' ? 429 : 401 });
    if (error instanceof AuthError) throw new UserError(WRONG, { status: 401 });
    throw error;
  }
});
