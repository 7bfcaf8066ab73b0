'use server';
import { revalidatePath } from 'next/cache';
import { formFields, serverAction } from '@/lib/http/action';
import { getT } from '@/lib/i18n';
import { createNote, deleteNote, markUseful, reportNote, updateNote } from '@/lib/notes';

// The carnet's forms: each one calls the same lib/notes function as the API.

const refresh = (slug: string | undefined) => {
  if (slug) revalidatePath(`/ateliers/${slug}`);
};

export const writeNoteAction = serverAction(formFields('workshop', 'sessionId', 'parentId', 'kind', 'visibility', 'body'), async (input, actor) => {
  const t = await getT();
  await createNote(actor, {
    workshop: input.workshop,
    sessionId: input.sessionId || null,
    parentId: input.parentId || null,
    kind: input.kind || undefined,
    visibility: input.visibility || undefined,
    body: input.body ?? '',
  });
  refresh(input.workshop);
  return { ok: true, message: input.parentId ? t('notes.carnet.replied') : t('notes.carnet.written') };
});

export const usefulAction = serverAction(formFields('id', 'workshop'), async (input, actor) => {
  await markUseful(actor, input.id ?? '');
  refresh(input.workshop);
  return { ok: true };
});

export const helpedAction = serverAction(formFields('id', 'workshop', 'helped'), async (input, actor) => {
  await updateNote(actor, input.id ?? '', { helped: input.helped === 'true' });
  refresh(input.workshop);
  return { ok: true };
});

export const reportAction = serverAction(formFields('id', 'workshop', 'reason', 'comment'), async (input, actor) => {
  const t = await getT();
  await reportNote(actor, input.id ?? '', { reason: input.reason || undefined, comment: input.comment ?? '' });
  refresh(input.workshop);
  return { ok: true, message: t('notes.carnet.reported') };
});

export const moderateAction = serverAction(formFields('id', 'workshop', 'hidden', 'hiddenReason'), async (input, actor) => {
  const t = await getT();
  const hidden = input.hidden === 'true';
  await updateNote(actor, input.id ?? '', { hidden, hiddenReason: input.hiddenReason ?? '' });
  refresh(input.workshop);
  revalidatePath('/coordination/moderation');
  return { ok: true, message: hidden ? t('notes.carnet.hiddenDone') : t('notes.carnet.restoredDone') };
});

export const deleteNoteAction = serverAction(formFields('id', 'workshop'), async (input, actor) => {
  await deleteNote(actor, input.id ?? '');
  refresh(input.workshop);
  return { ok: true };
});
