'use server';
import { checkInSelf } from '@/lib/attendance';
import { formFields, serverAction } from '@/lib/http/action';
import { getT } from '@/lib/i18n';

// Self check-in: marks the signed-in person only (the form carries a code and nothing else).
export const checkInAction = serverAction(formFields('code'), async (input, actor) => {
  const result = await checkInSelf(actor, { code: input.code });
  const t = await getT();
  const status = t(`attendance.${result.status}`);
  return { ok: true, message: t(result.alreadyMarked ? 'checkIn.already' : 'checkIn.done', { status }) };
});
