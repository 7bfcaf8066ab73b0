import type { Metadata } from 'next';
import { requirePageAccess } from '@/lib/auth/guard';
import { getT } from '@/lib/i18n';
import { CheckInForm } from './CheckInForm';

export const metadata: Metadata = { title: 'Pointer ma présence' };

export default async function CheckInPage() {
  await requirePageAccess('myspace:view', '/pointage');
  const t = await getT();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('checkIn.title')}</h1>
      <p className="mb-6 text-lg">{t('checkIn.intro')}</p>
      <CheckInForm labels={{ code: t('checkIn.codeLabel'), hint: t('checkIn.codeHint'), submit: t('checkIn.submit'), mySpace: t('checkIn.mySpace') }} />
    </>
  );
}
