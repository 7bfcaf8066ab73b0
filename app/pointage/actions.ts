'use server';
import { headers } from 'next/headers';
import { checkInSelf } from '@/lib/attendance';
import { clientAddress } from '@/lib/http/client-address';
import { formFields, serverAction } from '@/lib/http/action';
import { getT } from '@/lib/i18n';

// Self check-in: marks the signed-in person only (the form carries a code and nothing else).
export const checkInAction = serverAction(formFields('code'), async (input, actor) => {
  const result = await checkInSelf(actor, { code: input.code }, new Date(), clientAddress(await headers()));
  const t = await getT();
  const status = t(`attendance.${result.status}`);
  return { ok: true, message: t(result.alreadyMarked ? 'checkIn.already' : 'checkIn.done', { status }) };
});
