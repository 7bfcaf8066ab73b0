'use server';
import { revalidatePath } from 'next/cache';
import { cancelEnrollment, enroll } from '@/lib/enrollment';
import { formFields, serverAction } from '@/lib/http/action';
import { emailWillReach } from '@/lib/notifications';
import { getT } from '@/lib/i18n';

// The enrollment panel's one form: sign up, or cancel / leave the waiting list.
export const enrollmentAction = serverAction(formFields('sessionId', 'intent'), async (input, actor) => {
  const t = await getT();
  const sessionId = input.sessionId ?? '';
  if (input.intent === 'cancel') {
    const result = await cancelEnrollment(actor, sessionId);
    revalidatePath(`/seances/${sessionId}`);
    revalidatePath('/mon-espace');
    return { ok: true, message: result.previousStatus === 'waitlisted' ? t('enrollmentPanel.doneLeft') : t('enrollmentPanel.doneCancelled') };
  }
  const result = await enroll(actor, sessionId);
  revalidatePath(`/seances/${sessionId}`);
  revalidatePath('/mon-espace');
  if (result.status !== 'confirmed') return { ok: true, message: t('enrollmentPanel.doneWaitlisted', { position: result.position ?? 0 }) };
  // The e-mail is promised only to someone who will receive it.
  return { ok: true, message: emailWillReach(actor?.email) ? t('enrollmentPanel.doneConfirmedEmail') : t('enrollmentPanel.doneConfirmed') };
});
