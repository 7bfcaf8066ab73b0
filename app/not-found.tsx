import Link from 'next/link';
import { getT } from '@/lib/i18n';

export default async function NotFound() {
  const t = await getT();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('errors.notFoundTitle')}</h1>
      <p className="mb-6">{t('errors.notFoundText')}</p>
      <Link href="/" className="btn">
        {t('errors.backHome')}
      </Link>
    </>
  );
}
