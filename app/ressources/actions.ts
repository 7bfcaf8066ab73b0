'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { dynamicFormFields, formFields, serverAction } from '@/lib/http/action';
import { getT } from '@/lib/i18n';
import { createResource, restoreResourceVersion, updateResource } from '@/lib/resources/writes';
import { linkResourceToWorkshop } from '@/lib/resources/workshop-supports';
import { moderateResource, rateResource, reportResource } from '@/lib/resources/ratings-and-reports';
import { removeResourceFile } from '@/lib/resources/files';
import { resourceFormInput } from '@/lib/resources/form';

// Every form of the resource pages: the same lib/resources functions as the API.

export const saveResourceAction = serverAction(dynamicFormFields, async (input, actor) => {
  const fields = resourceFormInput(input);
  if (input.slug) {
    const { slug } = await updateResource(actor, input.slug, { ...fields, reviewed: input.reviewed === 'on' });
    revalidatePath(`/ressources/${slug}`);
    redirect(`/ressources/${slug}?enregistre=1`);
  }
  const { slug } = await createResource(actor, fields);
  redirect(`/ressources/${slug}/modifier?cree=1#fichiers`);
});

export const rateResourceAction = serverAction(formFields('slug', 'value'), async (input, actor) => {
  await rateResource(actor, input.slug ?? '', { value: Number(input.value) });
  revalidatePath(`/ressources/${input.slug}`);
  return { ok: true, message: (await getT())('resources.flash.rated') };
});

export const reportResourceAction = serverAction(formFields('slug', 'reason', 'comment'), async (input, actor) => {
  await reportResource(actor, input.slug ?? '', { reason: input.reason, comment: input.comment ?? '' });
  return { ok: true, message: (await getT())('resources.flash.reported') };
});

export const linkWorkshopAction = serverAction(formFields('resource', 'workshop', 'linked'), async (input, actor) => {
  const linked = input.linked !== 'false';
  if (!input.workshop) return { fieldErrors: { workshop: [(await getT())('resources.flash.chooseWorkshop')] }, message: (await getT())('resources.flash.chooseWorkshop') };
  await linkResourceToWorkshop(actor, input.resource ?? '', input.workshop, linked);
  revalidatePath(`/ressources/${input.resource}`);
  revalidatePath(`/ateliers/${input.workshop}`);
  return { ok: true, message: (await getT())(linked ? 'resources.flash.attached' : 'resources.flash.detached') };
});

export const moderateResourceAction = serverAction(formFields('slug', 'decision', 'reason'), async (input, actor) => {
  const decision = input.decision === 'hide' || input.decision === 'keep' || input.decision === 'restore' ? input.decision : 'keep';
  await moderateResource(actor, input.slug ?? '', decision, input.reason ?? '');
  revalidatePath('/coordination/moderation/ressources');
  revalidatePath(`/ressources/${input.slug}`);
  return { ok: true, message: (await getT())(decision === 'hide' ? 'resources.flash.hiddenDone' : decision === 'restore' ? 'resources.flash.restoredDone' : 'resources.flash.kept') };
});

export const restoreVersionAction = serverAction(formFields('slug', 'revision'), async (input, actor) => {
  await restoreResourceVersion(actor, input.slug ?? '', input.revision ?? '');
  revalidatePath(`/ressources/${input.slug}`);
  redirect(`/ressources/${input.slug}?restauree=1`);
});

export const removeFileAction = serverAction(formFields('slug', 'file'), async (input, actor) => {
  await removeResourceFile(actor, input.slug ?? '', input.file ?? '');
  revalidatePath(`/ressources/${input.slug}/modifier`);
  return { ok: true, message: (await getT())('resources.flash.fileRemoved') };
});
