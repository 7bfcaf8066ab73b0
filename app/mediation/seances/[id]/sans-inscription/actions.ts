'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { addNewWalkIn, addWalkIn } from '@/lib/attendance';
import { formFields, serverAction } from '@/lib/http/action';

// Back to the roster, where the added person is announced and shown.
function backToRoster(sessionId: string, personId: string): never {
  revalidatePath(`/mediation/seances/${sessionId}`);
  redirect(`/mediation/seances/${sessionId}?ajout=${personId}#personne-${personId}`);
}

export const addKnownWalkInAction = serverAction(formFields('sessionId', 'personId'), async (input, actor) => {
  const added = await addWalkIn(actor, input.sessionId, { personId: input.personId });
  backToRoster(input.sessionId!, added.personId);
});

export const addNewWalkInAction = serverAction(formFields('sessionId', 'name', 'consent'), async (input, actor) => {
  const added = await addNewWalkIn(actor, input.sessionId, { name: input.name, consent: input.consent });
  backToRoster(input.sessionId!, added.personId);
});
