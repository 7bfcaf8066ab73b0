import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requirePageAccess } from '@/lib/auth/guard';
import { can } from '@/lib/auth/policy';
import { whenText } from '@/app/_components/catalogue-text';
import { getLocale, getT } from '@/lib/i18n';
import { searchKnownLearners } from '@/lib/learners';
import { listStaffSessions } from '@/lib/places';
import { NewPersonSection } from '../_components/NewPersonForm';
import { createLearnerAction } from './actions';
import { PersonActions } from './DeskForms';

export const metadata: Metadata = { title: 'Inscrire une personne' };

// The desk view: choose a session, find the person (or create their profile), sign them up.
// Steps 1 and 2 are plain GET forms, so the page works without JavaScript and can be bookmarked.
export default async function DeskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess('mediation:view', '/mediation/inscrire');
  if (!can(actor, 'enrollment:on-behalf', 'any-place')) forbidden();
  const params = await searchParams;
  const chosenId = typeof params.seance === 'string' ? params.seance : '';
  const q = typeof params.q === 'string' ? params.q.slice(0, 100) : '';
  const [t, locale, sessions] = await Promise.all([getT(), getLocale(), listStaffSessions(actor, { purpose: 'desk' })]);
  const chosen = sessions.find((s) => s.id === chosenId);
  const found = chosen && q.trim().length >= 2 ? await searchKnownLearners(actor, { q }, { sessionId: chosen.id }) : null;
  const seatsOf = (s: (typeof sessions)[number]) => {
    const left = s.capacity - s.confirmedCount;
    return left <= 0 ? t('desk.full', { count: s.waitlistCount }) : t('desk.seats', { count: left });
  };

  return (
    <>
      <p className="mb-1">
        <Link href="/mediation" className="inline-flex min-h-11 items-center">
          ← {t('mediation.title')}
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('desk.title')}</h1>
      {!chosen && <p className="mb-6">{t('desk.intro')}</p>}

      <section aria-labelledby="etape-seance" className="mb-6">
        <h2 id="etape-seance" className="mb-2 text-2xl font-bold">
          {t('desk.step1')}
        </h2>
        {chosen ? (
          // Once chosen, the session shrinks to one line so that the search is on the first screen.
          <div className="rounded-lg bg-brand-50 p-3">
            <p>
              <strong>{t('desk.chosen', { title: chosen.workshopTitle, when: whenText(chosen.startsAt, chosen.endsAt, locale), place: chosen.placeName })}</strong> {seatsOf(chosen)}.
            </p>
            <p className="flex flex-wrap gap-x-4">
              <Link href="/mediation/inscrire" className="inline-flex min-h-11 items-center">
                {t('desk.changeSession')}
              </Link>
              <Link href={`/seances/${chosen.id}`} className="inline-flex min-h-11 items-center">
                {t('desk.seeSessionPage')}
              </Link>
            </p>
          </div>
        ) : sessions.length === 0 ? (
          <p>{t('desk.noSessions')}</p>
        ) : (
          <>
            <p className="mb-2 text-slate-700">{t('desk.chooseSessionHint')}</p>
            <ul className="grid gap-2 md:grid-cols-2">
              {sessions.map((s) => (
                <li key={s.id}>
                  <Link href={`/mediation/inscrire?seance=${s.id}`} data-session={s.id} className="card block h-full text-slate-900 no-underline hover:border-brand-800 hover:bg-brand-50">
                    <span className="block font-bold text-brand-800 underline">{s.workshopTitle}</span>
                    <span className="block">{whenText(s.startsAt, s.endsAt, locale)}</span>
                    <span className="block text-slate-700">
                      {s.placeName} · {seatsOf(s)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {chosen ? (
        <>
          <section aria-labelledby="etape-personne" className="mb-8">
            <h2 id="etape-personne" className="mb-3 text-2xl font-bold">
              {t('desk.step2')}
            </h2>
            <form method="get" action="/mediation/inscrire" role="search" className="max-w-2xl">
              <input type="hidden" name="seance" value={chosen.id} />
              <label htmlFor="q" className="mb-1 block font-semibold">
                {t('desk.searchLabel')}
              </label>
              <p id="q-aide" className="mb-1 text-sm text-slate-700">
                {t('desk.searchHint')}
              </p>
              <div className="flex flex-wrap gap-2">
                <input id="q" name="q" type="search" defaultValue={q} aria-describedby="q-aide" className="min-h-12 min-w-0 flex-1 basis-48 rounded-lg border-2 border-slate-500 px-3 text-base" />
                <button type="submit" className="btn">
                  {t('desk.searchButton')}
                </button>
              </div>
            </form>
            {found && found.length === 0 && <p className="mt-4">{t('desk.noResult')}</p>}
            {found && found.length > 0 && (
              <>
                <h3 className="mb-2 mt-6 text-xl font-bold">{t('desk.results')}</h3>
                <ul className="grid grid-cols-1 gap-3">
                  {found.map((person) => (
                    <li key={person.id} className="card">
                      <p className="text-lg font-semibold">
                        {person.name}
                        {person.namesake && <span className="ml-2 text-base font-normal text-slate-700">({person.namesake})</span>}
                      </p>
                      {person.phone || person.email ? (
                        <p className="wrap-anywhere text-slate-700">{[person.phone, person.email ?? t('desk.noEmail')].filter(Boolean).join(' · ')}</p>
                      ) : (
                        <p className="text-sm text-slate-700">{t('desk.contactHidden')}</p>
                      )}
                      <PersonActions
                        sessionId={chosen.id}
                        learnerId={person.id}
                        learnerName={person.name}
                        statusInSession={person.statusInSession}
                        claimable={person.claimable}
                        labels={{
                          enroll: t('desk.enrollPerson', { name: person.name }),
                          newCode: t('desk.newCode', { name: person.name }),
                          alreadyConfirmed: t('desk.alreadyConfirmed'),
                          alreadyWaiting: t('desk.alreadyWaiting'),
                          claimCodeText: t('desk.claimCodeText'),
                        }}
                      />
                      <p className="mt-2">
                        <Link href={`/mediation/personnes/${person.id}`} className="inline-flex min-h-11 items-center">
                          {t('myData.deskPersonLink')}
                        </Link>
                      </p>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <NewPersonSection
            id="etape-nouvelle"
            title={t('desk.step3')}
            intro={t('desk.step3Intro')}
            action={createLearnerAction}
            sessionId={chosen.id}
            labels={{
              name: t('desk.name'),
              phone: t('desk.phone'),
              phoneHint: t('desk.phoneHint'),
              consent: t('desk.consent'),
              privacyLink: t('privacy.deskLink'),
              submit: t('desk.create'),
              claimCodeTitle: t('desk.claimCodeTitle'),
              claimCodeText: t('desk.claimCodeText'),
            }}
          />
        </>
      ) : null}
    </>
  );
}
