import type { Metadata } from 'next';
import Link from 'next/link';
import { getT } from '@/lib/i18n';
import { RequestResetForm } from './Forms';

export const metadata: Metadata = { title: 'Mot de passe oublié' };

export default async function ForgottenPasswordPage() {
  const t = await getT();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('account.forgotTitle')}</h1>
      <p className="mb-6 max-w-xl">{t('account.forgotIntro')}</p>
      <RequestResetForm labels={{ email: t('auth.email'), submit: t('account.forgotSubmit') }} />
      <h2 className="mb-2 mt-10 text-2xl font-bold">{t('account.noEmailTitle')}</h2>
      <p className="mb-3 max-w-xl">{t('account.noEmailText')}</p>
      <p>
        <Link href="/mot-de-passe-oublie/code" className="inline-flex min-h-11 items-center">
          {t('account.haveCode')}
        </Link>
      </p>
    </>
  );
}
