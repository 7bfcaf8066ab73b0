import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/policy';
import { attendanceCountsFor, listRecentStaffSessions, type AttendanceCounts } from '@/lib/attendance';
import { requirePageAccess } from '@/lib/auth/guard';
import { getLocale, getT, type Translate } from '@/lib/i18n';
import { listStaffSessions, placesByIds } from '@/lib/places';
import { SessionList } from '../_components/SessionList';
import { hoursText } from '../_components/catalogue-text';
import { formatTime } from '@/lib/format/dates';
import { splitToday } from '@/lib/places/today';

export const metadata: Metadata = { title: 'Médiation' };

export default async function MediationPage() {
  const actor = await requirePageAccess('mediation:view', '/mediation');
  const now = new Date();
  const [t, locale, sessions, myPlaces, recent] = await Promise.all([getT(), getLocale(), listStaffSessions(actor, { now }), placesByIds(actor.staffedPlaceIds), listRecentStaffSessions(actor, { now })]);
  const counts = await attendanceCountsFor(actor, sessions.map((s) => s.id));
  // Today first: under way, still to come, or finished and still to close.
  const { today, rest: later } = splitToday(
    [
      ...sessions.map((s) => ({ ...s, closed: false, detail: signedUpText(t, s) })),
      ...recent.filter((s) => s.status === 'scheduled').map((s) => ({ ...s, closed: false, detail: t('mediation.confirmedCount', { count: s.counts.confirmed }) })),
    ],
    now,
  );
  const upcoming = later.filter((s) => s.endsAt > now);
  const badge = { 'in-progress': t('mediation.inProgress'), 'later-today': t('mediation.laterToday'), 'to-close': t('mediation.toClose') };
  return (
    <>
      <h1 className="mb-1 text-3xl font-bold">{t('mediation.title')}</h1>
      {myPlaces.length > 0 && <p className="mb-4 text-slate-700">{t('mediation.placesIntro', { places: myPlaces.map((p) => `${p.name}, ${p.commune}`).join(' ; ') })}</p>}

      <section aria-labelledby="aujourdhui" className="mb-8">
        <h2 id="aujourdhui" className="mb-3 text-2xl font-bold">
          {t('mediation.today')}
        </h2>
        {today.length === 0 ? (
          <p className="text-slate-700">{t('mediation.noToday')}</p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {today.map((s, i) => (
              <li key={s.id} className={`card ${s.state === 'in-progress' ? 'border-2 border-brand-800' : ''}`}>
                <p className="mb-1">
                  <span className={`inline-block rounded border-2 px-2 text-sm font-semibold ${s.state === 'in-progress' ? 'border-brand-800 bg-brand-50 text-brand-900' : s.state === 'to-close' ? 'border-amber-800 text-amber-900' : 'border-slate-600 text-slate-800'}`}>{badge[s.state]}</span>
                </p>
                <h3 className="text-xl font-bold">{s.workshopTitle}</h3>
                <p>{hoursText(s.startsAt, s.endsAt, locale)}</p>
                <p className="text-slate-700">{s.placeName}</p>
                <p className="mb-3 text-slate-700">{[s.detail, attendanceSummary(t, counts.get(s.id))].filter(Boolean).join(' · ')}</p>
                {/* One primary button on the screen: the session that needs the mediator first. */}
                <Link href={`/mediation/seances/${s.id}`} className={`${i === 0 ? 'btn' : 'btn-secondary'} w-full text-lg`}>
                  {t('mediation.takeAttendance')}
                  <span className="sr-only">
                    {' '}
                    : {s.workshopTitle}, {formatTime(s.startsAt, locale)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <nav aria-label={t('manage.nav.manageTitle')} className="mb-8">
        <h2 className="mb-2 text-xl font-bold">{t('mediation.toolsNav')}</h2>
        <ul className="grid gap-x-6 sm:grid-cols-2 md:grid-cols-3">
          <li>
            <Link href="/mediation/ateliers" className="inline-flex min-h-11 items-center">
              {t('manage.nav.workshops')}
            </Link>
          </li>
          <li>
            <Link href="/mediation/ateliers/nouveau" className="inline-flex min-h-11 items-center">
              {t('manage.nav.newWorkshop')}
            </Link>
          </li>
          {can(actor, 'enrollment:on-behalf', 'any-place') && (
            <li>
              <Link href="/mediation/inscrire" className="inline-flex min-h-11 items-center">
                {t('desk.link')}
              </Link>
            </li>
          )}
          <li>
            <Link href="/mediation/messages" className="inline-flex min-h-11 items-center">
              {t('desk.messagesLink')}
            </Link>
          </li>
          <li>
            <Link href="/mediation/activites" className="inline-flex min-h-11 items-center">
              {t('mediation.activitiesLink')}
            </Link>
          </li>
          <li>
            <Link href="/mediation/statistiques" className="inline-flex min-h-11 items-center">
              {t('mediation.statsLink')}
            </Link>
          </li>
        </ul>
      </nav>

      <h2 className="mb-3 text-2xl font-bold">{t('mediation.nextSessions')}</h2>
      <SessionList
        locale={locale}
        empty={t('mediation.noSessions')}
        items={upcoming.map((s) => ({
          id: s.id,
          title: s.workshopTitle,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          place: s.placeName,
          detail: [s.detail, attendanceSummary(t, counts.get(s.id))].filter(Boolean).join(' · '),
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

// "5 inscrits sur 8 · 2 en attente".
function signedUpText(t: Translate, s: { confirmedCount: number; capacity: number; waitlistCount: number }): string {
  return [t('mediation.signedUp', { confirmed: s.confirmedCount, capacity: s.capacity }), s.waitlistCount ? t('mediation.waiting', { count: s.waitlistCount }) : ''].filter(Boolean).join(' · ');
}

// "Présents : 3 · En retard : 1 · Absents : 0 · Sans inscription : 1", once someone is marked.
function attendanceSummary(t: Translate, counts: AttendanceCounts | undefined, always = false): string {
  if (!counts) return '';
  const marked = counts.present + counts.late + counts.excused + counts.absent;
  if (!always && marked === 0) return '';
  return t('mediation.attendanceSummary', { present: counts.present, late: counts.late, absent: counts.absent, walkIns: counts.walkIns });
}
