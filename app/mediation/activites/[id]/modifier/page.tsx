import type { Metadata } from 'next';
import { activityDraftForEdit } from '@/lib/activities/drafts';
import { requirePageAccess } from '@/lib/auth/guard';
import { pageData, param } from '@/lib/http/page';
import { getT } from '@/lib/i18n';
import { ActivityFormPage } from '../../FormPage';

export const metadata: Metadata = { title: 'Modifier l’activité' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditActivityPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const path = `/mediation/activites/${encodeURIComponent(id)}/modifier`;
  const actor = await requirePageAccess('activity:log', path);
  const [t, draft] = await Promise.all([getT(), pageData(activityDraftForEdit(actor, id))]);
  return <ActivityFormPage actor={actor} draft={draft} heading={t('activityForm.titleEdit')} activityId={draft.id} placeSlug={param(sp.lieu)} keep={{}} path={path} now={new Date()} />;
}
