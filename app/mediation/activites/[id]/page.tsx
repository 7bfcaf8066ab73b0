import type { Metadata } from 'next';
import Link from 'next/link';
import { FormMessage } from '@/app/_components/FormMessage';
import { getActivity } from '@/lib/activities/reads';
import { levelLabel, themeLabel, vocab } from '@/lib/activities/labels';
import { requirePageAccess } from '@/lib/auth/guard';
import { formatDuration } from '@/lib/format/dates';
import { formatCalendarDate } from '@/lib/format/numbers';
import { pageData, param } from '@/lib/http/page';
import { getLocale, getT } from '@/lib/i18n';

export const metadata: Metadata = { title: 'Activité' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActivityPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const actor = await requirePageAccess('activity:log', `/mediation/activites/${encodeURIComponent(id)}`);
  const [t, locale, a] = await Promise.all([getT(), getLocale(), pageData(getActivity(actor, id))]);
  const none = t('activityDetail.none');
  const joined = (items: string[]) => (items.length ? items.join(', ') : none);
  const notice = param(sp.enregistree) ? t('activityDetail.saved') : param(sp.modifiee) ? t('activityDetail.updated') : undefined;

  const rows: [string, string][] = [
    [t('activityDetail.date'), formatCalendarDate(a.date, locale)],
    [t('activityDetail.duration'), formatDuration(a.durationMinutes)],
    [t('activityDetail.place'), a.place?.name ?? t('activities.noPlace')],
    [t('activityDetail.placeType'), vocab(t, 'placeTypes', a.placeType)],
    [t('activityDetail.themes'), joined(a.themes.map((c) => themeLabel(t, c)))],
  ];
  if (a.adminThemes.length) rows.push([t('activityDetail.adminThemes'), joined(a.adminThemes.map((c) => vocab(t, 'adminThemes', c)))]);
  rows.push([t('activityDetail.equipment'), joined(a.equipment.map((c) => vocab(t, 'equipment', c)))]);
  if (a.kind === 'individual') {
    const p = a.anonymousPerson;
    const anonymous = p
      ? t('activityDetail.anonymousPerson', {
          details: [vocab(t, 'genders', p.gender), vocab(t, 'ageBands', p.ageBand), vocab(t, 'socialStatuses', p.socialStatus), p.commune].filter(Boolean).join(', '),
        })
      : t('activities.anonymousPerson');
    rows.push([t('activityDetail.person'), a.learner?.name ?? anonymous]);
    rows.push([t('activityDetail.autonomy'), a.autonomy ? vocab(t, 'autonomy', a.autonomy) : none]);
    rows.push([t('activityDetail.orientation'), joined(a.orientation.map((c) => vocab(t, 'orientation', c)))]);
    if (a.completion) rows.push([t('activityDetail.completion'), vocab(t, 'completion', a.completion)]);
  } else {
    rows.push([t('activityDetail.level'), a.level ? levelLabel(t, a.level) : none]);
    rows.push([t('activityDetail.participants'), joined(a.participants.map((p) => p.name))]);
    rows.push([t('activityDetail.anonymous'), String(a.anonymousParticipants?.count ?? 0)]);
    rows.push([t('activityDetail.total'), String(a.participantCount)]);
  }
  rows.push([t('activityDetail.notes'), a.notes || none]);
  rows.push([t('activityDetail.recordedBy'), a.mediator.name]);

  const title = a.kind === 'collective' && a.title ? a.title : t('activityDetail.title', { kind: vocab(t, 'kinds', a.kind), date: formatCalendarDate(a.date, locale) });
  return (
    <>
      <p className="mb-2">
        <Link href="/mediation/activites">{t('activities.back')}</Link>
      </p>
      <FormMessage tone="success" message={notice} />
      {param(sp.deja) && <FormMessage message={t('activityForm.alreadyRecorded')} />}
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{vocab(t, 'kinds', a.kind)}</p>
      <h1 className="mb-4 text-3xl font-bold">{title}</h1>
      {a.sessionId && <p className="mb-4">{t('activityDetail.fromSession')}</p>}
      <dl className="card mb-6 grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-bold">{label}</dt>
            <dd className="mb-2 whitespace-pre-line sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
      {a.canChange && (
        <p className="flex flex-wrap gap-3">
          <Link href={`/mediation/activites/${a.id}/modifier`} className="btn">
            {t('activityDetail.edit')}
          </Link>
          <Link href={`/mediation/activites/nouvelle?copie=${a.id}`} className="btn-secondary">
            {t('activityDetail.duplicate')}
          </Link>
          <Link href={`/mediation/activites/${a.id}/supprimer`} className="btn-secondary">
            {t('activityDetail.delete')}
          </Link>
        </p>
      )}
    </>
  );
}
