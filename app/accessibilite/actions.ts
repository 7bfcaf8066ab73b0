'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { reportAccessibilityBarrier } from '@/lib/accessibility';
import { serverAction } from '@/lib/http/action';
import { getT } from '@/lib/i18n';

export const reportBarrierAction = serverAction(async (input, actor) => {
  const address = (await headers()).get('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
  await reportAccessibilityBarrier(actor, input, { clientKey: address });
  revalidatePath('/coordination');
  return { ok: true, message: (await getT())('accessibilityStatement.sent') };
});
