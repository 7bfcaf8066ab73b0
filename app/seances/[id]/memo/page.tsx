import type { Metadata } from 'next';
import Link from 'next/link';
import { Markdown } from '@/app/_components/Markdown';
import { RevisionDiff } from '@/app/_components/RevisionDiff';
import { getActor } from '@/lib/auth/actor';
import { formatDay, formatSessionTime, formatTime } from '@/lib/format/dates';
import { pageData } from '@/lib/http/page';
import { getLocale, getT } from '@/lib/i18n';
import { getSessionMemo } from '@/lib/notes/memo';
import { MemoForm } from './MemoForm';

export const metadata: Metadata = { title: 'Mémo de la séance' };

// Le mémo de séance: read it, complete it (participants and trainers), see its versions.
export default async function SessionMemoPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [actor, t, locale] = await Promise.all([getActor(), getT(), getLocale()]);
  const data = await pageData(getSessionMemo(actor, id));
  const { session, memo } = data;
  const labels = { body: t('notes.memo.body'), hint: t('notes.memo.hint'), submit: memo ? t('notes.memo.save') : t('notes.memo.start') };
  return (
    <>
      <p className="mb-1">
        <Link href={`/ateliers/${session.slug}`} className="inline-flex min-h-11 items-center">
          ← {session.title}
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('notes.memo.title')}</h1>
      <p className="mb-6 text-lg">
        {session.title} · {formatSessionTime(session.startsAt, session.endsAt, locale)}
      </p>
      {memo ? (
        <article className="mb-6 rounded-lg border-2 border-slate-200 p-4" aria-labelledby="memo-texte">
          <h2 id="memo-texte" className="sr-only">
            {t('notes.memo.body')}
          </h2>
          <Markdown baseHeadingLevel={2}>{memo.body}</Markdown>
        </article>
      ) : (
        <p className="mb-6 text-slate-700">{data.canStart ? t('notes.memo.startIntro') : session.closed ? t('notes.memo.none') : t('notes.memo.notClosed')}</p>
      )}
      {(data.canStart || data.canEdit) && (
        <section aria-labelledby="memo-ecrire" className="mb-8">
          <h2 id="memo-ecrire" className="mb-2 text-2xl font-bold">
            {memo ? t('notes.memo.complete') : t('notes.memo.start')}
          </h2>
          <MemoForm sessionId={session.id} body={memo?.body ?? data.draft} labels={labels} />
        </section>
      )}
      {data.versions.length > 0 && (
        <section aria-labelledby="memo-versions">
          <h2 id="memo-versions" className="mb-2 text-2xl font-bold">
            {t('notes.memo.versions', { count: data.versions.length })}
          </h2>
          <ol className="grid gap-4">
            {data.versions.map((v) => (
              <li key={v.id}>
                <details>
                  <summary className="inline-flex min-h-11 cursor-pointer items-center">
                    {t('notes.memo.version', { name: v.authorName, date: `${formatDay(v.createdAt, locale)}, ${formatTime(v.createdAt, locale)}` })}
                  </summary>
                  <RevisionDiff
                    diffs={v.diffs}
                    labels={{ field: () => t('notes.memo.body'), added: t('notes.memo.added'), removed: t('notes.memo.removed'), none: t('notes.memo.noChange') }}
                  />
                </details>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
