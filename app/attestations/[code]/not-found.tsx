import { getT } from '@/lib/i18n';
import { CodeForm } from '../CodeForm';

// A wrong or withdrawn code: said plainly, with nothing about anyone.
export default async function CertificateNotFound() {
  const t = await getT();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('certificates.invalidTitle')}</h1>
      <p className="mb-6 text-lg">{t('certificates.invalidText')}</p>
      <h2 className="mb-3 text-2xl font-bold">{t('certificates.tryAgain')}</h2>
      <CodeForm label={t('certificates.codeLabel')} hint={t('certificates.codeHint')} submit={t('certificates.verifyButton')} />
    </>
  );
}
