import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { getT } from '@/lib/i18n';
import { EraseForm } from './EraseForm';

export const metadata: Metadata = { title: 'Mes données' };

// "Mes données": download everything we hold (JSON or PDF), or erase the account.
export default async function MyDataPage() {
  await requirePageAccess('data:export-own', '/mon-espace/donnees');
  const t = await getT();
  return (
    <>
      <p className="mb-2">
        <Link href="/mon-espace" className="underline">
          {t('myData.back')}
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{t('myData.title')}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t('myData.intro')}</p>

      <section aria-labelledby="telecharger" className="mb-10">
        <h2 id="telecharger" className="mb-3 text-2xl font-bold">
          {t('myData.downloadTitle')}
        </h2>
        <p className="mb-4 max-w-2xl">{t('myData.downloadText')}</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Link href="/mon-espace/donnees/pdf" prefetch={false} className="btn">
            {t('myData.downloadPdf')}
          </Link>
          <a href="/api/v1/me/export" className="btn-secondary" download>
            {t('myData.downloadJson')}
          </a>
        </div>
      </section>

      <section aria-labelledby="supprimer" className="mb-10">
        <h2 id="supprimer" className="mb-3 text-2xl font-bold">
          {t('myData.eraseTitle')}
        </h2>
        <ul className="mb-4 max-w-2xl list-disc pl-6">
          <li>{t('myData.eraseWhat1')}</li>
          <li>{t('myData.eraseWhat2')}</li>
          <li>{t('myData.eraseWhat3')}</li>
        </ul>
        <p className="mb-4 max-w-2xl font-semibold">{t('myData.eraseWarning')}</p>
        <EraseForm labels={{ password: t('myData.password'), passwordHint: t('myData.passwordHint'), submit: t('myData.eraseSubmit') }} />
      </section>

      <p>
        <Link href="/confidentialite" className="underline">
          {t('myData.privacyLink')}
        </Link>
      </p>
    </>
  );
}
