'use server';
import { signOut } from '@/lib/auth/config';
import { formFields, serverAction } from '@/lib/http/action';
import { eraseMyAccount } from '@/lib/privacy';

// Erases the signed-in person's account (password confirmation), then ends their session.
export const eraseMyAccountAction = serverAction(formFields('password'), async (input, actor) => {
  await eraseMyAccount(actor, { password: input.password ?? '' });
  await signOut({ redirectTo: '/?compte=supprime' });
});
