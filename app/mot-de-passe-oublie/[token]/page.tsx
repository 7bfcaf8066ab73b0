import type { Metadata } from 'next';
import Link from 'next/link';
import { resetLinkIsValid } from '@/lib/accounts/password-reset';
import { getT } from '@/lib/i18n';
import { NewPasswordForm } from '../Forms';

export const metadata: Metadata = { title: 'Nouveau mot de passe', referrer: 'no-referrer' };

export default async function NewPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getT();
  const valid = await resetLinkIsValid(token);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('account.newPasswordTitle')}</h1>
      {valid ? (
        <>
          <p className="mb-6 max-w-xl">{t('account.newPasswordIntro')}</p>
          <NewPasswordForm token={token} labels={{ password: t('account.newPassword'), passwordHint: t('auth.passwordHint'), submit: t('account.newPasswordSubmit') }} />
        </>
      ) : (
        <>
          <p className="mb-4 max-w-xl">{t('account.linkExpired')}</p>
          <Link href="/mot-de-passe-oublie" className="btn">
            {t('account.askAgain')}
          </Link>
        </>
      )}
    </>
  );
}
