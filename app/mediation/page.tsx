import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { getLocale, getT } from '@/lib/i18n';
import { listStaffSessions, placesByIds } from '@/lib/places';
import { SessionList } from '../_components/SessionList';

export const metadata: Metadata = { title: 'Médiation' };

export default async function MediationPage() {
  const actor = await requirePageAccess('mediation:view', '/mediation');
  const [t, locale, sessions, myPlaces] = await Promise.all([getT(), getLocale(), listStaffSessions(actor), placesByIds(actor.staffedPlaceIds)]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('mediation.title')}</h1>
      <p className="mb-4">{t('mediation.intro')}</p>
      <nav aria-label={t('mediation.toolsNav')} className="mb-6">
        <ul className="flex flex-wrap gap-3">
          <li>
            <Link href="/mediation/activites" className="btn-secondary">
              {t('mediation.activitiesLink')}
            </Link>
          </li>
          <li>
            <Link href="/mediation/statistiques" className="btn-secondary">
              {t('mediation.statsLink')}
            </Link>
          </li>
        </ul>
      </nav>
      {myPlaces.length > 0 && (
        <section className="mb-6">
          <h2 className="mb-2 text-2xl font-bold">{t('mediation.myPlaces')}</h2>
          <ul className="list-disc pl-5">
            {myPlaces.map((p) => (
              <li key={p.id}>
                {p.name}, {p.commune}
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2 className="mb-3 text-2xl font-bold">{t('mediation.nextSessions')}</h2>
      <SessionList
        locale={locale}
        empty={t('mediation.noSessions')}
        items={sessions.map((s) => ({
          id: s.id,
          title: s.workshopTitle,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          place: s.placeName,
          detail: [t('mediation.signedUp', { confirmed: s.confirmedCount, capacity: s.capacity }), s.waitlistCount ? t('mediation.waiting', { count: s.waitlistCount }) : ''].filter(Boolean).join(' · '),
        }))}
      />
    </>
  );
}
