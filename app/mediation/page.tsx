import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/policy';
import { attendanceCountsFor, listRecentStaffSessions, type AttendanceCounts } from '@/lib/attendance';
import { requirePageAccess } from '@/lib/auth/guard';
import { getLocale, getT, type Translate } from '@/lib/i18n';
import { listStaffSessions, placesByIds } from '@/lib/places';
import { SessionList } from '../_components/SessionList';

export const metadata: Metadata = { title: 'Médiation' };

export default async function MediationPage() {
  const actor = await requirePageAccess('mediation:view', '/mediation');
  const [t, locale, sessions, myPlaces, recent] = await Promise.all([getT(), getLocale(), listStaffSessions(actor), placesByIds(actor.staffedPlaceIds), listRecentStaffSessions(actor)]);
  const counts = await attendanceCountsFor(actor, sessions.map((s) => s.id));
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('mediation.title')}</h1>
      <p className="mb-6">{t('mediation.intro')}</p>
      <nav aria-label={t('manage.nav.manageTitle')} className="mb-6 flex flex-wrap gap-2">
        <Link href="/mediation/ateliers" className="btn">
          {t('manage.nav.workshops')}
        </Link>
        <Link href="/mediation/ateliers/nouveau" className="btn-secondary">
          {t('manage.nav.newWorkshop')}
        </Link>
        {can(actor, 'enrollment:on-behalf', 'any-place') && (
          <Link href="/mediation/inscrire" className="btn">
            {t('desk.link')}
          </Link>
        )}
        <Link href="/mediation/messages" className="btn-secondary">
          {t('desk.messagesLink')}
        </Link>
        <Link href="/mediation/activites" className="btn-secondary">
          {t('mediation.activitiesLink')}
        </Link>
        <Link href="/mediation/statistiques" className="btn-secondary">
          {t('mediation.statsLink')}
        </Link>
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
          detail: [
            t('mediation.signedUp', { confirmed: s.confirmedCount, capacity: s.capacity }),
            s.waitlistCount ? t('mediation.waiting', { count: s.waitlistCount }) : '',
            attendanceSummary(t, counts.get(s.id)),
          ]
            .filter(Boolean)
            .join(' · '),
          href: `/mediation/seances/${s.id}`,
        }))}
      />
      <h2 className="mb-3 mt-8 text-2xl font-bold">{t('mediation.recentSessions')}</h2>
      <SessionList
        locale={locale}
        empty={t('mediation.noRecent')}
        items={recent.map((s) => ({
          id: s.id,
          title: s.workshopTitle,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          place: s.placeName,
          detail: [s.status === 'done' ? t('mediation.closed') : t('mediation.toClose'), t('mediation.confirmedCount', { count: s.counts.confirmed }), attendanceSummary(t, s.counts, true)]
            .filter(Boolean)
            .join(' · '),
          href: `/mediation/seances/${s.id}`,
        }))}
      />
    </>
  );
}

// "Présents : 3 · En retard : 1 · Absents : 0 · Sans inscription : 1", once someone is marked.
function attendanceSummary(t: Translate, counts: AttendanceCounts | undefined, always = false): string {
  if (!counts) return '';
  const marked = counts.present + counts.late + counts.excused + counts.absent;
  if (!always && marked === 0) return '';
  return t('mediation.attendanceSummary', { present: counts.present, late: counts.late, absent: counts.absent, walkIns: counts.walkIns });
}
