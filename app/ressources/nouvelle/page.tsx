import type { Metadata } from 'next';
import { forbidden, redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { getT } from '@/lib/i18n';
import { mayPublish } from '@/lib/resources/visibility';
import { publishablePlaces } from '@/lib/resources/writes';
import { saveResourceAction } from '../actions';
import { resourceFormProps } from '../_components/form-props';
import { ResourceForm } from '../_components/ResourceForm';

export const metadata: Metadata = { title: 'Publier une ressource' };

export default async function NewResourcePage() {
  const actor = await getActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent('/ressources/nouvelle')}`);
  if (!mayPublish(actor)) forbidden();
  const [t, places] = await Promise.all([getT(), publishablePlaces(actor)]);
  const { labels, options } = resourceFormProps(t, places);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('resources.newTitle')}</h1>
      <p className="mb-6">{t('resources.newIntro')}</p>
      <ResourceForm
        action={saveResourceAction}
        labels={{ ...labels, submit: t('resources.form.create') }}
        options={options}
        values={{ title: '', summary: '', body: '', type: 'fiche-pratique', themes: [], audiences: [], level: '', licence: 'cc-by-sa', visibility: 'draft', place: places[0]?.slug ?? '', links: [] }}
      />
    </>
  );
}
