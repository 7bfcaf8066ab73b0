'use server';
import { revalidatePath } from 'next/cache';
import { enroll } from '@/lib/enrollment';
import { formFields, serverAction } from '@/lib/http/action';
import { getT } from '@/lib/i18n';
import { createAssistedLearner, issueClaimCode } from '@/lib/learners';

// Desk actions of /mediation/inscrire. Each calls lib/, which checks that the actor staffs the
// session's place.

export const enrollPersonAction = serverAction(formFields('sessionId', 'learnerId', 'learnerName'), async (input, actor) => {
  const t = await getT();
  const result = await enroll(actor, input.sessionId ?? '', { learnerId: input.learnerId });
  revalidatePath('/mediation/inscrire');
  const name = input.learnerName ?? '';
  return { ok: true, message: result.status === 'confirmed' ? t('desk.doneConfirmed', { name }) : t('desk.doneWaitlisted', { name, position: result.position ?? '' }) };
});

export const newClaimCodeAction = serverAction(formFields('learnerId'), async (input, actor) => {
  const t = await getT();
  const { name, claimCode } = await issueClaimCode(actor, input.learnerId ?? '');
  return { ok: true, message: t('desk.claimCodeTitle', { name }), values: { claimCode } };
});

export const createLearnerAction = serverAction(formFields('sessionId', 'name', 'phone', 'consent'), async (input, actor) => {
  const t = await getT();
  const result = await createAssistedLearner(actor, input);
  revalidatePath('/mediation/inscrire');
  const message = result.status === 'confirmed' ? t('desk.doneConfirmed', { name: result.name }) : t('desk.doneWaitlisted', { name: result.name, position: result.position ?? '' });
  return { ok: true, message, values: { claimCode: result.claimCode, name: result.name } };
});
