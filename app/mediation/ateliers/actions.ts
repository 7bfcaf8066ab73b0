'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { safeReturnPath } from '@/lib/auth/guard';
import { scheduleInputFromForm, WORKSHOP_STATUSES, workshopInputFromForm, type WorkshopStatus } from '@/lib/catalogue/schema';
import { scheduleSessions } from '@/lib/catalogue/sessions-admin';
import { createWorkshop, setWorkshopStatus, updateWorkshop } from '@/lib/catalogue/workshops-admin';
import { UserError } from '@/lib/errors';
import { dynamicFormFields, formFields, serverAction } from '@/lib/http/action';

// Adds "?fait=<what>" to a same-site path, for the confirmation shown after a redirect.
function withDone(path: string, done: string, extra: Record<string, string> = {}): string {
  const url = new URL(path, 'http://comptoir.local');
  url.searchParams.set('fait', done);
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  return `${url.pathname}${url.search}`;
}

function refreshCatalogue(slug?: string) {
  revalidatePath('/mediation', 'layout');
  revalidatePath('/ateliers', 'layout');
  if (slug) revalidatePath(`/ateliers/${slug}`);
}

export const createWorkshopAction = serverAction(dynamicFormFields, async (input, actor) => {
  const workshop = await createWorkshop(actor, workshopInputFromForm(input));
  refreshCatalogue();
  redirect(withDone(`/mediation/ateliers/${workshop.slug}`, 'created'));
});

export const updateWorkshopAction = serverAction(dynamicFormFields, async (input, actor) => {
  const workshop = await updateWorkshop(actor, input.slug ?? '', workshopInputFromForm(input));
  refreshCatalogue(workshop.slug);
  redirect(withDone(`/mediation/ateliers/${workshop.slug}`, 'saved'));
});

const DONE_BY_STATUS: Record<WorkshopStatus, string> = { published: 'published', draft: 'unpublished', archived: 'archived' };

// One button, one change of status: "Publier", "Repasser en brouillon", "Archiver" (confirmed).
export const setWorkshopStatusAction = serverAction(formFields('slug', 'status', 'returnTo'), async (input, actor) => {
  const status = input.status as WorkshopStatus;
  if (!WORKSHOP_STATUSES.includes(status)) throw new UserError('Ce changement n’existe pas.');
  const workshop = await setWorkshopStatus(actor, input.slug ?? '', status);
  refreshCatalogue(workshop.slug);
  redirect(withDone(safeReturnPath(input.returnTo, `/mediation/ateliers/${workshop.slug}`), DONE_BY_STATUS[status]));
});

export const scheduleSessionAction = serverAction(dynamicFormFields, async (input, actor) => {
  const slug = input.slug ?? '';
  const { sessions } = await scheduleSessions(actor, slug, scheduleInputFromForm(input));
  refreshCatalogue(slug);
  redirect(withDone(`/mediation/ateliers/${slug}`, 'scheduled', { n: String(sessions.length) }));
});
