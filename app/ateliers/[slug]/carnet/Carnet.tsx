import Link from 'next/link';
import { Markdown } from '@/app/_components/Markdown';
import { getActor } from '@/lib/auth/actor';
import { formatDay, formatSessionTime } from '@/lib/format/dates';
import { getLocale, getT, type MessageKey } from '@/lib/i18n';
import { REPORT_REASONS } from '@/lib/moderation/reports';
import { carnetAbilities, listNotes, type NoteView } from '@/lib/notes';
import { NOTE_KINDS, NOTE_VISIBILITIES } from '@/lib/notes/schema';
import { ActionForm } from './ActionForm';
import { deleteNoteAction, helpedAction, moderateAction, reportAction, usefulAction, writeNoteAction } from './actions';
import { NoteForm } from './NoteForm';
import { NoteSearch } from './NoteSearch';

// Le carnet de l'atelier: what participants and trainers wrote, by kind, below the sessions.
export async function Carnet({ workshop, q }: { workshop: { id: string; slug: string }; q?: string }) {
  const [actor, t, locale] = await Promise.all([getActor(), getT(), getLocale()]);
  const [{ items, total }, abilities] = await Promise.all([listNotes(actor, { workshop: workshop.slug, q }, { pageSize: 100 }), carnetAbilities(actor, workshop.id)]);
  const sessionLabel = new Map(abilities.sessions.map((s) => [s.id, formatSessionTime(s.startsAt, s.endsAt, locale)]));
  const kinds = NOTE_KINDS.filter((kind) => items.some((n) => n.kind === kind));
  const hidden = { workshop: workshop.slug };

  const NoteItem = ({ note, question }: { note: NoteView; question?: NoteView }) => (
    <article id={`note-${note.id}`} className={`rounded-lg border-2 p-3 ${note.hidden ? 'border-dashed border-red-700 bg-red-50' : 'border-slate-200'}`}>
      <p className="mb-1 text-sm text-slate-700">
        <span className="font-semibold text-slate-900">{note.author.name}</span> · {formatDay(new Date(note.createdAt), locale)} · {t(`notes.visibilityShort.${note.visibility}` as MessageKey)}
        {note.hidden && <strong className="ml-2 text-red-800">{t('notes.carnet.hiddenBadge')}</strong>}
        {note.helped && <strong className="ml-2 text-green-800">{t('notes.carnet.helpedBadge')}</strong>}
      </p>
      <Markdown>{note.body}</Markdown>
      <div className="mt-2 flex flex-wrap items-start gap-2">
        {note.kind === 'tip' && <span className="inline-flex min-h-11 items-center">{t('notes.carnet.usefulCount', { count: note.usefulCount })}</span>}
        {note.kind === 'tip' && abilities.signedIn && !note.mine && !note.usefulByMe && (
          <ActionForm action={usefulAction} hidden={{ ...hidden, id: note.id }} submit={t('notes.carnet.useful')} buttonClass="btn-secondary" />
        )}
        {question?.mine && !note.mine && (
          <ActionForm action={helpedAction} hidden={{ ...hidden, id: note.id, helped: String(!note.helped) }} submit={note.helped ? t('notes.carnet.notHelped') : t('notes.carnet.helped')} buttonClass="btn-secondary" />
        )}
        {note.mine && <ActionForm action={deleteNoteAction} hidden={{ ...hidden, id: note.id }} submit={t('notes.carnet.delete')} buttonClass="btn-secondary" />}
      </div>
      {abilities.signedIn && !note.mine && (
        <details className="mt-2">
          <summary className="inline-flex min-h-11 cursor-pointer items-center">{t('notes.carnet.report')}</summary>
          <ActionForm action={reportAction} hidden={{ ...hidden, id: note.id }} submit={t('notes.carnet.sendReport')} className="mt-2">
            <label htmlFor={`raison-${note.id}`} className="mb-1 block font-semibold">
              {t('notes.carnet.reason')}
            </label>
            <select id={`raison-${note.id}`} name="reason" className="mb-3 block min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3">
              {REPORT_REASONS.note.map((r) => (
                <option key={r} value={r}>
                  {t(`moderation.reasons.note.${r}` as MessageKey)}
                </option>
              ))}
            </select>
          </ActionForm>
        </details>
      )}
      {abilities.moderate && (
        <details className="mt-2">
          <summary className="inline-flex min-h-11 cursor-pointer items-center">{note.hidden ? t('notes.carnet.restore') : t('notes.carnet.hide')}</summary>
          <ActionForm action={moderateAction} hidden={{ ...hidden, id: note.id, hidden: String(!note.hidden) }} submit={note.hidden ? t('notes.carnet.restore') : t('notes.carnet.hide')} className="mt-2">
            <label htmlFor={`motif-${note.id}`} className="mb-1 block font-semibold">
              {t('notes.carnet.hideReason')}
            </label>
            <input id={`motif-${note.id}`} name="hiddenReason" className="mb-3 block min-h-12 w-full rounded-lg border-2 border-slate-500 px-3" />
          </ActionForm>
        </details>
      )}
    </article>
  );

  return (
    <section aria-labelledby="carnet-titre" className="mt-10 border-t-2 border-brand-100 pt-6">
      <h2 id="carnet-titre" className="mb-2 text-2xl font-bold">
        {t('notes.carnet.title')}
      </h2>
      <p className="mb-4 text-slate-700">{t('notes.carnet.intro')}</p>
      <NoteSearch id="carnet-recherche" name="carnet" label={t('notes.carnet.search')} button={t('notes.carnet.searchButton')} value={q} action={`/ateliers/${workshop.slug}#carnet-titre`} />
      {q && <p className="mb-4" role="status">{t('notes.carnet.found', { count: total })}</p>}
      {items.length === 0 && !q && <p className="mb-4 text-slate-700">{t('notes.carnet.empty')}</p>}
      {kinds.map((kind) => (
        <section key={kind} aria-labelledby={`carnet-${kind}`} className="mb-6">
          <h3 id={`carnet-${kind}`} className="mb-2 text-xl font-bold">
            {t(`notes.kindsPlural.${kind}` as MessageKey)} ({items.filter((n) => n.kind === kind).length})
          </h3>
          <ul className="grid gap-3">
            {items
              .filter((n) => n.kind === kind)
              .map((note) => (
                <li key={note.id}>
                  <NoteItem note={note} />
                  {(note.replies.length > 0 || (note.kind === 'question' && abilities.mayWrite)) && (
                    <div className="mt-2 ml-4 border-l-4 border-brand-100 pl-3 sm:ml-8">
                      <h4 className="sr-only">{t('notes.carnet.replies')}</h4>
                      <ul className="grid gap-2">
                        {note.replies.map((reply) => (
                          <li key={reply.id}>
                            <NoteItem note={reply} question={note} />
                          </li>
                        ))}
                      </ul>
                      {note.kind === 'question' && abilities.mayWrite && !note.hidden && (
                        <ActionForm action={writeNoteAction} hidden={{ ...hidden, parentId: note.id, kind: 'feedback', visibility: note.visibility }} submit={t('notes.carnet.reply')} className="mt-2">
                          <label htmlFor={`reponse-${note.id}`} className="mb-1 block font-semibold">
                            {t('notes.carnet.yourReply')}
                          </label>
                          <textarea id={`reponse-${note.id}`} name="body" rows={3} className="mb-3 block w-full rounded-lg border-2 border-slate-500 px-3 py-2" />
                        </ActionForm>
                      )}
                    </div>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="carnet-ecrire" className="mt-8">
        <h3 id="carnet-ecrire" className="mb-2 text-xl font-bold">
          {t('notes.carnet.write')}
        </h3>
        {abilities.mayWrite ? (
          <NoteForm
            workshop={workshop.slug}
            kinds={NOTE_KINDS.map((k) => ({ value: k, label: t(`notes.kinds.${k}` as MessageKey) }))}
            visibilities={NOTE_VISIBILITIES.map((v) => ({ value: v, label: t(`notes.visibilities.${v}` as MessageKey) }))}
            sessions={abilities.sessions.map((s) => ({ value: s.id, label: sessionLabel.get(s.id)! }))}
            labels={{
              kind: t('notes.form.kind'),
              visibility: t('notes.form.visibility'),
              visibilityHint: t('notes.form.visibilityHint'),
              session: t('notes.form.session'),
              noSession: t('notes.form.noSession'),
              body: t('notes.form.body'),
              bodyHint: t('notes.form.bodyHint'),
              submit: t('notes.form.submit'),
            }}
          />
        ) : abilities.signedIn ? (
          <p className="text-slate-700">{t('notes.carnet.onlyParticipants')}</p>
        ) : (
          <p>
            <Link href={`/connexion?callbackUrl=${encodeURIComponent(`/ateliers/${workshop.slug}#carnet-titre`)}`} className="inline-flex min-h-11 items-center">
              {t('notes.carnet.signIn')}
            </Link>
          </p>
        )}
      </section>
    </section>
  );
}
