import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/app/ateliers/[slug]/carnet/ActionForm';
import { getActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { formatDay } from '@/lib/format/dates';
import { param } from '@/lib/http/page';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';
import { THEMES } from '@/lib/vocabulary';
import { demandBoard, listWishes } from '@/lib/wishes';
import { WISH_KINDS } from '@/lib/wishes/schema';
import { meTooAction, toWorkshopAction } from './actions';
import { WishForm } from './WishForm';

export const metadata: Metadata = { title: 'Envies d’ateliers' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// "Je voudrais apprendre…" / "Je peux animer…": browse, post, say "moi aussi"; staff see the
// demand and turn a wish into a draft workshop.
export default async function WishesPage({ searchParams }: Props) {
  const query = await searchParams;
  const kindParam = param(query.genre);
  const kind = (WISH_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as 'learn' | 'teach') : undefined;
  const [actor, t, locale] = await Promise.all([getActor(), getT(), getLocale()]);
  const staff = can(actor, 'workshop:manage', 'any-place');
  const [{ items, total }, board] = await Promise.all([listWishes(actor, { kind }), staff ? demandBoard(actor) : null]);
  const themeLabel = (code: string) => t(`themes.${code}` as MessageKey);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('wishes.title')}</h1>
      <p className="mb-6 text-lg">{t('wishes.intro')}</p>

      <nav aria-label={t('wishes.filter')} className="mb-4 flex flex-wrap gap-2">
        {[undefined, ...WISH_KINDS].map((k) => (
          <Link key={k ?? 'all'} href={k ? `/envies?genre=${k}` : '/envies'} className={k === kind ? 'btn' : 'btn-secondary'} aria-current={k === kind ? 'page' : undefined}>
            {k ? t(`wishes.kinds.${k}` as MessageKey) : t('wishes.all')}
          </Link>
        ))}
      </nav>
      <p className="mb-3" role="status">
        {t('wishes.count', { count: total })}
      </p>
      <ul className="mb-8 grid gap-3">
        {items.map((wish) => (
          <li key={wish.id} className="rounded-lg border-2 border-slate-200 p-3">
            <p className="text-sm text-slate-700">
              {t(`wishes.kinds.${wish.kind}` as MessageKey)} · {wish.commune} · {wish.author.name} · {formatDay(new Date(wish.createdAt), locale)}
            </p>
            <h2 className="text-xl font-bold">{wish.title}</h2>
            <p className="text-slate-700">{wish.themes.map(themeLabel).join(', ')}</p>
            <p className="font-semibold">{t('wishes.meTooCount', { count: wish.meTooCount })}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              {actor && !wish.meToo && <ActionForm action={meTooAction} hidden={{ id: wish.id }} submit={t('wishes.meToo')} buttonClass="btn-secondary" />}
              {wish.workshop && (
                <Link href={`/ateliers/${wish.workshop.slug}`} className="inline-flex min-h-11 items-center">
                  {t('wishes.workshop', { title: wish.workshop.title })}
                </Link>
              )}
              {staff && !wish.workshop && wish.kind === 'learn' && <ActionForm action={toWorkshopAction} hidden={{ id: wish.id }} submit={t('wishes.toWorkshop')} buttonClass="btn-secondary" />}
            </div>
          </li>
        ))}
      </ul>

      <section aria-labelledby="envie-ecrire" className="mb-8">
        <h2 id="envie-ecrire" className="mb-2 text-2xl font-bold">
          {t('wishes.post')}
        </h2>
        {actor ? (
          <WishForm
            commune=""
            kinds={WISH_KINDS.map((k) => ({ value: k, label: t(`wishes.kindsLong.${k}` as MessageKey) }))}
            themes={THEMES.map((code) => ({ value: code, label: themeLabel(code) }))}
            labels={{ kind: t('wishes.form.kind'), title: t('wishes.form.title'), titleHint: t('wishes.form.titleHint'), themes: t('wishes.form.themes'), commune: t('wishes.form.commune'), submit: t('wishes.form.submit') }}
          />
        ) : (
          <p>
            <Link href="/connexion?callbackUrl=%2Fenvies" className="inline-flex min-h-11 items-center">
              {t('wishes.signIn')}
            </Link>
          </p>
        )}
      </section>

      {board && (
        <section aria-labelledby="demande" className="mb-8">
          <h2 id="demande" className="mb-2 text-2xl font-bold">
            {t('wishes.board.title')}
          </h2>
          <p className="mb-3 text-slate-700">{t('wishes.board.intro')}</p>
          <div className="grid gap-6 md:grid-cols-2">
            {(
              [
                ['theme', board.byTheme, themeLabel],
                ['commune', board.byCommune, (k: string) => k],
              ] as const
            ).map(([key, rows, label]) => (
              <table key={key} className="w-full border-collapse text-left">
                <caption className="mb-1 text-left font-semibold">{t(`wishes.board.by.${key}` as MessageKey)}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="border-b-2 py-1">
                      {t(`wishes.board.col.${key}` as MessageKey)}
                    </th>
                    <th scope="col" className="border-b-2 py-1 text-right">
                      {t('wishes.board.col.wishes')}
                    </th>
                    <th scope="col" className="border-b-2 py-1 text-right">
                      {t('wishes.board.col.people')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.key}>
                      <th scope="row" className="border-b py-1 font-normal">
                        {label(r.key)}
                      </th>
                      <td className="border-b py-1 text-right">{r.wishes}</td>
                      <td className="border-b py-1 text-right">{r.people}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
        </section>
      )}
    </>
  );
}
