'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { mergeProfiles, updateAccount } from '@/lib/accounts/admin';
import { formFields, serverAction } from '@/lib/http/action';
import { getT } from '@/lib/i18n';

export const updateRolesAction = serverAction(formFields('userId', 'role-coordinator', 'role-admin'), async (input, actor) => {
  const roles = (['coordinator', 'admin'] as const).filter((r) => input[`role-${r}`] === 'on');
  await updateAccount(actor, input.userId ?? '', { roles });
  revalidatePath('/admin');
  return { ok: true, message: (await getT())('admin.rolesSaved') };
});

export const setDisabledAction = serverAction(formFields('userId', 'disabled'), async (input, actor) => {
  await updateAccount(actor, input.userId ?? '', { disabled: input.disabled === 'true' });
  revalidatePath('/admin');
  return { ok: true, message: (await getT())(input.disabled === 'true' ? 'admin.disabledDone' : 'admin.enabledDone') };
});

export const mergeAction = serverAction(formFields('keepId', 'mergeId'), async (input, actor) => {
  await mergeProfiles(actor, input.keepId ?? '', input.mergeId ?? '');
  revalidatePath('/admin');
  redirect(`/admin/comptes/${input.keepId}?fusion=1`);
});
