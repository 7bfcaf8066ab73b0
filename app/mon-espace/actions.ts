'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { createCalendarToken, revokeCalendarToken } from '@/lib/calendar/feed';
import { cancelEnrollment } from '@/lib/enrollment';
import { serverAction } from '@/lib/http/action';

// Cancels one of the person's sign-ups; back on Mon espace with a message saying what happened.
export const cancelMyEnrollmentAction = serverAction(async (input, actor) => {
  const result = await cancelEnrollment(actor, input.sessionId ?? '');
  revalidatePath('/mon-espace');
  revalidatePath(`/seances/${input.sessionId}`);
  redirect(`/mon-espace?annulation=${result.previousStatus === 'waitlisted' ? 'attente' : 'inscription'}#mes-ateliers`);
});

export async function createCalendarLinkAction(): Promise<void> {
  await createCalendarToken(await getActor());
  revalidatePath('/mon-espace');
  redirect('/mon-espace?agenda=cree#agenda');
}

export async function revokeCalendarLinkAction(): Promise<void> {
  await revokeCalendarToken(await getActor());
  revalidatePath('/mon-espace');
  redirect('/mon-espace?agenda=supprime#agenda');
}
