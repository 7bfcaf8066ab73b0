'use server';
import { revalidatePath } from 'next/cache';
import { noFormFields, serverAction } from '@/lib/http/action';
import { getT } from '@/lib/i18n';
import { runOutboxNow } from '@/lib/notifications/worker';

// Staff-only trigger: one pass of the notification worker now.
export const sendNowAction = serverAction(noFormFields, async (_input, actor) => {
  const t = await getT();
  const report = await runOutboxNow(actor);
  revalidatePath('/mediation/messages');
  return { ok: true, message: t('outbox.report', report) };
});
