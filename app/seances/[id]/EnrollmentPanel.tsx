import Link from 'next/link';
import { whenText } from '@/app/_components/catalogue-text';
import { OpeningHours } from '@/app/lieux/_components/OpeningHours';
import { getActor } from '@/lib/auth/actor';
import { otherDatesOf, type OtherDate } from '@/lib/catalogue';
import { enrollmentPanel } from '@/lib/enrollment';
import { formatDay, formatTime } from '@/lib/format/dates';
import { formatPhoneForHumans, toInternationalPhone } from '@/lib/format/phone';
import { getLocale, getT, type Locale, type Translate } from '@/lib/i18n';
import { placeContactOf, type PlaceContact } from '@/lib/places';
import { EnrollmentForm } from './EnrollmentForm';

// The sign-up block of the session page, and the first thing on it after the title: seats left
// and the one thing this person can do (sign up, join the waiting list, cancel), then, for a
// visitor, how to sign up without e-mail, and when the session is full or closed, other dates.
// One self-contained component (it reads the actor and the data itself), so that it can be
// fetched apart from the rest of the page. Renders nothing for an unknown session.
export async function EnrollmentPanel({ sessionId, workshopSlug, now }: { sessionId: string; workshopSlug: string; now?: Date }) {
  const [actor, t, locale] = await Promise.all([getActor(), getT(), getLocale()]);
  const at = now ?? new Date();
  const panel = await enrollmentPanel(actor, sessionId, at);
  if (!panel) return null;
  const back = `/seances/${sessionId}`;
  const full = panel.seatsLeft === 0;
  const waitlisted = panel.mine?.status === 'waitlisted';
  const closedText = panel.closed === 'cancelled' ? t('enrollmentPanel.cancelled') : panel.closed === 'over' ? t('enrollmentPanel.over') : panel.closed === 'cutoff' ? t('enrollmentPanel.cutoff') : null;
  const mode = panel.mine ? (panel.canCancel ? 'cancel' : 'none') : actor && !panel.closed ? 'enroll' : 'none';
  const offerOtherDates = !panel.mine && (full || panel.closed !== null);
  const [contact, otherDates] = await Promise.all([!actor && !panel.closed ? placeContactOf(panel.placeId) : null, offerOtherDates ? otherDatesOf(sessionId, { now: at }) : null]);

  const seats = full ? t('enrollmentPanel.full', { capacity: panel.capacity }) : t('enrollmentPanel.seatsLeft', { count: panel.seatsLeft, capacity: panel.capacity });
  const waiting = panel.waitlistCount === 0 ? null : t('enrollmentPanel.waiting', { count: panel.waitlistCount });
  const standing = panel.mine ? (waitlisted ? t('enrollmentPanel.youAreWaiting', { position: panel.mine.position ?? 0 }) : t('enrollmentPanel.youAreConfirmed')) : null;

  return (
    <section aria-labelledby="inscription-titre" className="card border-2 border-brand-800">
      <h2 id="inscription-titre" className="mb-1 text-2xl font-bold">
        {t('enrollmentPanel.title')}
      </h2>
      {full && !panel.closed && !panel.mine && <p className="text-lg font-bold text-accent-700">{t('enrollmentPanel.fullLead')}</p>}
      {/* A full session already said "Complet" above: only the waiting line is left to tell. */}
      {panel.closed !== 'cancelled' && !panel.mine && (!full || panel.closed || waiting) && <p className="font-semibold">{full && !panel.closed ? waiting : [seats, waiting].filter(Boolean).join(' ')}</p>}
      {!panel.closed && !panel.mine && panel.closesAt < panel.startsAt && (
        <p className="text-slate-700">{t('enrollmentPanel.closesAt', { day: formatDay(panel.closesAt, locale), time: formatTime(panel.closesAt, locale) })}</p>
      )}
      {closedText && <p className="mt-2 rounded-lg bg-slate-100 p-3 font-semibold">{closedText}</p>}

      {actor ? (
        <div className="mt-3">
          <EnrollmentForm
            sessionId={sessionId}
            mode={mode}
            standing={standing}
            labels={{
              enroll: full ? t('enrollmentPanel.enrollWaitlist') : t('enrollmentPanel.enroll'),
              cancel: waitlisted ? t('enrollmentPanel.leaveWaitlist') : t('enrollmentPanel.cancel'),
              confirmText: waitlisted ? t('enrollmentPanel.confirmLeave') : t('enrollmentPanel.confirmCancel'),
              confirmYes: waitlisted ? t('enrollmentPanel.confirmLeaveYes') : t('enrollmentPanel.confirmCancelYes'),
            }}
          />
        </div>
      ) : (
        !panel.closed && (
          <div className="mt-3">
            <div className="flex flex-wrap gap-3">
              <Link href={`/connexion?callbackUrl=${encodeURIComponent(back)}`} className="btn w-full sm:w-auto">
                {full ? t('enrollmentPanel.signInToWaitlist') : t('enrollmentPanel.signInToEnroll')}
              </Link>
              <Link href={`/inscription?callbackUrl=${encodeURIComponent(back)}`} className="btn-secondary w-full sm:w-auto">
                {t('enrollmentPanel.createAccount')}
              </Link>
            </div>
            {contact && <WithoutEmail contact={contact} back={back} t={t} locale={locale} />}
          </div>
        )
      )}
      {!panel.mine && !panel.closed && full && <p className="mt-3 text-slate-700">{t('enrollmentPanel.fullHint')}</p>}

      {otherDates && <OtherDates dates={otherDates} workshopSlug={workshopSlug} t={t} locale={locale} />}

      {panel.canEnrollOthers && (
        <p className="mt-4">
          <Link href={`/mediation/inscrire?seance=${sessionId}`} className="inline-flex min-h-11 items-center">
            {t('enrollmentPanel.enrollOthers')}
          </Link>
        </p>
      )}
    </section>
  );
}

// Many learners have no e-mail address: the place signs them up by phone or at its desk.
function WithoutEmail({ contact, back, t, locale }: { contact: PlaceContact; back: string; t: Translate; locale: Locale }) {
  const phone = formatPhoneForHumans(contact.phone);
  const dial = toInternationalPhone(contact.phone) ?? contact.phone;
  return (
    <div className="mt-4 rounded-lg bg-brand-50 p-3">
      <h3 className="font-bold">{t('enrollmentPanel.noEmailTitle')}</h3>
      {phone && dial ? (
        <>
          <p>{t('enrollmentPanel.noEmailPhone', { place: contact.name })}</p>
          <p>
            <a href={`tel:${dial}`} className="inline-flex min-h-11 items-center text-lg font-semibold">
              {phone}
            </a>
          </p>
          <p className="mt-1">{t('enrollmentPanel.noEmailVisit')}</p>
        </>
      ) : (
        <p>{t('enrollmentPanel.noEmailVisitOnly', { place: contact.name })}</p>
      )}
      <OpeningHours text={contact.openingHours} locale={locale} t={t} />
      <p className="mt-2">
        <Link href={`/inscription?callbackUrl=${encodeURIComponent(back)}`} className="inline-flex min-h-11 items-center">
          {t('enrollmentPanel.phoneAccount')}
        </Link>
      </p>
    </div>
  );
}

function OtherDates({ dates, workshopSlug, t, locale }: { dates: { samePlace: OtherDate[]; nearby: OtherDate[] }; workshopSlug: string; t: Translate; locale: Locale }) {
  const line = (d: OtherDate, withPlace: boolean) => (
    <li key={d.id}>
      <Link href={`/seances/${d.id}`} className="inline-block py-1 font-semibold">
        {whenText(d.startsAt, d.endsAt, locale)}
      </Link>
      <span className="block text-slate-700">
        {withPlace && `${d.placeName}, ${d.commune}${d.distanceKm !== null ? ` (${t('enrollmentPanel.distance', { km: Math.max(1, Math.round(d.distanceKm)) })})` : ''} · `}
        {t('catalogue.seatsLeft', { count: d.seatsLeft })}
      </span>
    </li>
  );
  return (
    <div className="mt-4 border-t border-slate-300 pt-3">
      <h3 className="mb-1 text-xl font-bold">{t('enrollmentPanel.otherDatesTitle')}</h3>
      {dates.samePlace.length === 0 && dates.nearby.length === 0 && <p>{t('enrollmentPanel.noOtherDates')}</p>}
      {dates.samePlace.length > 0 && (
        <>
          <h4 className="mt-2 font-semibold">{t('enrollmentPanel.samePlace')}</h4>
          <ul className="grid gap-1">{dates.samePlace.map((d) => line(d, false))}</ul>
        </>
      )}
      {dates.nearby.length > 0 && (
        <>
          <h4 className="mt-2 font-semibold">{t('enrollmentPanel.nearby')}</h4>
          <ul className="grid gap-1">{dates.nearby.map((d) => line(d, true))}</ul>
        </>
      )}
      <p className="mt-2">
        <Link href={`/ateliers/${workshopSlug}`} className="inline-flex min-h-11 items-center">
          {t('enrollmentPanel.allDates')}
        </Link>
      </p>
    </div>
  );
}
