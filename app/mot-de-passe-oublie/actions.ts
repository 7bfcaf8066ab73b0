'use server';
import { headers } from 'next/headers';
import { sendSoon } from '@/lib/notifications/worker';
import { redirect } from 'next/navigation';
import { requestPasswordReset, resetPasswordWithCode, resetPasswordWithLink } from '@/lib/accounts/password-reset';
import { formFields, serverAction } from '@/lib/http/action';
import { clientAddress } from '@/lib/http/client-address';
import { getT } from '@/lib/i18n';

export const requestResetAction = serverAction(formFields('email'), async (input) => {
  const address = clientAddress(await headers());
  const { outboxId } = await requestPasswordReset({ email: input.email }, address);
  if (outboxId) sendSoon([outboxId]);
  const t = await getT();
  return { ok: true, message: t('account.resetSent') };
});

export const resetWithLinkAction = serverAction(formFields('token', 'password'), async (input) => {
  await resetPasswordWithLink({ token: input.token, password: input.password });
  redirect('/connexion?motdepasse=change');
});

export const resetWithCodeAction = serverAction(formFields('phone', 'code', 'password'), async (input) => {
  await resetPasswordWithCode({ phone: input.phone, code: input.code, password: input.password });
  redirect('/connexion?motdepasse=change');
});
