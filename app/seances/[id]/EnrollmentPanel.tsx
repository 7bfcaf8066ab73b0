import Link from 'next/link';
import { getActor } from '@/lib/auth/actor';
import { enrollmentPanel } from '@/lib/enrollment';
import { formatDay, formatTime } from '@/lib/format/dates';
import { getLocale, getT } from '@/lib/i18n';
import { EnrollmentForm } from './EnrollmentForm';

// The sign-up block of the session page: seats left, and what this person can do. Mount it in
// app/seances/[id]/page.tsx as <EnrollmentPanel sessionId={id} />; it renders nothing for an
// unknown session.
export async function EnrollmentPanel({ sessionId, now }: { sessionId: string; now?: Date }) {
  const [actor, t, locale] = await Promise.all([getActor(), getT(), getLocale()]);
  const panel = await enrollmentPanel(actor, sessionId, now ?? new Date());
  if (!panel) return null;
  const back = `/seances/${sessionId}`;
  const full = panel.seatsLeft === 0;
  const seats = full
    ? t('enrollmentPanel.full', { capacity: panel.capacity })
    : t('enrollmentPanel.seatsLeft', { count: panel.seatsLeft, capacity: panel.capacity });
  const waiting = panel.waitlistCount === 0 ? null : t('enrollmentPanel.waiting', { count: panel.waitlistCount });
  const closedText = panel.closed === 'cancelled' ? t('enrollmentPanel.cancelled') : panel.closed === 'over' ? t('enrollmentPanel.over') : panel.closed === 'cutoff' ? t('enrollmentPanel.cutoff') : null;
  const mode = panel.mine ? (panel.canCancel ? 'cancel' : 'none') : actor && !panel.closed ? 'enroll' : 'none';
  const waitlisted = panel.mine?.status === 'waitlisted';

  return (
    <section aria-labelledby="inscription-titre" className="card">
      <h2 id="inscription-titre" className="mb-2 text-2xl font-bold">
        {t('enrollmentPanel.title')}
      </h2>
      {panel.closed !== 'cancelled' && (
        <p className="text-lg font-semibold">
          {seats} {waiting}
        </p>
      )}
      {!panel.closed && panel.closesAt < panel.startsAt && (
        <p className="text-slate-700">{t('enrollmentPanel.closesAt', { day: formatDay(panel.closesAt, locale), time: formatTime(panel.closesAt, locale) })}</p>
      )}
      {closedText && <p className="mt-2 rounded-lg bg-slate-100 p-3 font-semibold">{closedText}</p>}

      {panel.mine && (
        <p className="mt-3 rounded-lg bg-brand-50 p-3 text-lg font-semibold text-brand-900">
          {waitlisted ? t('enrollmentPanel.youAreWaiting', { position: panel.mine.position ?? '' }) : t('enrollmentPanel.youAreConfirmed')}
        </p>
      )}
      {!panel.mine && !panel.closed && full && <p className="mt-2">{t('enrollmentPanel.fullHint')}</p>}

      {!actor && !panel.closed && (
        <div className="mt-4">
          <p className="mb-3">{t('enrollmentPanel.visitorHint')}</p>
          <div className="flex flex-wrap gap-3">
            <Link href={`/connexion?callbackUrl=${encodeURIComponent(back)}`} className="btn">
              {t('enrollmentPanel.signInToEnroll')}
            </Link>
            <Link href={`/inscription?callbackUrl=${encodeURIComponent(back)}`} className="btn-secondary">
              {t('enrollmentPanel.createAccount')}
            </Link>
          </div>
        </div>
      )}

      {actor && (
        <div className="mt-4">
          <EnrollmentForm
            sessionId={sessionId}
            mode={mode}
            labels={{
              enroll: full ? t('enrollmentPanel.enrollWaitlist') : t('enrollmentPanel.enroll'),
              cancel: waitlisted ? t('enrollmentPanel.leaveWaitlist') : t('enrollmentPanel.cancel'),
              confirmText: waitlisted ? t('enrollmentPanel.confirmLeave') : t('enrollmentPanel.confirmCancel'),
              confirmYes: waitlisted ? t('enrollmentPanel.confirmLeaveYes') : t('enrollmentPanel.confirmCancelYes'),
            }}
          />
        </div>
      )}

      {panel.canEnrollOthers && (
        <p className="mt-4">
          <Link href={`/mediation/inscrire?seance=${sessionId}`}>{t('enrollmentPanel.enrollOthers')}</Link>
        </p>
      )}
    </section>
  );
}
