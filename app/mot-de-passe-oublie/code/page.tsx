import type { Metadata } from 'next';
import { getT } from '@/lib/i18n';
import { ResetCodeForm } from '../Forms';

export const metadata: Metadata = { title: 'Nouveau mot de passe avec un code' };

// For people without e-mail: the code a mediator gave them at the desk, with their phone number.
export default async function ResetWithCodePage() {
  const t = await getT();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('account.codeTitle')}</h1>
      <p className="mb-6 max-w-xl">{t('account.codeIntro')}</p>
      <ResetCodeForm
        labels={{ phone: t('account.phone'), code: t('account.code'), codeHint: t('account.codeHint'), password: t('account.newPassword'), passwordHint: t('auth.passwordHint'), submit: t('account.newPasswordSubmit') }}
      />
    </>
  );
}
