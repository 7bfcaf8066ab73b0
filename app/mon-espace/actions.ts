'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { calendarFeedUrl, createCalendarToken, revokeCalendarToken } from '@/lib/calendar/feed';
import { cancelEnrollment } from '@/lib/enrollment';
import { formAction, formFields, noFormFields, serverAction } from '@/lib/http/action';

// Cancels one of the person's sign-ups; back on Mon espace with a message saying what happened.
export const cancelMyEnrollmentAction = serverAction(formFields('sessionId'), async (input, actor) => {
  const result = await cancelEnrollment(actor, input.sessionId ?? '');
  revalidatePath('/mon-espace');
  revalidatePath(`/seances/${input.sessionId}`);
  redirect(`/mon-espace?annulation=${result.previousStatus === 'waitlisted' ? 'attente' : 'inscription'}#mes-ateliers`);
});

// The new link is shown this once (app/_components/ActionButton with `secret`); the old one stops working.
export const createCalendarLinkAction = serverAction(noFormFields, async (_input, actor) => {
  const token = await createCalendarToken(actor);
  revalidatePath('/mon-espace');
  return { ok: true, secret: calendarFeedUrl(token) };
});

export const revokeCalendarLinkAction = formAction(noFormFields, async (_input, actor) => {
  await revokeCalendarToken(actor);
  revalidatePath('/mon-espace');
  redirect('/mon-espace?agenda=supprime#agenda');
});
