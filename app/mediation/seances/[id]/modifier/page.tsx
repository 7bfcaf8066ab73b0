import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { getSessionForEdit } from '@/lib/catalogue/sessions-admin';
import { formatSessionTime } from '@/lib/format/dates';
import { pageData } from '@/lib/http/page';
import { getLocale, getT } from '@/lib/i18n';
import { staffMessages } from '../../../_lib/messages';
import { SessionForm } from './SessionForm';

export const metadata: Metadata = { title: 'Modifier une séance' };

export default async function EditSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageAccess('mediation:view', `/mediation/seances/${id}/modifier`);
  const [t, locale, messages, session] = await Promise.all([getT(), getLocale(), staffMessages(), pageData(getSessionForEdit(actor, id))]);
  const open = session.status === 'scheduled' && session.endsAt > new Date();
  return (
    <>
      <p className="mb-2">
        <Link href={`/mediation/ateliers/${session.workshopSlug}`}>{t('manage.nav.backToWorkshop')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('manage.sessionForm.title')}</h1>
      <p className="mb-1">{t('manage.sessionForm.intro', { workshop: session.workshopTitle, place: session.placeName })}</p>
      <p className="mb-1 font-semibold">{formatSessionTime(session.startsAt, session.endsAt, locale)}</p>
      <p className="mb-1">{t('manage.sessionForm.signedUp', { confirmed: session.confirmedCount, capacity: session.capacity, waiting: session.waitlistCount })}</p>
      {session.seriesId && <p className="mb-1 text-slate-700">{t('manage.sessionForm.series')}</p>}
      <div className="mb-6" />
      {open ? (
        <>
          <SessionForm
            messages={messages}
            staff={session.staff}
            initial={{ ...session, trainerIds: session.trainers.map((tr) => tr.id) }}
          />
          <p className="mt-8">
            <Link href={`/mediation/seances/${session.id}/annuler`} className="btn-secondary">
              {t('manage.sessionForm.cancel')}
            </Link>
          </p>
        </>
      ) : (
        <p>{t('manage.sessionForm.closed')}</p>
      )}
    </>
  );
}
