import { getApiActor } from '@/lib/auth/api';
import { apiRoute, readJson } from '@/lib/http/problem';
import { eraseMyAccount } from '@/lib/privacy';

export const dynamic = 'force-dynamic';

// DELETE /api/v1/me { password } — erases the signed-in person's account (anonymised) → 204.
export const DELETE = apiRoute(async (request) => {
  const actor = await getApiActor(request);
  await eraseMyAccount(actor, await readJson(request));
  return new Response(null, { status: 204 });
});
