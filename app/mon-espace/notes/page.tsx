import type { Metadata } from 'next';
import Link from 'next/link';
import { NoteSearch } from '@/app/ateliers/[slug]/carnet/NoteSearch';
import { Markdown } from '@/app/_components/Markdown';
import { requirePageAccess } from '@/lib/auth/guard';
import { formatDay } from '@/lib/format/dates';
import { param } from '@/lib/http/page';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';
import { listNotes } from '@/lib/notes';

export const metadata: Metadata = { title: 'Mes notes' };

// "Mes notes": what I wrote, and a French search over every note I may read.
export default async function MyNotesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess('myspace:view', '/mon-espace/notes');
  const q = param((await searchParams).q)?.slice(0, 200);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { items, total } = await listNotes(actor, q ? { q } : { mine: '1' }, { pageSize: 50 });
  return (
    <>
      <p className="mb-1">
        <Link href="/mon-espace" className="inline-flex min-h-11 items-center">
          ← {t('notes.mine.back')}
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('notes.mine.title')}</h1>
      <p className="mb-4">{t('notes.mine.intro')}</p>
      <NoteSearch id="q" name="q" label={t('notes.mine.search')} button={t('notes.carnet.searchButton')} value={q} />
      <p className="mb-3" role="status">
        {q ? t('notes.carnet.found', { count: total }) : t('notes.mine.count', { count: total })}
      </p>
      <ul className="grid gap-3">
        {items.map((note) => (
          <li key={note.id} className="rounded-lg border-2 border-slate-200 p-3">
            <p className="mb-1 text-sm text-slate-700">
              <Link href={`/ateliers/${note.workshop.slug}#note-${note.id}`} className="font-semibold">
                {note.workshop.title}
              </Link>{' '}
              · {t(`notes.kinds.${note.kind}` as MessageKey)} · {note.author.name} · {formatDay(new Date(note.createdAt), locale)} · {t(`notes.visibilityShort.${note.visibility}` as MessageKey)}
            </p>
            <Markdown>{note.body}</Markdown>
            {note.replies.length > 0 && (
              <ul className="mt-2 ml-4 grid gap-2 border-l-4 border-brand-100 pl-3" aria-label={t('notes.carnet.replies')}>
                {note.replies.map((reply) => (
                  <li key={reply.id}>
                    <p className="text-sm text-slate-700">
                      <span className="font-semibold text-slate-900">{reply.author.name}</span> · {formatDay(new Date(reply.createdAt), locale)}
                    </p>
                    <Markdown>{reply.body}</Markdown>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
