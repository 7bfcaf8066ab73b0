import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { normaliseCertificateCode } from '@/lib/attendance';
import { getT } from '@/lib/i18n';
import { CodeForm } from './CodeForm';

export const metadata: Metadata = { title: 'Vérifier une attestation de présence' };

// A plain GET form: works without JavaScript, and the code ends up in the address to share.
export default async function VerifyCertificatePage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  const t = await getT();
  const typed = typeof code === 'string' ? code : undefined;
  const normalised = typed ? normaliseCertificateCode(typed) : null;
  if (normalised) redirect(`/attestations/${normalised}`);
  const error = typed !== undefined ? t('certificates.badCode') : undefined;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('certificates.verifyTitle')}</h1>
      <p className="mb-6 text-lg">{t('certificates.verifyIntro')}</p>
      <CodeForm label={t('certificates.codeLabel')} hint={t('certificates.codeHint')} submit={t('certificates.verifyButton')} defaultValue={typed} error={error} />
    </>
  );
}
