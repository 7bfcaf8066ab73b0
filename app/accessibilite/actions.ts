'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { reportAccessibilityBarrier } from '@/lib/accessibility';
import { formFields, serverAction } from '@/lib/http/action';
import { clientAddress } from '@/lib/http/client-address';
import { getT } from '@/lib/i18n';

export const reportBarrierAction = serverAction(formFields('description', 'pageUrl', 'contact', 'name'), async (input, actor) => {
  await reportAccessibilityBarrier(actor, input, { clientKey: clientAddress(await headers()) });
  revalidatePath('/coordination');
  return { ok: true, message: (await getT())('accessibilityStatement.sent') };
});
