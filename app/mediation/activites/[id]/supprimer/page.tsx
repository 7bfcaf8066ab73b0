import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { ActionButton } from '@/app/_components/ActionButton';
import { getActivity } from '@/lib/activities/reads';
import { requirePageAccess } from '@/lib/auth/guard';
import { formatCalendarDate } from '@/lib/format/numbers';
import { pageData } from '@/lib/http/page';
import { getLocale, getT } from '@/lib/i18n';
import { deleteActivityAction } from '../../actions';

export const metadata: Metadata = { title: 'Supprimer l’activité' };

export default async function DeleteActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageAccess('activity:log', `/mediation/activites/${encodeURIComponent(id)}/supprimer`);
  const [t, locale, a] = await Promise.all([getT(), getLocale(), pageData(getActivity(actor, id))]);
  if (!a.canChange) forbidden();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('activityDetail.deleteTitle')}</h1>
      <p className="mb-6">{t('activityDetail.deleteText', { date: formatCalendarDate(a.date, locale) })}</p>
      <div className="flex flex-wrap items-start gap-3">
        <ActionButton action={deleteActivityAction} fields={{ activityId: a.id }} label={t('activityDetail.deleteConfirm')} />
        <Link href={`/mediation/activites/${a.id}`} className="btn-secondary">
          {t('activityDetail.cancel')}
        </Link>
      </div>
    </>
  );
}
