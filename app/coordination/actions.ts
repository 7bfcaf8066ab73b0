'use server';
import { revalidatePath } from 'next/cache';
import { markAccessibilityReportHandled } from '@/lib/accessibility';
import { formFields, serverAction } from '@/lib/http/action';

export const markReportHandledAction = serverAction(formFields('reportId'), async (input, actor) => {
  await markAccessibilityReportHandled(actor, input.reportId);
  revalidatePath('/coordination');
  return { ok: true };
});
