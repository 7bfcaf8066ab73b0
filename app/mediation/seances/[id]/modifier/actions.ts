'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { sessionUpdateFromForm } from '@/lib/catalogue/schema';
import { updateSession } from '@/lib/catalogue/sessions-admin';
import { dynamicFormFields, serverAction } from '@/lib/http/action';

export const updateSessionAction = serverAction(dynamicFormFields, async (input, actor) => {
  const session = await updateSession(actor, input.id ?? '', sessionUpdateFromForm(input));
  revalidatePath('/mediation', 'layout');
  revalidatePath('/ateliers', 'layout');
  revalidatePath(`/seances/${session.id}`);
  redirect(`/mediation/ateliers/${session.workshopSlug}?fait=sessionSaved`);
});
