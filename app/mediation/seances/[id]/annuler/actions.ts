'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { cancelSession } from '@/lib/catalogue/sessions-admin';
import { formFields, serverAction } from '@/lib/http/action';

export const cancelSessionAction = serverAction(formFields('id', 'reason'), async (input, actor) => {
  const { session } = await cancelSession(actor, input.id ?? '', { reason: input.reason });
  revalidatePath('/mediation', 'layout');
  revalidatePath('/ateliers', 'layout');
  revalidatePath(`/seances/${session.id}`);
  redirect(`/mediation/ateliers/${session.workshopSlug}?fait=sessionCancelled`);
});
