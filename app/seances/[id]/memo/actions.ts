'use server';
import { revalidatePath } from 'next/cache';
import { formFields, serverAction } from '@/lib/http/action';
import { getT } from '@/lib/i18n';
import { saveSessionMemo } from '@/lib/notes/memo';

export const saveMemoAction = serverAction(formFields('sessionId', 'body'), async (input, actor) => {
  const t = await getT();
  const note = await saveSessionMemo(actor, input.sessionId ?? '', input.body ?? '');
  revalidatePath(`/seances/${input.sessionId}/memo`);
  revalidatePath(`/ateliers/${note.workshop.slug}`);
  return { ok: true, message: t('notes.memo.saved') };
});
