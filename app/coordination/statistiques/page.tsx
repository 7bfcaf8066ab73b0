import type { Metadata } from 'next';
import { StatsPage } from '@/app/_components/stats/StatsPage';
import { requirePageAccess } from '@/lib/auth/guard';
import { getT } from '@/lib/i18n';

export const metadata: Metadata = { title: 'Statistiques du réseau' };

export default async function CoordinationStatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess('stats:network', '/coordination/statistiques');
  const t = await getT();
  return <StatsPage actor={actor} search={await searchParams} path="/coordination/statistiques" title={t('stats.coordinationTitle')} intro={t('stats.coordinationIntro')} />;
}
