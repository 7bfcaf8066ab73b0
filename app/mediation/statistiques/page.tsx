import type { Metadata } from 'next';
import { StatsPage } from '@/app/_components/stats/StatsPage';
import { requirePageAccess } from '@/lib/auth/guard';
import { getT } from '@/lib/i18n';

export const metadata: Metadata = { title: 'Mes statistiques' };

export default async function MediationStatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess('activity:log', '/mediation/statistiques');
  const t = await getT();
  return <StatsPage actor={actor} search={await searchParams} path="/mediation/statistiques" title={t('stats.mediationTitle')} intro={t('stats.mediationIntro')} />;
}
