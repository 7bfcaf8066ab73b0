'use server';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { dynamicFormFields, formFields, serverAction } from '@/lib/http/action';
import { getT } from '@/lib/i18n';
import { THEMES } from '@/lib/vocabulary';
import { createWish, meToo, wishToWorkshop } from '@/lib/wishes';

export const postWishAction = serverAction(dynamicFormFields, async (input, actor) => {
  const t = await getT();
  await createWish(actor, {
    kind: input.kind || undefined,
    title: input.title ?? '',
    commune: input.commune ?? '',
    themes: THEMES.filter((theme) => input[`themes.${theme}`] === 'on'),
  });
  revalidatePath('/envies');
  return { ok: true, message: t('wishes.posted') };
});

export const meTooAction = serverAction(formFields('id'), async (input, actor) => {
  await meToo(actor, input.id ?? '');
  revalidatePath('/envies');
  return { ok: true };
});

export const toWorkshopAction = serverAction(formFields('id'), async (input, actor) => {
  const { slug } = await wishToWorkshop(actor, input.id ?? '');
  redirect(`/mediation/ateliers/${slug}`);
});
