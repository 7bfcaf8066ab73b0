'use server';
import { headers } from 'next/headers';
import { createLearnerAccount } from '@/lib/accounts';
import { signIn } from '@/lib/auth/config';
import { safeReturnPath } from '@/lib/auth/guard';
import { serverAction } from '@/lib/http/action';

export const signUpAction = serverAction(async (input) => {
  const address = (await headers()).get('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
  const account = await createLearnerAccount(input, address);
  // Signed in straight away, then back where they were going.
  await signIn('credentials', { email: account.email ?? input.phone, password: input.password, redirectTo: safeReturnPath(input.callbackUrl) });
});
