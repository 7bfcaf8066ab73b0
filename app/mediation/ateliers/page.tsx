import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { placeScope } from '@/lib/auth/policy';
import { WORKSHOP_STATUSES, type WorkshopStatus } from '@/lib/catalogue/schema';
import { listManagedWorkshops, placeChoicesFor } from '@/lib/catalogue/workshops-admin';
import { formatDuration } from '@/lib/format/dates';
import { getT, type MessageKey } from '@/lib/i18n';
import { SelectField } from '../../_components/Fields';
import { FormMessage } from '../../_components/FormMessage';
import { StatusBadge } from '../_components/StatusBadge';
import { doneMessage } from '../_lib/done';
import { StatusForm } from './StatusForm';

export const metadata: Metadata = { title: 'Mes ateliers' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ManagedWorkshopsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageAccess('mediation:view', '/mediation/ateliers');
  const params = await searchParams;
  const [t, choices] = await Promise.all([getT(), placeChoicesFor(actor)]);
  const place = choices.find((p) => p.slug === params.lieu);
  const status = WORKSHOP_STATUSES.find((s) => s === params.etat) as WorkshopStatus | undefined;
  const items = await listManagedWorkshops(actor, { placeId: place?.id, status });
  const everywhere = placeScope(actor) === 'all';
  const query = new URLSearchParams({ ...(place ? { lieu: place.slug } : {}), ...(status ? { etat: status } : {}) }).toString();
  const returnTo = `/mediation/ateliers${query ? `?${query}` : ''}`;

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t(everywhere ? 'manage.workshops.titleAll' : 'manage.workshops.title')}</h1>
      <p className="mb-4">{t(everywhere ? 'manage.workshops.introAll' : 'manage.workshops.intro')}</p>
      <FormMessage tone="success" message={doneMessage(t, params)} />
      {choices.length === 0 ? (
        <p className="mb-6">{t('manage.workshops.noPlace')}</p>
      ) : (
        <p className="mb-6">
          <Link href="/mediation/ateliers/nouveau" className="btn">
            {t('manage.nav.newWorkshop')}
          </Link>
        </p>
      )}
      {choices.length > 1 && (
        <form method="get" className="card mb-6 grid items-end gap-x-4 sm:grid-cols-[1fr_1fr_auto]">
          <h2 className="sr-only">{t('manage.workshops.filters')}</h2>
          <SelectField
            name="lieu"
            label={t('manage.workshops.filterPlace')}
            defaultValue={place?.slug ?? ''}
            options={[{ value: '', label: t('manage.workshops.allPlaces') }, ...choices.map((p) => ({ value: p.slug, label: `${p.name} (${p.commune})` }))]}
          />
          <SelectField
            name="etat"
            label={t('manage.workshops.filterStatus')}
            defaultValue={status ?? ''}
            options={[{ value: '', label: t('manage.workshops.allStatuses') }, ...WORKSHOP_STATUSES.map((s) => ({ value: s, label: t(`manage.status.${s}`) }))]}
          />
          <button type="submit" className="btn-secondary mb-5">
            {t('manage.workshops.filter')}
          </button>
        </form>
      )}
      <p className="mb-3 font-semibold">{t('manage.workshops.count', { count: items.length })}</p>
      {items.length === 0 ? (
        <p className="text-slate-700">{t('manage.workshops.empty')}</p>
      ) : (
        <ul className="grid gap-4">
          {items.map((w) => {
            const forWhom = t('manage.workshops.for', { title: w.title });
            return (
              <li key={w.id} className="card">
                <h2 className="text-xl font-bold">
                  <Link href={`/mediation/ateliers/${w.slug}`}>{w.title}</Link>
                </h2>
                <p className="mt-1">
                  <StatusBadge status={w.status} label={t(`manage.status.${w.status}`)} /> · {t(`levels.${w.level}` as MessageKey)} · {formatDuration(w.durationMinutes)}
                </p>
                <p className="text-slate-700">{t('manage.workshops.placesOf', { places: w.places.map((p) => p.name).join(', ') })}</p>
                <p className="text-slate-700">
                  {t('manage.workshops.upcoming', { count: w.upcomingSessions })}
                </p>
                <div className="mt-3 flex flex-wrap items-start gap-2">
                  <Link href={`/mediation/ateliers/${w.slug}`} className="btn-secondary">
                    {t('manage.workshops.edit')} <span className="sr-only">{forWhom}</span>
                  </Link>
                  {w.status !== 'archived' && (
                    <Link href={`/mediation/ateliers/${w.slug}/seances/nouvelle`} className="btn-secondary">
                      {t('manage.workshops.schedule')} <span className="sr-only">{forWhom}</span>
                    </Link>
                  )}
                  {w.status === 'draft' && (
                    <StatusForm slug={w.slug} status="published" label={t('manage.statusActions.publish')} context={forWhom} returnTo={returnTo} />
                  )}
                  {w.status === 'archived' && (
                    <StatusForm slug={w.slug} status="published" label={t('manage.statusActions.republish')} context={forWhom} returnTo={returnTo} />
                  )}
                  {w.status !== 'archived' && (
                    <Link href={`/mediation/ateliers/${w.slug}/archiver`} className="btn-secondary">
                      {t('manage.statusActions.archive')} <span className="sr-only">{forWhom}</span>
                    </Link>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
