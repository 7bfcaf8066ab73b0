import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { safeReturnPath } from '@/lib/auth/guard';
import { getT } from '@/lib/i18n';
import { FormMessage } from '../_components/FormMessage';
import { SignInForm } from './SignInForm';

export const metadata: Metadata = { title: 'Se connecter' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const t = await getT();
  // The API credentials flow redirects here with ?error=… when it fails.
  const initialError = params.error ? t('auth.wrongCredentials') : undefined;
  const changed = params.motdepasse === 'change';
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('auth.signInTitle')}</h1>
      <p className="mb-6">{t('auth.signInIntro')}</p>
      {changed && <FormMessage message={t('account.passwordChanged')} tone="success" />}
      <SignInForm callbackUrl={callbackUrl} initialError={initialError} labels={{ email: t('account.login'), password: t('auth.password'), submit: t('auth.submitSignIn') }} />
      <p className="mt-4">
        <Link href="/mot-de-passe-oublie" className="inline-flex min-h-11 items-center">
          {t('account.forgotLink')}
        </Link>
      </p>
      <p className="mt-6">
        {t('auth.noAccount')} <Link href={`/inscription?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{t('auth.createOne')}</Link>
      </p>
    </>
  );
}
