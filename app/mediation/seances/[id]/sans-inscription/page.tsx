import type { Metadata } from 'next';
import Link from 'next/link';
import { getRoster, searchWalkInCandidates, type WalkInCandidate } from '@/lib/attendance';
import { getActor } from '@/lib/auth/actor';
import { ValidationError } from '@/lib/errors';
import { formatSessionTime } from '@/lib/format/dates';
import { pageData } from '@/lib/http/page';
import { getLocale, getT } from '@/lib/i18n';
import { NewPersonSection } from '../../../_components/NewPersonForm';
import { addNewWalkInAction } from './actions';
import { PickWalkInForm } from './WalkInForms';

export const metadata: Metadata = { title: 'Ajouter une personne venue sans inscription' };

export default async function WalkInPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string }> }) {
  const { id } = await params;
  const path = `/mediation/seances/${id}/sans-inscription`;
  const [actor, t, locale, { q }] = await Promise.all([getActor(), getT(), getLocale(), searchParams]);
  const { session } = await pageData(getRoster(actor, id), { returnTo: path });
  const query = typeof q === 'string' ? q.trim() : '';
  let found: WalkInCandidate[] | null = null;
  let searchError: string | undefined;
  if (query) {
    try {
      found = await searchWalkInCandidates(actor, id, { q: query });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      searchError = Object.values(error.fieldErrors ?? {})[0]?.[0];
    }
  }

  return (
    <>
      <p className="mb-4">
        <Link href={`/mediation/seances/${id}`}>← {t('walkIn.back')}</Link>
      </p>
      <h1 className="mb-1 text-3xl font-bold">{t('walkIn.title')}</h1>
      <p className="text-lg">
        {session.workshopTitle} — {formatSessionTime(session.startsAt, session.endsAt, locale)}
      </p>
      <p className="mb-6">{t('walkIn.intro')}</p>

      <section aria-labelledby="connue" className="mb-10">
        <h2 id="connue" className="mb-3 text-2xl font-bold">
          {t('walkIn.searchTitle')}
        </h2>
        <form method="get" action={path} role="search" className="mb-4 max-w-md">
          <label htmlFor="q" className="mb-1 block font-semibold">
            {t('walkIn.searchLabel')}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={query}
              autoComplete="off"
              aria-invalid={searchError ? true : undefined}
              aria-describedby={searchError ? 'q-erreur' : undefined}
              className={`min-h-12 min-w-0 flex-1 rounded-lg border-2 px-3 py-2 text-base ${searchError ? 'border-red-700' : 'border-slate-500'}`}
            />
            <button type="submit" className="btn">
              {t('walkIn.searchButton')}
            </button>
          </div>
          {searchError && (
            <p id="q-erreur" className="mt-1 font-semibold text-red-800">
              {searchError}
            </p>
          )}
        </form>
        {found && found.length === 0 && <p role="status">{t('walkIn.noResult', { q: query })}</p>}
        {found && found.length > 0 && (
          <>
            <h3 className="sr-only">{t('walkIn.results')}</h3>
            <ul className="grid max-w-md gap-2">
              {found.map((person) => (
                <li key={person.personId}>
                  <PickWalkInForm sessionId={id} personId={person.personId} label={t('walkIn.addPerson', { name: person.name })} detail={person.commune ?? ''} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <NewPersonSection
        id="nouvelle"
        title={t('walkIn.newTitle')}
        intro={t('walkIn.newIntro')}
        action={addNewWalkInAction}
        sessionId={id}
        labels={{ name: t('walkIn.nameLabel'), consent: t('walkIn.consentLabel'), submit: t('walkIn.create') }}
      />
    </>
  );
}
