import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { getScheduleForm } from '@/lib/catalogue/sessions-admin';
import { formatDuration } from '@/lib/format/dates';
import { pageData } from '@/lib/http/page';
import { getT } from '@/lib/i18n';
import { staffMessages } from '../../../../_lib/messages';
import { ScheduleForm } from './ScheduleForm';

export const metadata: Metadata = { title: 'Programmer une séance' };

export default async function ScheduleSessionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const back = `/mediation/ateliers/${slug}`;
  const actor = await requirePageAccess('mediation:view', `${back}/seances/nouvelle`);
  const [t, messages, form] = await Promise.all([getT(), staffMessages(), pageData(getScheduleForm(actor, slug))]);
  return (
    <>
      <p className="mb-2">
        <Link href={back}>{t('manage.nav.backToWorkshop')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('manage.scheduleForm.title')}</h1>
      <p className="mb-6">{t('manage.scheduleForm.intro', { title: form.workshop.title })}</p>
      {form.workshop.status === 'archived' ? (
        <p>{t('manage.scheduleForm.archived')}</p>
      ) : form.placeChoices.length === 0 ? (
        <p>{t('manage.scheduleForm.noPlace')}</p>
      ) : (
        <ScheduleForm messages={messages} slug={form.workshop.slug} duration={formatDuration(form.workshop.durationMinutes)} places={form.placeChoices} me={actor.id} />
      )}
    </>
  );
}
