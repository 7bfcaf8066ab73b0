import type { Metadata } from 'next';
import Link from 'next/link';
import { memosOfMySessions } from '@/lib/notes/memo';
import { listMyAttendance } from '@/lib/attendance';
import { requirePageAccess } from '@/lib/auth/guard';
import { myCalendarLink } from '@/lib/calendar/feed';
import { listMyEnrollments } from '@/lib/enrollment';
import { whenText } from '@/app/_components/catalogue-text';
import { formatDay, formatDayWithYear } from '@/lib/format/dates';
import { getLocale, getT } from '@/lib/i18n';
import { FormMessage } from '../_components/FormMessage';
import { SessionList } from '../_components/SessionList';
import { SupportsList } from '../ressources/_components/SupportsList';
import { supportsOfSessions } from '@/lib/resources/workshop-supports';
import { signOutAction } from '@/app/actions';
import { createCalendarLinkAction, revokeCalendarLinkAction } from './actions';
import { CancelEnrollmentForm } from './CancelEnrollmentForm';
import { ActionButton } from '@/app/_components/ActionButton';
import { CertificateLink } from './CertificateLink';

export const metadata: Metadata = { title: 'Mon espace' };

export default async function MySpacePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess('myspace:view', '/mon-espace');
  const [t, locale, mine, attended, calendarLink, params, memos] = await Promise.all([getT(), getLocale(), listMyEnrollments(actor), listMyAttendance(actor), myCalendarLink(actor), searchParams, memosOfMySessions(actor)]);
  const banner =
    params.annulation === 'inscription'
      ? t('myEnrollments.cancelledBanner')
      : params.annulation === 'attente'
        ? t('myEnrollments.leftBanner')
        : params.agenda === 'supprime'
          ? t('myEnrollments.calendarRevoked')
          : undefined;
  const supports = await supportsOfSessions(
    actor,
    attended.filter((a) => a.certificate).map((a) => a.sessionId),
  );
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('mySpace.title')}</h1>
      <p className="mb-6 text-lg">{t('mySpace.hello', { name: actor.name })}</p>
      <FormMessage message={banner} tone="success" />
      <h2 id="mes-ateliers" className="mb-3 text-2xl font-bold">
        {t('mySpace.upcoming')}
      </h2>
      {mine.upcoming.length === 0 ? (
        <p className="text-slate-700">{t('mySpace.noUpcoming')}</p>
      ) : (
        <ul className="grid gap-3">
          {mine.upcoming.map((e) => {
            const waitlisted = e.status === 'waitlisted';
            return (
              <li key={e.id} className="card">
                <p className="font-semibold">
                  <Link href={`/seances/${e.sessionId}`}>{e.workshopTitle}</Link>
                </p>
                <p>{whenText(e.startsAt, e.endsAt, locale)}</p>
                <p className="text-slate-700">{e.placeName}</p>
                <p className={`mt-1 font-semibold ${waitlisted ? 'text-accent-700' : 'text-brand-800'}`}>
                  {waitlisted ? t('myEnrollments.waitlisted', { position: e.position ?? '' }) : t('myEnrollments.confirmed')}
                </p>
                {e.canCancel && (
                  <CancelEnrollmentForm
                    sessionId={e.sessionId}
                    labels={{
                      open: waitlisted ? t('enrollmentPanel.leaveWaitlist') : t('enrollmentPanel.cancel'),
                      text: waitlisted ? t('enrollmentPanel.confirmLeave') : t('enrollmentPanel.confirmCancel'),
                      yes: waitlisted ? t('enrollmentPanel.confirmLeaveYes') : t('enrollmentPanel.confirmCancelYes'),
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="my-4 flex flex-wrap gap-2">
        <Link href="/ateliers" className="btn-secondary">
          {t('mySpace.findWorkshop')}
        </Link>
        <Link href="/mon-espace/notes" className="btn-secondary">
          {t('notes.mine.link')}
        </Link>
        <Link href="/envies" className="btn-secondary">
          {t('notes.mine.wishesLink')}
        </Link>
      </p>
      <h2 className="mb-3 mt-8 text-2xl font-bold">{t('mySpace.past')}</h2>
      <SessionList
        locale={locale}
        empty={t('mySpace.noPast')}
        items={attended.map((a) => ({
          id: a.sessionId,
          title: a.workshopTitle,
          startsAt: a.startsAt,
          endsAt: a.endsAt,
          place: a.placeName,
          detail: [t(`attendance.${a.status}`), a.walkIn ? t('mySpaceAttendance.walkIn') : ''].filter(Boolean).join(', '),
          extra: (
            <>
              {a.certificate && (
                <CertificateLink sessionId={a.sessionId} label={t('certificates.download')} fullLabel={t('certificates.downloadFor', { title: a.workshopTitle, date: formatDay(a.startsAt, locale) })} />
              )}
              {memos.has(a.sessionId) && (
                <Link href={`/seances/${a.sessionId}/memo`} className="inline-flex min-h-11 items-center" aria-label={`${t('notes.memo.link')} : ${a.workshopTitle}, ${formatDay(a.startsAt, locale)}`}>
                  {t('notes.memo.link')}
                </Link>
              )}
              {(supports.get(a.sessionId)?.length ?? 0) > 0 && (
                <div className="mt-3">
                  <p className="mb-1 font-semibold">{t('resources.supports')}</p>
                  <SupportsList items={supports.get(a.sessionId)!} t={t} locale={locale} />
                </div>
              )}
            </>
          ),
        }))}
      />
      <section aria-labelledby="agenda" className="mt-8">
        <h2 id="agenda" className="mb-2 text-2xl font-bold">
          {t('myEnrollments.calendarTitle')}
        </h2>
        <p className="mb-3">{t('myEnrollments.calendarIntro')}</p>
        {calendarLink && <p className="mb-2 font-semibold">{t('myEnrollments.calendarMadeOn', { date: formatDayWithYear(calendarLink.createdAt, locale) })}</p>}
        <ActionButton
          action={createCalendarLinkAction}
          fields={{}}
          label={calendarLink ? t('myEnrollments.calendarRenew') : t('myEnrollments.calendarCreate')}
          className={calendarLink ? 'btn-secondary' : 'btn'}
          secret={{ id: 'lien-agenda', labels: { link: t('myEnrollments.calendarLabel'), hint: t('myEnrollments.calendarHint'), once: t('myEnrollments.calendarOnce'), copy: t('myEnrollments.calendarCopy'), copied: t('myEnrollments.calendarCopied') } }}
        />
        {calendarLink && <p className="mb-4 mt-1 text-sm text-slate-700">{t('myEnrollments.calendarRenewHint')}</p>}
        {calendarLink && (
          <form action={revokeCalendarLinkAction}>
            <p className="mb-2 text-sm text-slate-700">{t('myEnrollments.calendarRevokeHint')}</p>
            <button type="submit" className="btn-secondary">
              {t('myEnrollments.calendarRevoke')}
            </button>
          </form>
        )}
      </section>
      <p className="mt-8">
        <Link href="/mon-espace/donnees" className="underline">
          {t('myData.link')}
        </Link>
      </p>
      {/* A plain button as well as the one in the header: on a shared computer of the place, leaving
          is one click from here. */}
      <form action={signOutAction} className="mt-8 border-t border-slate-300 pt-6">
        <p className="mb-2">{t('mySpace.signOutHint')}</p>
        <button type="submit" className="btn-secondary">
          {t('layout.signOut')}
        </button>
      </form>
    </>
  );
}
