import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { ActionButton } from '@/app/_components/ActionButton';
import { listAccessibilityReports } from '@/lib/accessibility';
import { formatDay, formatTime } from '@/lib/format/dates';
import { getLocale, getT } from '@/lib/i18n';
import { listPlacesWithStaff } from '@/lib/places';
import { networkOverview } from '@/lib/stats';
import { markReportHandledAction } from './actions';

export const metadata: Metadata = { title: 'Coordination' };

export default async function CoordinationPage() {
  const actor = await requirePageAccess('coordination:view', '/coordination');
  const [t, locale, overview, places, reports] = await Promise.all([getT(), getLocale(), networkOverview(actor), listPlacesWithStaff(actor), listAccessibilityReports(actor)]);
  const figures = [
    { label: t('coordination.places'), value: overview.places },
    { label: t('coordination.workshops'), value: overview.workshops },
    { label: t('coordination.upcomingSessions'), value: overview.upcomingSessions },
    { label: t('coordination.learners'), value: overview.learners },
  ];
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('coordination.title')}</h1>
      <p className="mb-6">{t('coordination.intro')}</p>
      <nav aria-label={t('manage.nav.manageTitle')} className="mb-6 flex flex-wrap gap-2">
        <Link href="/coordination/lieux" className="btn">
          {t('manage.nav.places')}
        </Link>
        <Link href="/mediation/ateliers" className="btn-secondary">
          {t('manage.nav.allWorkshops')}
        </Link>
        <Link href="/coordination/statistiques" className="btn-secondary">
          {t('coordination.statsLink')}
        </Link>
        <Link href="/coordination/moderation" className="btn-secondary">
          {t('notes.moderation.link')}
        </Link>
        <Link href="/mediation/activites" className="btn-secondary">
          {t('coordination.activitiesLink')}
        </Link>
        <Link href="/coordination/statistiques/partages" className="btn-secondary">
          {t('coordination.sharesLink')}
        </Link>
      </nav>
      <dl className="mb-8 grid grid-cols-2 gap-3 md:grid-cols-4">
        {figures.map((f) => (
          <div key={f.label} className="card">
            <dt className="text-sm text-slate-700">{f.label}</dt>
            <dd className="text-3xl font-bold">{f.value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="accessibilite" className="mb-8">
        <h2 id="accessibilite" className="mb-1 text-2xl font-bold">
          {t('coordination.reportsTitle')}
        </h2>
        <p className="mb-3 text-slate-700">{t('coordination.reportsOpen', { count: reports.open })}</p>
        {reports.items.length === 0 ? (
          <p>{t('coordination.reportsNone')}</p>
        ) : (
          <ul className="grid gap-3">
            {reports.items.map((r) => (
              <li key={r.id} className={`card ${r.status === 'new' ? 'border-2 border-amber-800' : ''}`}>
                <p className="text-sm text-slate-700">
                  {formatDay(r.createdAt, locale)}, {formatTime(r.createdAt, locale)} · {r.status === 'new' ? t('coordination.reportNew') : t('coordination.reportHandled')}
                </p>
                <p className="my-1 whitespace-pre-line">{r.description}</p>
                {r.pageUrl && <p className="wrap-anywhere text-sm">{t('coordination.reportPage', { page: r.pageUrl })}</p>}
                <p className="wrap-anywhere text-sm">{r.contact ? t('coordination.reportContact', { contact: r.name ? `${r.contact} (${r.name})` : r.contact }) : t('coordination.reportNoContact')}</p>
                {r.status === 'new' && (
                  <div className="mt-2">
                    <ActionButton action={markReportHandledAction} fields={{ reportId: r.id }} label={t('coordination.reportMarkHandled')} className="btn-secondary" />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <h2 className="mb-3 text-2xl font-bold">{t('coordination.placesTitle')}</h2>
      <ul className="grid gap-3 md:grid-cols-2">
        {places.map((p) => (
          <li key={p.id} className="card">
            <p className="font-semibold">{p.name}</p>
            <p className="text-slate-700">{p.commune}</p>
            <p className="text-sm">
              {t('coordination.staff')} : {p.staff.length ? p.staff.join(', ') : t('coordination.noStaff')}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
