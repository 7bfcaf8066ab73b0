import type { Metadata } from 'next';
import { ActionButton } from '@/app/_components/ActionButton';
import type { OnceSecretLabels } from '@/app/_components/OnceSecret';
import { FormMessage } from '@/app/_components/FormMessage';
import { loggablePlaces } from '@/lib/activities/reads';
import { requirePageAccess } from '@/lib/auth/guard';
import { formatCalendarDate } from '@/lib/format/numbers';
import { param } from '@/lib/http/page';
import { getLocale, getT } from '@/lib/i18n';
import { periodPresets } from '@/lib/stats/period';
import { listStatShares } from '@/lib/stats/shares';
import { renewShareAction, revokeShareAction } from './actions';
import { ShareForm } from './ShareForm';

export const metadata: Metadata = { title: 'Partager les statistiques' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SharesPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePageAccess('stats:network', '/coordination/statistiques/partages');
  const sp = await searchParams;
  const [t, locale, places, shares] = await Promise.all([getT(), getLocale(), loggablePlaces(actor), listStatShares(actor)]);
  const fallback = periodPresets(new Date()).last12Months;
  const date = (d: string) => formatCalendarDate(d, locale);
  const linkLabels: OnceSecretLabels = { link: t('shares.link'), hint: t('shares.linkHint'), once: t('shares.once'), copy: t('shares.copy'), copied: t('shares.copied') };

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('shares.title')}</h1>
      <p className="mb-6 max-w-3xl">{t('shares.intro')}</p>
      {param(sp.revoque) && <FormMessage tone="success" message={t('shares.revoked')} />}

      <section aria-labelledby="creer" className="card mb-8">
        <h2 id="creer" className="mb-3 text-2xl font-bold">
          {t('shares.createTitle')}
        </h2>
        <ShareForm
          labels={{ place: t('shares.place'), from: t('shares.from'), to: t('shares.to'), create: t('shares.create') }}
          linkLabels={linkLabels}
          places={[{ value: '', label: t('shares.network') }, ...places.map((p) => ({ value: p.slug, label: `${p.name}, ${p.commune}` }))]}
          defaults={{ lieu: param(sp.lieu) ?? '', du: param(sp.du) ?? fallback.from, au: param(sp.au) ?? fallback.to }}
        />
      </section>

      <section aria-labelledby="liens">
        <h2 id="liens" className="mb-3 text-2xl font-bold">
          {t('shares.listTitle')}
        </h2>
        {shares.length === 0 ? (
          <p>{t('shares.none')}</p>
        ) : (
          <ul className="grid gap-3">
            {shares.map((s) => {
              const scope = s.place?.name ?? t('shares.network');
              const period = t('stats.periodText', { from: date(s.from), to: date(s.to) });
              return (
                <li key={s.id} className="card">
                  <p className="text-lg font-semibold">{scope}</p>
                  <p>{period}</p>
                  <p className="text-slate-700">
                    {t('shares.createdBy', { name: s.createdByName ?? '—', date: formatCalendarDate(s.createdAt.toISOString().slice(0, 10), locale) })} ·{' '}
                    {s.revokedAt ? t('shares.revokedOn', { date: formatCalendarDate(s.revokedAt.toISOString().slice(0, 10), locale) }) : t('shares.active')}
                  </p>
                  {!s.revokedAt && <p className="mt-2 text-sm text-slate-700">{t('shares.renewHint')}</p>}
                  <div className="mt-2 flex flex-wrap gap-3">
                    {/* Also kept on a link just replaced: it shows the new link, this once. */}
                    <ActionButton action={renewShareAction} fields={{ shareId: s.id }} label={s.revokedAt ? null : t('shares.renew')} ariaLabel={t('shares.renewLabel', { scope, period })} className="btn-secondary" secret={{ id: `lien-${s.id}`, labels: linkLabels }} />
                    {!s.revokedAt && <ActionButton action={revokeShareAction} fields={{ shareId: s.id }} label={t('shares.revoke')} ariaLabel={t('shares.revokeLabel', { scope, period })} className="btn-secondary" />}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
