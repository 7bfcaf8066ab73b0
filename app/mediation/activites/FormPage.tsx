import Link from 'next/link';
import { PlaceSelect } from '@/app/_components/PlaceSelect';
import { listKnownLearners, loggablePlaces, networkCommunes } from '@/lib/activities/reads';
import type { ActivityDraft } from '@/lib/activities/drafts';
import { formValuesFromDraft } from '@/lib/activities/form';
import { levelLabel, themeLabel, vocab, type VocabList } from '@/lib/activities/labels';
import type { Actor } from '@/lib/auth/policy';
import { formatDuration, formatSessionTime } from '@/lib/format/dates';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';
import { parisToday } from '@/lib/stats/period';
import {
  ADMIN_THEMES,
  AGE_BANDS,
  AUTONOMY,
  COMPLETION,
  EQUIPMENT,
  GENDERS,
  LEVELS,
  ORIENTATIONS,
  PLACE_TYPES,
  PROPOSED_DURATIONS,
  SOCIAL_STATUSES,
  THEMES,
} from '@/lib/vocabulary';
import fr from '@/messages/fr.json';
import { ActivityForm } from './ActivityForm';

// The page around the activity form, for a new activity, a closed session, a copy or an edit.
// The place is chosen first (a plain GET form) because it decides which learners are offered.
export async function ActivityFormPage({
  actor,
  draft,
  heading,
  intro,
  activityId,
  placeSlug,
  keep,
  path,
  now,
}: {
  actor: Actor;
  draft: ActivityDraft;
  heading: string;
  intro?: string;
  activityId?: string;
  // ?lieu= of the URL: the place to show, when the actor may choose one.
  placeSlug?: string;
  // Search parameters to keep when the place changes (type, copie).
  keep: Record<string, string>;
  path: string;
  now: Date;
}) {
  const [t, locale, places, communes] = await Promise.all([getT(), getLocale(), loggablePlaces(actor), networkCommunes()]);
  const placeFixed = Boolean(draft.sessionId);
  const chosen = (!placeFixed && placeSlug ? places.find((p) => p.slug === placeSlug) : undefined) ?? places.find((p) => p.id === draft.placeId) ?? (placeFixed ? undefined : places[0]);
  const placeId = placeFixed ? draft.placeId : (chosen?.id ?? null);
  const placeName = chosen?.name ?? draft.session?.placeName ?? null;
  const known = await listKnownLearners(actor, placeId);
  // People already in the draft stay offered (a copy of an activity of another time).
  const learners = [...known, ...draft.participants.filter((p) => !known.some((k) => k.id === p.id))];

  const labels = Object.fromEntries(Object.keys(fr.activityForm).map((key) => [key, t(`activityForm.${key}` as MessageKey)]));
  const list = (name: VocabList, codes: readonly string[]) => codes.map((code) => ({ value: code, label: vocab(t, name, code) }));
  const defaults = {
    person: draft.learnerId ? 'known' : 'anonymous',
    'anon.gender': 'unknown',
    'anon.ageBand': 'unknown',
    'anon.socialStatus': 'unknown',
    ...formValuesFromDraft({ ...draft, placeId }),
  };

  return (
    <>
      <p className="no-print mb-2">
        <Link href="/mediation/activites">{t('activities.back')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{heading}</h1>
      {draft.session && (
        <p className="card mb-4 border-brand-700 bg-brand-50">
          {t('activityForm.fromSessionIntro', { title: draft.session.title, date: formatSessionTime(draft.session.startsAt, draft.session.endsAt, locale) })}
        </p>
      )}
      {intro && <p className="card mb-4 border-brand-700 bg-brand-50">{intro}</p>}

      {placeFixed || places.length <= 1 ? (
        <p className="mb-6">
          <span className="font-bold">{t('activityForm.place')} : </span>
          {placeName ?? t('activityForm.noPlace')}
        </p>
      ) : (
        <form method="get" action={path} className="mb-6 flex flex-wrap items-end gap-3">
          {Object.entries(keep).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <PlaceSelect label={t('activityForm.place')} hint={t('activityForm.placeChangeHint')} places={places} value={chosen?.slug} strong />
          <button type="submit" className="btn-secondary">
            {t('activityForm.placeShow')}
          </button>
        </form>
      )}

      <ActivityForm
        kind={draft.kind}
        activityId={activityId}
        defaults={defaults}
        place={placeId ? { id: placeId, name: placeName ?? '' } : null}
        today={parisToday(now)}
        learners={learners}
        communes={communes}
        labels={labels}
        cancelHref={activityId ? `/mediation/activites/${activityId}` : '/mediation/activites'}
        options={{
          durations: PROPOSED_DURATIONS.map((m) => ({ value: String(m), label: formatDuration(m) })),
          placeTypes: list('placeTypes', PLACE_TYPES),
          themes: THEMES.map((code) => ({ value: code, label: themeLabel(t, code) })),
          adminThemes: list('adminThemes', ADMIN_THEMES),
          equipment: list('equipment', EQUIPMENT),
          autonomy: list('autonomy', AUTONOMY),
          orientation: list('orientation', ORIENTATIONS),
          completion: list('completion', COMPLETION),
          genders: list('genders', GENDERS),
          ageBands: list('ageBands', AGE_BANDS),
          socialStatuses: list('socialStatuses', SOCIAL_STATUSES),
          levels: LEVELS.map((code) => ({ value: code, label: levelLabel(t, code) })),
        }}
      />
    </>
  );
}
