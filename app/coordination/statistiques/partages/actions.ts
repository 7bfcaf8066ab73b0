'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formFields, serverAction } from '@/lib/http/action';
import { publicOrigin } from '@/lib/http/origin';
import { createStatShare, renewStatShare, revokeStatShare } from '@/lib/stats/shares';

const shareUrl = (token: string) => `${publicOrigin()}/statistiques/partage/${token}`;

// The new link is shown this once (app/_components/ActionButton with `secret`): only its hash is kept.
export const createShareAction = serverAction(formFields('lieu', 'du', 'au'), async (input, actor) => {
  const share = await createStatShare(actor, { place: input.lieu, from: input.du, to: input.au });
  revalidatePath('/coordination/statistiques/partages');
  return { ok: true, secret: shareUrl(share.token) };
});

// A new link for the same place and period, shown this once; the old one stops working.
export const renewShareAction = serverAction(formFields('shareId'), async (input, actor) => {
  const share = await renewStatShare(actor, input.shareId ?? '');
  revalidatePath('/coordination/statistiques/partages');
  return { ok: true, secret: shareUrl(share.token) };
});

export const revokeShareAction = serverAction(formFields('shareId'), async (input, actor) => {
  await revokeStatShare(actor, input.shareId ?? '');
  revalidatePath('/coordination/statistiques/partages');
  redirect('/coordination/statistiques/partages?revoque=1');
});
