import type { Metadata } from 'next';
import { getT } from '@/lib/i18n';
import { listPublicPlaces } from '@/lib/places';

export const metadata: Metadata = { title: 'Lieux' };

export default async function PlacesPage() {
  const [t, places] = await Promise.all([getT(), listPublicPlaces()]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('places.title')}</h1>
      <p className="mb-6">{t('places.intro')}</p>
      <ul className="grid gap-3 md:grid-cols-2">
        {places.map((p) => (
          <li key={p.id} className="card">
            <h2 className="text-xl font-bold">{p.name}</h2>
            <p>
              {p.address}, {p.postalCode} {p.commune}
            </p>
            {p.summary && <p className="text-slate-700">{p.summary}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
