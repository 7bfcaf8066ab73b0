'use server';
import { headers } from 'next/headers';
import { createLearnerAccount } from '@/lib/accounts';
import { signIn } from '@/lib/auth/config';
import { safeReturnPath } from '@/lib/auth/guard';
import { formFields, serverAction } from '@/lib/http/action';
import { clientAddress } from '@/lib/http/client-address';

export const signUpAction = serverAction(formFields('name', 'email', 'password', 'claimPhone', 'claimCode', 'callbackUrl'), async (input) => {
  const { callbackUrl, ...fields } = input;
  const account = await createLearnerAccount(fields, clientAddress(await headers()));
  // Signed in straight away, then back where they were going.
  await signIn('credentials', { email: account.email, password: input.password, redirectTo: safeReturnPath(callbackUrl) });
});
