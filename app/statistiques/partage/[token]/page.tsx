import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StatsView } from '@/app/_components/stats/StatsView';
import { formatCalendarDate } from '@/lib/format/numbers';
import { getLocale, getT } from '@/lib/i18n';
import { sharedStats } from '@/lib/stats/shares';

// A link a coordinator shared (with a funder, a town hall…): aggregates only, no sign-in.
export const metadata: Metadata = { title: 'Statistiques partagées', robots: { index: false, follow: false }, referrer: 'no-referrer' };

export default async function SharedStatsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, locale, stats] = await Promise.all([getT(), getLocale(), sharedStats(token)]);
  if (!stats) notFound();
  const scope = stats.scope.kind === 'place' ? t('stats.scopePlace', { name: stats.scope.place.name, commune: stats.scope.place.commune }) : t('stats.reportNetwork');
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('shares.publicTitle', { scope })}</h1>
      <p className="mb-2 text-xl">{t('stats.periodText', { from: formatCalendarDate(stats.share.from, locale), to: formatCalendarDate(stats.share.to, locale) })}</p>
      <p className="mb-6">{t('shares.publicIntro')}</p>
      <StatsView stats={stats} t={t} locale={locale} publicView />
    </>
  );
}
