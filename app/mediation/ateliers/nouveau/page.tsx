import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { placeChoicesFor } from '@/lib/catalogue/workshops-admin';
import { getT } from '@/lib/i18n';
import { staffMessages } from '../../_lib/messages';
import { workshopFormChoices } from '../../_lib/workshop-form';
import { WorkshopForm } from '../WorkshopForm';

export const metadata: Metadata = { title: 'Nouvel atelier' };

export default async function NewWorkshopPage() {
  const actor = await requirePageAccess('mediation:view', '/mediation/ateliers/nouveau');
  const [t, messages, choices] = await Promise.all([getT(), staffMessages(), placeChoicesFor(actor)]);
  return (
    <>
      <p className="mb-2">
        <Link href="/mediation/ateliers">{t('manage.nav.backToWorkshops')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('manage.workshopForm.newTitle')}</h1>
      {choices.length === 0 ? (
        <p>{t('manage.workshopForm.noPlaceChoice')}</p>
      ) : (
        <>
          <p className="mb-6">{t('manage.workshopForm.newIntro')}</p>
          <WorkshopForm
            messages={messages}
            {...workshopFormChoices()}
            placeChoices={choices.map((p) => ({ id: p.id, label: `${p.name} (${p.commune})` }))}
            otherPlaces={[]}
            initial={{
              title: '',
              summary: '',
              description: '',
              themes: [],
              level: '',
              durationMinutes: null,
              audiences: [],
              prerequisites: '',
              toBring: '',
              // A mediator of one place has nothing to choose.
              placeIds: choices.length === 1 ? [choices[0]!.id] : [],
            }}
          />
        </>
      )}
    </>
  );
}
