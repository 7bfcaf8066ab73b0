'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createActivity, deleteActivity, SessionAlreadyRecordedError, updateActivity } from '@/lib/activities/writes';
import { activityInputFromForm } from '@/lib/activities/form';
import { dynamicFormFields, formFields, serverAction } from '@/lib/http/action';

// "Enregistrer" of the activity form: a new activity (by hand, from a session, a copy) or an edit.
export const saveActivityAction = serverAction(dynamicFormFields, async (input, actor) => {
  const body = activityInputFromForm(input);
  let id = input.activityId;
  if (id) {
    await updateActivity(actor, id, body);
  } else {
    try {
      id = (await createActivity(actor, body)).id;
    } catch (error) {
      // The session was recorded meanwhile (another tab, a colleague): show that activity.
      if (error instanceof SessionAlreadyRecordedError) redirect(`/mediation/activites/${error.activityId}?deja=1`);
      throw error;
    }
  }
  revalidatePath('/mediation/activites');
  redirect(`/mediation/activites/${id}?${input.activityId ? 'modifiee' : 'enregistree'}=1`);
});

export const deleteActivityAction = serverAction(formFields('activityId'), async (input, actor) => {
  await deleteActivity(actor, input.activityId ?? '');
  revalidatePath('/mediation/activites');
  redirect('/mediation/activites?supprimee=1');
});
