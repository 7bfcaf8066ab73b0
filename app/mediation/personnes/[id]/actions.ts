'use server';
import { redirect } from 'next/navigation';
import { issueDeskResetCode } from '@/lib/accounts/password-reset';
import { formatDay } from '@/lib/format/dates';
import { formFields, serverAction } from '@/lib/http/action';
import { getT } from '@/lib/i18n';
import { eraseAtDesk } from '@/lib/privacy';

// Desk actions about one person; lib/ checks that the person is known at the actor's places.

export const deskResetCodeAction = serverAction(formFields('personId'), async (input, actor) => {
  const t = await getT();
  const { name, code, expiresAt } = await issueDeskResetCode(actor, input.personId ?? '');
  return { ok: true, message: t('myData.deskResetCodeGiven', { name, until: formatDay(expiresAt) }), values: { code } };
});

export const deskEraseAction = serverAction(formFields('personId', 'reason'), async (input, actor) => {
  await eraseAtDesk(actor, input.personId ?? '', { reason: input.reason });
  redirect('/mediation/inscrire?efface=1');
});
