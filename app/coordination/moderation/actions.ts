'use server';
import { revalidatePath } from 'next/cache';
import { formFields, serverAction } from '@/lib/http/action';
import { getT } from '@/lib/i18n';
import { updateNote } from '@/lib/notes';
import { dismissNoteReports } from '@/lib/notes/moderation';

export const moderateNoteAction = serverAction(formFields('id', 'hidden', 'hiddenReason'), async (input, actor) => {
  const t = await getT();
  const hidden = input.hidden === 'true';
  await updateNote(actor, input.id ?? '', { hidden, hiddenReason: input.hiddenReason ?? '' });
  revalidatePath('/coordination/moderation');
  return { ok: true, message: hidden ? t('notes.carnet.hiddenDone') : t('notes.carnet.restoredDone') };
});

export const keepNoteAction = serverAction(formFields('id'), async (input, actor) => {
  const t = await getT();
  await dismissNoteReports(actor, input.id ?? '');
  revalidatePath('/coordination/moderation');
  return { ok: true, message: t('notes.moderation.kept') };
});
