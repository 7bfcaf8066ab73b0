import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { getT } from '@/lib/i18n';
import { listPlacesWithStaff } from '@/lib/places';

export const metadata: Metadata = { title: 'Lieux et équipes' };

export default async function PlacesAdminPage() {
  const actor = await requirePageAccess('place:manage', '/coordination/lieux');
  const [t, places] = await Promise.all([getT(), listPlacesWithStaff(actor)]);
  return (
    <>
      <p className="mb-2">
        <Link href="/coordination">{t('coordination.title')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('manage.places.title')}</h1>
      <p className="mb-4">{t('manage.places.intro')}</p>
      <p className="mb-6">
        <Link href="/coordination/lieux/nouveau" className="btn">
          {t('manage.places.new')}
        </Link>
      </p>
      <ul className="grid gap-3 md:grid-cols-2">
        {places.map((p) => (
          <li key={p.id} className="card">
            <h2 className="text-xl font-bold">
              <Link href={`/coordination/lieux/${p.slug}`}>{p.name}</Link>
            </h2>
            <p className="text-slate-700">{p.commune}</p>
            <p className="text-sm">{p.staff.length ? t('manage.places.staff', { names: p.staff.join(', ') }) : t('manage.places.noStaff')}</p>
            <p className="mt-3">
              <Link href={`/coordination/lieux/${p.slug}`} className="btn-secondary">
                {t('manage.places.edit')} <span className="sr-only">{t('manage.places.for', { name: p.name })}</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
