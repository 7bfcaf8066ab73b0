import type { Metadata } from 'next';
import Link from 'next/link';
import { activityDraftFromActivity, activityDraftFromSession, emptyDraft, type ActivityDraft } from '@/lib/activities/drafts';
import { SessionAlreadyRecordedError } from '@/lib/activities/writes';
import { requirePageAccess } from '@/lib/auth/guard';
import { UserError } from '@/lib/errors';
import { pageData, param } from '@/lib/http/page';
import { getT } from '@/lib/i18n';
import { ActivityFormPage } from '../FormPage';

export const metadata: Metadata = { title: 'Nouvelle activité' };

type Search = Promise<Record<string, string | string[] | undefined>>;

// /mediation/activites/nouvelle: choose the kind of activity, then fill the form.
// ?seance=ID prefills a collective activity from a closed session; ?copie=ID copies an activity.
export default async function NewActivityPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const seance = param(sp.seance);
  const copie = param(sp.copie);
  const type = param(sp.type);
  const back = `/mediation/activites/nouvelle?${new URLSearchParams(Object.entries({ seance, copie, type }).filter((e): e is [string, string] => Boolean(e[1]))).toString()}`;
  const actor = await requirePageAccess('activity:log', back);
  const t = await getT();
  const now = new Date();

  if (seance) {
    let draft: ActivityDraft;
    try {
      draft = await pageData(activityDraftFromSession(actor, seance));
    } catch (error) {
      // Already recorded, or not closed yet: say so, with the way forward.
      if (!(error instanceof UserError)) throw error;
      return (
        <>
          <h1 className="mb-4 text-3xl font-bold">{t('activityForm.titleFromSession')}</h1>
          <p role="alert" className="mb-4 rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
            {error.message}
          </p>
          <p className="flex flex-wrap gap-3">
            {error instanceof SessionAlreadyRecordedError && (
              <Link href={`/mediation/activites/${error.activityId}`} className="btn">
                {t('activityForm.seeExisting')}
              </Link>
            )}
            <Link href="/mediation/activites" className="btn-secondary">
              {t('activities.back')}
            </Link>
          </p>
        </>
      );
    }
    return <ActivityFormPage actor={actor} draft={draft} heading={t('activityForm.titleFromSession')} keep={{ seance }} path="/mediation/activites/nouvelle" now={now} />;
  }

  if (copie) {
    const draft = await pageData(activityDraftFromActivity(actor, copie, now));
    return (
      <ActivityFormPage
        actor={actor}
        draft={draft}
        heading={draft.kind === 'individual' ? t('activityForm.titleIndividual') : t('activityForm.titleCollective')}
        intro={t('activityForm.copyIntro')}
        placeSlug={param(sp.lieu)}
        keep={{ copie }}
        path="/mediation/activites/nouvelle"
        now={now}
      />
    );
  }

  if (type === 'individual' || type === 'collective') {
    return (
      <ActivityFormPage
        actor={actor}
        draft={emptyDraft(type, now, actor.staffedPlaceIds[0] ?? null)}
        heading={type === 'individual' ? t('activityForm.titleIndividual') : t('activityForm.titleCollective')}
        placeSlug={param(sp.lieu)}
        keep={{ type }}
        path="/mediation/activites/nouvelle"
        now={now}
      />
    );
  }

  const choices = [
    { type: 'individual', label: t('activities.chooseIndividual'), hint: t('activities.chooseIndividualHint') },
    { type: 'collective', label: t('activities.chooseCollective'), hint: t('activities.chooseCollectiveHint') },
  ];
  return (
    <>
      <p className="mb-2">
        <Link href="/mediation/activites">{t('activities.back')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('activities.chooseTitle')}</h1>
      <p className="mb-4 text-xl">{t('activities.chooseQuestion')}</p>
      <ul className="grid max-w-2xl gap-3 sm:grid-cols-2">
        {choices.map((c) => (
          <li key={c.type}>
            <Link href={`/mediation/activites/nouvelle?type=${c.type}`} className="card flex min-h-24 flex-col justify-center no-underline hover:bg-brand-50">
              <span className="text-xl font-bold text-brand-800 underline">{c.label}</span>
              <span className="text-slate-800">{c.hint}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
