'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { closeSession, markAttendance, setSelfCheckIn } from '@/lib/attendance';
import { formFields, serverAction } from '@/lib/http/action';

const rosterPath = (sessionId: string) => `/mediation/seances/${sessionId}`;

// One status button of the roster, when the page runs without JavaScript (with JavaScript, the
// roster calls PUT /api/v1/sessions/{id}/attendance and retries by itself).
export const markFromForm = serverAction(formFields('sessionId', 'personId', 'status'), async (input, actor) => {
  await markAttendance(actor, input.sessionId, [{ personId: input.personId, status: input.status }]);
  revalidatePath(rosterPath(input.sessionId ?? ''));
  return { ok: true };
});

// The closing form disappears once the session is closed: the roster says how it went.
export const closeSessionAction = serverAction(formFields('sessionId'), async (input, actor) => {
  const { markedAbsent } = await closeSession(actor, input.sessionId);
  revalidatePath(rosterPath(input.sessionId ?? ''));
  revalidatePath('/mediation');
  redirect(`${rosterPath(input.sessionId ?? '')}?cloture=${markedAbsent}`);
});

export const selfCheckInAction = serverAction(formFields('sessionId', 'enabled', 'lateAfterMinutes'), async (input, actor) => {
  await setSelfCheckIn(actor, input.sessionId, { enabled: input.enabled, lateAfterMinutes: input.lateAfterMinutes || undefined });
  revalidatePath(rosterPath(input.sessionId ?? ''));
  return { ok: true };
});
