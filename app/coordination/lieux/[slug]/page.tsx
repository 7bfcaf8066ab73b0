import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { pageData } from '@/lib/http/page';
import { getT } from '@/lib/i18n';
import { getPlaceForEdit } from '@/lib/places/admin';
import { FormMessage } from '../../../_components/FormMessage';
import { doneMessage } from '../../../mediation/_lib/done';
import { staffMessages } from '../../../mediation/_lib/messages';
import { placeVocabulary } from '../_vocabulary';
import { PlaceForm } from '../PlaceForm';
import { AddStaffForm, RemoveStaffForm } from '../StaffForms';

export const metadata: Metadata = { title: 'Modifier un lieu' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditPlacePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await requirePageAccess('place:manage', `/coordination/lieux/${slug}`);
  const [t, messages, place] = await Promise.all([getT(), staffMessages(), pageData(getPlaceForEdit(actor, slug))]);
  return (
    <>
      <p className="mb-2">
        <Link href="/coordination/lieux">{t('manage.nav.backToPlaces')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{place.name}</h1>
      <p className="mb-4 text-slate-700">
        {place.commune}
        {!place.active && ` · ${t('manage.places.closed')}`}
      </p>
      <FormMessage tone="success" message={doneMessage(t, await searchParams)} />

      <section aria-labelledby="equipe" className="card mb-8">
        <h2 id="equipe" className="mb-2 text-2xl font-bold">
          {t('manage.places.staffTitle')}
        </h2>
        <p className="mb-4">{t('manage.places.staffIntro')}</p>
        {place.staff.length === 0 ? (
          <p className="mb-4 text-slate-700">{t('manage.places.staffEmpty')}</p>
        ) : (
          <ul className="mb-6 grid gap-3">
            {place.staff.map((person) => (
              <li key={person.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 pb-3">
                <span>
                  <span className="font-semibold">{person.name}</span>
                  <span className="block break-all text-sm text-slate-700">{person.email ?? t('manage.places.noEmail')}</span>
                </span>
                <RemoveStaffForm slug={place.slug} userId={person.id} label={t('manage.places.removeStaff')} context={person.name} />
              </li>
            ))}
          </ul>
        )}
        <AddStaffForm slug={place.slug} labels={{ email: t('manage.places.staffEmail'), hint: t('manage.places.staffEmailHint'), submit: t('manage.places.addStaff') }} />
      </section>

      <section aria-labelledby="informations">
        <h2 id="informations" className="mb-3 text-2xl font-bold">
          {t('manage.places.detailsTitle')}
        </h2>
        <PlaceForm messages={messages} vocabulary={placeVocabulary} initial={place} />
      </section>
    </>
  );
}
