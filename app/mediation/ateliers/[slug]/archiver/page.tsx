import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/guard';
import { getWorkshopForEdit } from '@/lib/catalogue/workshops-admin';
import { pageData } from '@/lib/http/page';
import { getT } from '@/lib/i18n';
import { StatusForm } from '../../StatusForm';

export const metadata: Metadata = { title: 'Archiver un atelier' };

// The confirmation step before archiving: the button of the workshop page leads here.
export default async function ArchiveWorkshopPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const back = `/mediation/ateliers/${slug}`;
  const actor = await requirePageAccess('mediation:view', `${back}/archiver`);
  const [t, workshop] = await Promise.all([getT(), pageData(getWorkshopForEdit(actor, slug))]);
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t('manage.archive.title', { title: workshop.title })}</h1>
      <p className="mb-6">{t('manage.archive.text')}</p>
      <div className="flex flex-wrap items-start gap-3">
        <StatusForm slug={workshop.slug} status="archived" label={t('manage.archive.confirm')} returnTo={back} />
        <Link href={back} className="btn-secondary">
          {t('manage.archive.back')}
        </Link>
      </div>
    </div>
  );
}
