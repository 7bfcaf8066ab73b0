import type { Metadata } from 'next';
import Link from 'next/link';
import { activityIdForSession } from '@/lib/activities/reads';
import { getRoster } from '@/lib/attendance';
import { qrCodeDataUri } from '@/lib/attendance/qr';
import { getActor } from '@/lib/auth/actor';
import { formatDay, formatSessionTime, formatTime } from '@/lib/format/dates';
import { publicUrl } from '@/lib/http/origin';
import { pageData } from '@/lib/http/page';
import { getLocale, getT } from '@/lib/i18n';
import { RecordSessionButton } from '../../activites/RecordSessionButton';
import { AttendanceRoster, type RosterLabels } from './AttendanceRoster';
import { CloseSessionForm, SelfCheckInForm } from './SessionForms';

export const metadata: Metadata = { title: 'Émargement' };

export default async function RosterPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ ajout?: string; cloture?: string }> }) {
  const { id } = await params;
  const path = `/mediation/seances/${id}`;
  const [actor, t, locale, query] = await Promise.all([getActor(), getT(), getLocale(), searchParams]);
  const roster = await pageData(getRoster(actor, id), { returnTo: path });
  const { session, people, waitlist } = roster;
  const closed = Boolean(session.closedAt);
  const cancelled = session.status === 'cancelled';
  const api = `/api/v1/sessions/${session.id}`;
  const added = query.ajout ? people.find((p) => p.personId === query.ajout) : undefined;

  const checkInUrl = session.selfCheckIn && session.checkInCode ? publicUrl(`/pointage/${session.checkInCode}`) : null;
  const qr = checkInUrl ? await qrCodeDataUri(checkInUrl) : null;

  const labels: RosterLabels = {
    statuses: { unmarked: t('attendance.unmarked'), present: t('attendance.present'), late: t('attendance.late'), excused: t('attendance.excused'), absent: t('attendance.absent') },
    counts: {
      confirmed: t('roster.counts.confirmed'),
      present: t('roster.counts.present'),
      late: t('roster.counts.late'),
      excused: t('roster.counts.excused'),
      absent: t('roster.counts.absent'),
      walkIns: t('roster.counts.walkIns'),
      unmarked: t('roster.counts.unmarked'),
    },
    countsTitle: t('roster.countsTitle'),
    walkIn: t('roster.walkIn'),
    saved: t('roster.saved'),
    saving: t('roster.saving'),
    failed: t('roster.failed'),
    refused: t('roster.refused', { message: '{message}' }),
    offline: t('roster.offline'),
    announce: t('roster.announce', { name: '{name}', status: '{status}' }),
    pendingLeave: t('roster.pendingLeave'),
    certificate: t('roster.certificate'),
    certificateFor: t('roster.certificateFor', { name: '{name}' }),
    empty: t('roster.empty'),
  };

  return (
    <>
      <p className="mb-4">
        <Link href="/mediation">← {t('roster.back')}</Link>
      </p>
      <h1 className="mb-1 text-3xl font-bold">{session.workshopTitle}</h1>
      <p className="text-lg">{formatSessionTime(session.startsAt, session.endsAt, locale)}</p>
      <p className="text-slate-700">
        {session.placeName}, {session.placeCommune}
      </p>
      {session.trainers.length > 0 && <p className="mb-4 text-slate-700">{t('roster.trainers', { names: session.trainers.join(', ') })}</p>}
      {cancelled && <p className="mb-4 rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">{t('roster.cancelled')}</p>}
      {closed && (
        <div className="mb-4 rounded-lg border-2 border-slate-500 bg-slate-50 p-3">
          <p className="font-semibold">{t('roster.closedOn', { date: `${formatDay(session.closedAt!, locale)}, ${formatTime(session.closedAt!, locale)}` })}</p>
          <p>{t('roster.closedNote')}</p>
          {/* No double entry: the closed session becomes a collective activity in one more click. */}
          <div className="mt-3">
            <RecordSessionButton sessionId={session.id} activityId={await activityIdForSession(actor, session.id)} />
          </div>
          <p className="mt-3">
            <Link href={`/seances/${session.id}/memo`} className="btn-secondary">
              {t('notes.memo.start')}
            </Link>
          </p>
        </div>
      )}
      {closed && query.cloture !== undefined && /^\d+$/.test(query.cloture) && (
        <p role="status" className="mb-4 rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold text-green-900">
          {t('roster.closedNow', { count: Number(query.cloture) })}
        </p>
      )}
      {added && (
        <p role="status" className="mb-4 rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold text-green-900">
          {t('roster.added', { name: added.name })}
        </p>
      )}

      <section aria-labelledby="emargement" className="mb-8">
        <h2 id="emargement" className="mb-1 mt-6 text-2xl font-bold">
          {t('roster.title')}
        </h2>
        {!cancelled && <p className="mb-4">{t('roster.intro')}</p>}
        <AttendanceRoster
          sessionId={session.id}
          labels={labels}
          people={people.map((p) => ({
            personId: p.personId,
            name: p.namesake ? `${p.name} (${p.namesake})` : p.name,
            status: p.status,
            walkIn: p.walkIn,
            enrolled: p.enrolled,
            noShows: p.noShows === 0 ? null : t('roster.noShows', { count: p.noShows }),
            certificateHref: `${api}/certificate.pdf?person=${p.personId}`,
          }))}
        />
        {!cancelled && (
          <p className="mt-4">
            <Link href={`${path}/sans-inscription`} className="btn-secondary w-full sm:w-auto">
              {t('roster.addWalkIn')}
            </Link>
          </p>
        )}
      </section>

      {waitlist.length > 0 && (
        <section aria-labelledby="attente" className="mb-8">
          <h2 id="attente" className="mb-1 text-2xl font-bold">
            {t('roster.waitlistTitle')}
          </h2>
          <p className="mb-2 text-slate-700">{t('roster.waitlistIntro')}</p>
          <ol className="list-decimal pl-6">
            {waitlist.map((w) => (
              <li key={w.personId}>{w.name}</li>
            ))}
          </ol>
        </section>
      )}

      {!cancelled && !closed && (
        <section aria-labelledby="cloture" className="mb-8">
          <h2 id="cloture" className="mb-1 text-2xl font-bold">
            {t('roster.closeTitle')}
          </h2>
          <p className="mb-3">{t('roster.closeIntro')}</p>
          <CloseSessionForm
            sessionId={session.id}
            labels={{ open: t('roster.closeButton'), confirmText: t('roster.closeConfirm', { count: people.filter((p) => p.status === 'unmarked').length }), confirmYes: t('roster.closeYes') }}
          />
        </section>
      )}

      {!cancelled && !closed && (
        <section aria-labelledby="pointage" className="mb-8">
          <h2 id="pointage" className="mb-1 text-2xl font-bold">
            {t('roster.selfCheckInTitle')}
          </h2>
          {checkInUrl && qr ? (
            <div className="mb-4">
              <p className="mb-3">{t('roster.selfCheckInOn', { url: checkInUrl.replace(/\/[^/]+$/, '') })}</p>
              <div className="flex flex-wrap items-center gap-6">
                {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URI, nothing to optimise */}
                <img src={qr} alt={t('roster.qrAlt')} width={240} height={240} className="h-60 w-60 border border-slate-300" />
                <div>
                  <p className="text-sm font-semibold text-slate-700">{t('roster.codeLabel')}</p>
                  <p className="font-mono text-5xl font-bold tracking-widest" data-check-in-code>
                    {session.checkInCode}
                  </p>
                </div>
              </div>
              <p className="mt-3 text-slate-700">{t('roster.window', { minutes: session.lateAfterMinutes })}</p>
              <p className="mb-3 text-slate-700">{session.walkInsAllowed ? t('roster.walkInsAllowed') : t('roster.walkInsNotAllowed')}</p>
            </div>
          ) : (
            <p className="mb-3">{t('roster.selfCheckInOff')}</p>
          )}
          <SelfCheckInForm
            sessionId={session.id}
            enabled={session.selfCheckIn}
            lateAfterMinutes={session.lateAfterMinutes}
            labels={{ lateAfter: t('roster.lateAfter'), lateAfterHint: t('roster.lateAfterHint'), enable: t('roster.enable'), disable: t('roster.disable') }}
          />
        </section>
      )}

      <section aria-labelledby="documents" className="mb-8">
        <h2 id="documents" className="mb-2 text-2xl font-bold">
          {t('roster.documentsTitle')}
        </h2>
        <ul className="grid gap-2">
          <li>
            <a className="inline-flex min-h-11 items-center" href={`${api}/sign-in-sheet.pdf`}>{t('roster.sheet')}</a>
          </li>
          <li>
            <a className="inline-flex min-h-11 items-center" href={`${api}/sign-in-sheet.pdf?blank=1`}>{t('roster.blankSheet')}</a>
          </li>
          <li>
            <a className="inline-flex min-h-11 items-center" href={`${api}/attendance.csv`}>{t('roster.csv')}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
