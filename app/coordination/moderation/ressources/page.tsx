import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { formatDayWithYear } from '@/lib/format/dates';
import { pageData } from '@/lib/http/page';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';
import { reportedResources } from '@/lib/resources/ratings-and-reports';
import { moderateResourceAction } from '@/app/ressources/actions';
import { ActionForm } from '@/app/ressources/_components/ActionForm';

export const metadata: Metadata = { title: 'Ressources signalées' };

// The moderation queue of resources: reports of the resources of the places the person staffs
// (every place for coordinators). Hide the resource, or keep it and close the reports.
export default async function ResourceModerationPage() {
  const actor = await getActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent('/coordination/moderation/ressources')}`);
  const [t, locale, queue] = await Promise.all([getT(), getLocale(), pageData(reportedResources(actor))]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('resources.moderation.title')}</h1>
      <p className="mb-6">{t('resources.moderation.intro')}</p>
      {queue.length === 0 ? (
        <p className="text-slate-700">{t('resources.moderation.empty')}</p>
      ) : (
        <ul className="grid gap-4">
          {queue.map((r) => (
            <li key={r.slug} className="card">
              <h2 className="text-xl font-semibold">
                <Link href={`/ressources/${r.slug}`}>{r.title}</Link>
              </h2>
              {r.placeName && <p className="text-slate-700">{r.placeName}</p>}
              {r.hidden && <p className="font-semibold text-red-900">{t('resources.hidden')}</p>}
              <ul className="my-3 grid gap-1">
                {r.reports.map((report, i) => (
                  <li key={i}>
                    {t('resources.moderation.report', { reason: t(`moderation.reasons.resource.${report.reason}` as MessageKey), date: formatDayWithYear(report.createdAt, locale) })}
                    {report.comment && <q className="block text-slate-700">{report.comment}</q>}
                  </li>
                ))}
              </ul>
              <div className="flex flex-wrap gap-4">
                <ActionForm action={moderateResourceAction} submitLabel={t('resources.moderation.hide')}>
                  <input type="hidden" name="slug" value={r.slug} />
                  <input type="hidden" name="decision" value="hide" />
                  <label htmlFor={`raison-${r.slug}`} className="mb-1 block font-semibold">
                    {t('resources.moderation.reason')}
                  </label>
                  <input id={`raison-${r.slug}`} name="reason" maxLength={500} className="mb-2 block min-h-12 w-full rounded-lg border-2 border-slate-500 px-3" />
                </ActionForm>
                <ActionForm action={moderateResourceAction} submitLabel={t('resources.moderation.keep')} buttonClass="btn-secondary self-end">
                  <input type="hidden" name="slug" value={r.slug} />
                  <input type="hidden" name="decision" value="keep" />
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
