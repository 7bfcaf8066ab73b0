import { NextResponse } from 'next/server';
import { sendSoon } from '@/lib/notifications/worker';
import { requestPasswordReset } from '@/lib/accounts/password-reset';
import { clientAddress } from '@/lib/http/client-address';
import { apiRoute, readJson } from '@/lib/http/problem';

// POST /api/v1/password-resets { email } → 202 whether or not the address exists.
export const POST = apiRoute(async (request) => {
  const { outboxId } = await requestPasswordReset(await readJson(request), clientAddress(request.headers));
  if (outboxId) sendSoon([outboxId]);
  return NextResponse.json({ status: 'accepted', detail: 'Si un compte existe avec cette adresse, un lien vient d’y être envoyé.' }, { status: 202 });
});
