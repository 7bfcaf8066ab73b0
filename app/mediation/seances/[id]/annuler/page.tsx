import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { getSessionForEdit } from '@/lib/catalogue/sessions-admin';
import { formatSessionTime } from '@/lib/format/dates';
import { pageData } from '@/lib/http/page';
import { getLocale, getT } from '@/lib/i18n';
import { CancelForm } from './CancelForm';

export const metadata: Metadata = { title: 'Annuler une séance' };

// The confirmation step before cancelling a session.
export default async function CancelSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageAccess('mediation:view', `/mediation/seances/${id}/annuler`);
  const [t, locale, session] = await Promise.all([getT(), getLocale(), pageData(getSessionForEdit(actor, id))]);
  const back = `/mediation/ateliers/${session.workshopSlug}`;
  const signUps = session.confirmedCount + session.waitlistCount;
  const open = session.status === 'scheduled' && session.endsAt > new Date();
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href={back}>{t('manage.nav.backToWorkshop')}</Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{t('manage.cancel.title')}</h1>
      <p className="mb-2 font-semibold">
        {t('manage.cancel.what', { workshop: session.workshopTitle, date: formatSessionTime(session.startsAt, session.endsAt, locale), place: session.placeName })}
      </p>
      {open ? (
        <>
          <p className="mb-6">
            {t('manage.cancel.withSignups', { count: signUps })}
          </p>
          <CancelForm
            id={session.id}
            back={back}
            labels={{ reason: t('manage.cancel.reason'), reasonHint: t('manage.cancel.reasonHint'), confirm: t('manage.cancel.confirm'), back: t('manage.cancel.back') }}
          />
        </>
      ) : (
        <p>{t('manage.sessionForm.closed')}</p>
      )}
    </div>
  );
}
