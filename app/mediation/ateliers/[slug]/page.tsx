import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { listWorkshopSessions } from '@/lib/catalogue/sessions-admin';
import { getWorkshopForEdit } from '@/lib/catalogue/workshops-admin';
import { formatDay, formatSessionTime } from '@/lib/format/dates';
import { getLocale, getT } from '@/lib/i18n';
import { pageData } from '@/lib/http/page';
import { FormMessage } from '../../../_components/FormMessage';
import { StatusBadge } from '../../_components/StatusBadge';
import { doneMessage } from '../../_lib/done';
import { staffMessages } from '../../_lib/messages';
import { workshopFormChoices } from '../../_lib/workshop-form';
import { StatusForm } from '../StatusForm';
import { WorkshopForm } from '../WorkshopForm';

export const metadata: Metadata = { title: 'Gérer un atelier' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ManageWorkshopPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const here = `/mediation/ateliers/${slug}`;
  const actor = await requirePageAccess('mediation:view', here);
  const workshop = await pageData(getWorkshopForEdit(actor, slug));
  const [t, locale, messages, sessions] = await Promise.all([getT(), getLocale(), staffMessages(), listWorkshopSessions(actor, workshop.id)]);
  const manageable = new Set(workshop.manageablePlaceIds);
  const label = (p: { name: string; commune: string }) => `${p.name} (${p.commune})`;
  const choices = [...workshop.placeChoices, ...workshop.places.filter((p) => manageable.has(p.id) && !workshop.placeChoices.some((c) => c.id === p.id))];

  return (
    <>
      <p className="mb-2">
        <Link href="/mediation/ateliers">{t('manage.nav.backToWorkshops')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{workshop.title}</h1>
      <p className="mb-4">
        <StatusBadge status={workshop.status} label={t(`manage.status.${workshop.status}`)} />
      </p>
      <FormMessage tone="success" message={doneMessage(t, await searchParams)} />

      <section aria-labelledby="publication" className="card mb-8">
        <h2 id="publication" className="mb-2 text-2xl font-bold">
          {t('manage.workshopPage.publication')}
        </h2>
        <p className="mb-3">{t(`manage.workshopPage.${workshop.status}`)}</p>
        <div className="flex flex-wrap items-start gap-2">
          {workshop.status === 'draft' && <StatusForm slug={workshop.slug} status="published" label={t('manage.statusActions.publish')} returnTo={here} />}
          {workshop.status === 'archived' && <StatusForm slug={workshop.slug} status="published" label={t('manage.statusActions.republish')} returnTo={here} />}
          {workshop.status === 'published' && <StatusForm slug={workshop.slug} status="draft" label={t('manage.statusActions.unpublish')} returnTo={here} secondary />}
          {workshop.status !== 'archived' && (
            <Link href={`${here}/archiver`} className="btn-secondary">
              {t('manage.statusActions.archive')}
            </Link>
          )}
          {workshop.status === 'published' && (
            <Link href={`/ateliers/${workshop.slug}`} className="btn-secondary">
              {t('manage.workshopPage.publicPage')}
            </Link>
          )}
        </div>
      </section>

      <section aria-labelledby="seances" className="mb-8">
        <h2 id="seances" className="mb-3 text-2xl font-bold">
          {t('manage.workshopPage.sessions')}
        </h2>
        {workshop.status !== 'archived' && (
          <p className="mb-4">
            <Link href={`${here}/seances/nouvelle`} className="btn">
              {t('manage.workshops.schedule')}
            </Link>
          </p>
        )}
        {sessions.length === 0 ? (
          <p className="text-slate-700">{t('manage.workshopPage.noSessions')}</p>
        ) : (
          <ul className="grid gap-3">
            {sessions.map((s) => {
              const which = t('manage.workshopPage.sessionFor', { date: formatDay(s.startsAt, locale) });
              return (
                <li key={s.id} className="card">
                  <p className="font-semibold">{formatSessionTime(s.startsAt, s.endsAt, locale)}</p>
                  <p className="text-slate-700">{s.placeName}</p>
                  {s.status === 'cancelled' ? (
                    <p className="font-semibold text-red-800">{t('manage.workshopPage.cancelled')}</p>
                  ) : (
                    <p className="text-slate-700">
                      {t('manage.workshopPage.signedUp', { confirmed: s.confirmedCount, capacity: s.capacity })}
                      {s.waitlistCount > 0 && ` · ${t('manage.workshopPage.waiting', { count: s.waitlistCount })}`}
                    </p>
                  )}
                  {s.trainers.length > 0 && <p className="text-slate-700">{t('manage.workshopPage.trainers', { names: s.trainers.map((tr) => tr.name).join(', ') })}</p>}
                  {s.canManage && s.status === 'scheduled' && (
                    <div className="mt-3 flex flex-wrap gap-2">
                      <Link href={`/mediation/seances/${s.id}/modifier`} className="btn-secondary">
                        {t('manage.workshopPage.editSession')} <span className="sr-only">{which}</span>
                      </Link>
                      <Link href={`/mediation/seances/${s.id}/annuler`} className="btn-secondary">
                        {t('manage.workshopPage.cancelSession')} <span className="sr-only">{which}</span>
                      </Link>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="modifier">
        <h2 id="modifier" className="mb-3 text-2xl font-bold">
          {t('manage.workshopPage.edit')}
        </h2>
        <WorkshopForm
          messages={messages}
          {...workshopFormChoices()}
          placeChoices={choices.map((p) => ({ id: p.id, label: label(p) }))}
          otherPlaces={workshop.places.filter((p) => !manageable.has(p.id)).map((p) => ({ id: p.id, label: label(p) }))}
          initial={{ ...workshop, placeIds: workshop.places.map((p) => p.id) }}
        />
      </section>
    </>
  );
}
