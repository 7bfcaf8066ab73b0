import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { getT } from '@/lib/i18n';
import { staffMessages } from '../../../mediation/_lib/messages';
import { placeVocabulary } from '../_vocabulary';
import { PlaceForm } from '../PlaceForm';

export const metadata: Metadata = { title: 'Ajouter un lieu' };

export default async function NewPlacePage() {
  await requirePageAccess('place:manage', '/coordination/lieux/nouveau');
  const [t, messages] = await Promise.all([getT(), staffMessages()]);
  return (
    <>
      <p className="mb-2">
        <Link href="/coordination/lieux">{t('manage.nav.backToPlaces')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('manage.places.newTitle')}</h1>
      <p className="mb-6">{t('manage.places.newIntro')}</p>
      <PlaceForm
        messages={messages}
        vocabulary={placeVocabulary}
        initial={{
          name: '',
          pivot: '',
          commune: '',
          postalCode: '',
          inseeCode: null,
          address: '',
          addressComplement: null,
          phone: null,
          emails: [],
          websites: [],
          openingHours: null,
          summary: null,
          description: null,
          services: [],
          publics: [],
          supportModes: [],
          fees: [],
          accessModes: [],
          accessInfo: null,
          latitude: null,
          longitude: null,
          active: true,
        }}
      />
    </>
  );
}
