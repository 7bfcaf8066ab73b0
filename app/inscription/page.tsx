import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { safeReturnPath } from '@/lib/auth/guard';
import { getT } from '@/lib/i18n';
import { PRIVACY_TEXT_VERSION } from '@/lib/privacy/version';
import { SignUpForm } from './SignUpForm';

export const metadata: Metadata = { title: 'Créer un compte' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const t = await getT();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('auth.signUpTitle')}</h1>
      <p className="mb-6">{t('auth.signUpIntro')}</p>
      <SignUpForm
        callbackUrl={callbackUrl}
        labels={{
          name: t('auth.name'),
          email: t('auth.email'),
          emailHint: t('account.signUpEmailHint'),
          phone: t('account.signUpPhone'),
          phoneHint: t('account.signUpPhoneHint'),
          privacyNotice: t('account.privacyNotice'),
          privacyLink: t('account.privacyLink'),
          privacyVersion: PRIVACY_TEXT_VERSION,
          password: t('auth.password'),
          passwordHint: t('auth.passwordHint'),
          submit: t('auth.submitSignUp'),
          claim: { summary: t('claim.summary'), intro: t('claim.intro'), phone: t('claim.phone'), code: t('claim.code'), codeHint: t('claim.codeHint') },
        }}
      />
      <p className="mt-6">
        {t('auth.haveAccount')} <Link href={`/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{t('auth.signInTitle')}</Link>
      </p>
    </>
  );
}
