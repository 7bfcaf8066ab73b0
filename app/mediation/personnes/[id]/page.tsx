import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { pageData } from '@/lib/http/page';
import { getT } from '@/lib/i18n';
import { deskPerson } from '@/lib/learners';
import { DeskEraseForm, ResetCodeForm } from './PersonForms';

export const metadata: Metadata = { title: 'Une personne au guichet' };

// At the desk, for a person known at the mediator's places: their data on paper, a code for a new
// password, and — for a profile without e-mail — the erasure of their data.
export default async function DeskPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageAccess('mediation:view', `/mediation/personnes/${id}`);
  const [t, person] = await Promise.all([getT(), pageData(deskPerson(actor, id))]);
  return (
    <>
      <p className="mb-1">
        <Link href="/mediation/inscrire" className="inline-flex min-h-11 items-center">
          ← {t('desk.title')}
        </Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{person.name}</h1>

      <section aria-labelledby="ses-donnees" className="mb-8">
        <h2 id="ses-donnees" className="mb-2 text-2xl font-bold">
          {t('myData.deskDataTitle')}
        </h2>
        {person.deskProfile ? (
          <>
            <p className="mb-3 max-w-2xl">{t('myData.deskDataText')}</p>
            <Link href={`/mediation/personnes/${person.id}/donnees.pdf`} prefetch={false} className="btn">
              {t('myData.deskDataPdf')}
            </Link>
          </>
        ) : (
          <p className="max-w-2xl">{t('myData.deskDataOwn')}</p>
        )}
      </section>

      <section aria-labelledby="mot-de-passe" className="mb-8">
        <h2 id="mot-de-passe" className="mb-2 text-2xl font-bold">
          {t('myData.deskResetTitle')}
        </h2>
        {person.hasPhone ? (
          <>
            <p className="mb-3 max-w-2xl">{t('myData.deskResetText')}</p>
            <ResetCodeForm personId={person.id} labels={{ submit: t('myData.deskResetSubmit'), codeLabel: t('myData.deskResetCodeLabel') }} />
          </>
        ) : (
          <p className="max-w-2xl">{t('myData.deskResetNoPhone')}</p>
        )}
      </section>

      {person.deskProfile && (
        <section aria-labelledby="effacer" className="mb-8">
          <h2 id="effacer" className="mb-2 text-2xl font-bold">
            {t('myData.deskEraseTitle')}
          </h2>
          <p className="mb-3 max-w-2xl">{t('myData.deskEraseText')}</p>
          <DeskEraseForm personId={person.id} labels={{ reason: t('myData.deskEraseReason'), reasonHint: t('myData.deskEraseReasonHint'), submit: t('myData.deskEraseSubmit') }} />
        </section>
      )}
    </>
  );
}
