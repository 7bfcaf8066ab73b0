import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { ActionForm } from '@/app/ateliers/[slug]/carnet/ActionForm';
import { Markdown } from '@/app/_components/Markdown';
import { getActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { formatDay } from '@/lib/format/dates';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';
import { noteModerationQueue } from '@/lib/notes/moderation';
import { keepNoteAction, moderateNoteAction } from './actions';

export const metadata: Metadata = { title: 'Modération' };

// The network's moderation queue. One section per kind of content (notes here; other kinds,
// such as resources, add their own section below, with an <h2> of the same level).
export default async function ModerationPage() {
  const actor = await getActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent('/coordination/moderation')}`);
  if (!can(actor, 'note:moderate', 'any-place')) forbidden();
  const [t, locale, queue] = await Promise.all([getT(), getLocale(), noteModerationQueue(actor)]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('notes.moderation.title')}</h1>
      <p className="mb-6">{actor.roles.includes('coordinator') ? t('notes.moderation.introNetwork') : t('notes.moderation.introPlaces')}</p>

      <section aria-labelledby="moderation-notes" className="mb-10">
        <h2 id="moderation-notes" className="mb-3 text-2xl font-bold">
          {t('notes.moderation.notes')}
        </h2>
        <p className="mb-3 text-slate-700">{t('notes.moderation.count', { count: queue.length })}</p>
        {queue.length > 0 && (
          <ul className="grid gap-4">
            {queue.map((item) => (
              <li key={item.id} className={`rounded-lg border-2 p-3 ${item.hidden ? 'border-dashed border-red-700' : 'border-slate-300'}`}>
                <p className="mb-1 text-sm text-slate-700">
                  <Link href={`/ateliers/${item.workshop.slug}#note-${item.id}`} className="font-semibold">
                    {item.workshop.title}
                  </Link>{' '}
                  · {t(`notes.kinds.${item.kind}` as MessageKey)} · {item.authorName} · {formatDay(item.createdAt, locale)}
                </p>
                <Markdown>{item.body}</Markdown>
                {item.openReports.length > 0 && (
                  <p className="mt-2 font-semibold">
                    {t('notes.moderation.reports')}{' '}
                    {item.openReports.map((r) => `${t(`moderation.reasons.note.${r.reason}` as MessageKey)} (${r.count})`).join(', ')}
                  </p>
                )}
                {item.hidden && <p className="mt-2 text-red-800">{t('notes.moderation.hiddenBecause', { reason: item.hiddenReason ?? '' })}</p>}
                <div className="mt-3 flex flex-wrap items-end gap-3">
                  <ActionForm action={moderateNoteAction} hidden={{ id: item.id, hidden: String(!item.hidden) }} submit={item.hidden ? t('notes.carnet.restore') : t('notes.carnet.hide')}>
                    {!item.hidden && (
                      <>
                        <label htmlFor={`motif-${item.id}`} className="mb-1 block font-semibold">
                          {t('notes.carnet.hideReason')}
                        </label>
                        <input id={`motif-${item.id}`} name="hiddenReason" className="mb-2 block min-h-12 w-full rounded-lg border-2 border-slate-500 px-3" />
                      </>
                    )}
                  </ActionForm>
                  {!item.hidden && item.openReports.length > 0 && <ActionForm action={keepNoteAction} hidden={{ id: item.id }} submit={t('notes.moderation.keep')} buttonClass="btn-secondary" />}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="moderation-ressources" className="mb-10">
        <h2 id="moderation-ressources" className="mb-3 text-2xl font-bold">
          {t('resources.moderation.title')}
        </h2>
        <p className="mb-3 text-slate-700">{t('notes.moderation.resourcesIntro')}</p>
        <Link href="/coordination/moderation/ressources" className="inline-flex min-h-11 items-center font-semibold">
          {t('notes.moderation.resourcesLink')}
        </Link>
      </section>
    </>
  );
}
