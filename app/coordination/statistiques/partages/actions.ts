'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formFields, serverAction } from '@/lib/http/action';
import { createStatShare, revokeStatShare } from '@/lib/stats/shares';

export const createShareAction = serverAction(formFields('lieu', 'du', 'au'), async (input, actor) => {
  const share = await createStatShare(actor, { place: input.lieu, from: input.du, to: input.au });
  revalidatePath('/coordination/statistiques/partages');
  redirect(`/coordination/statistiques/partages?cree=${share.id}`);
});

export const revokeShareAction = serverAction(formFields('shareId'), async (input, actor) => {
  await revokeStatShare(actor, input.shareId ?? '');
  revalidatePath('/coordination/statistiques/partages');
  redirect('/coordination/statistiques/partages?revoque=1');
});
