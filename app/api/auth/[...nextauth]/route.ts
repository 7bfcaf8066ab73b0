import type { NextRequest } from 'next/server';
import { assertSignInAllowed } from '@/lib/accounts';
import { handlers } from '@/lib/auth/config';
import { clientAddress } from '@/lib/http/client-address';
import { apiRoute } from '@/lib/http/problem';

export const GET = apiRoute(async (request: Request) => handlers.GET(request as NextRequest));

// The credentials sign-in endpoint answers 429 problem+json with Retry-After when this address
// has failed too often for this account (or for any account); next-auth would only redirect.
export const POST = apiRoute(async (request: Request) => {
  if (new URL(request.url).pathname.endsWith('/callback/credentials')) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get('email');
    if (typeof email === 'string' && email) await assertSignInAllowed(email, clientAddress(request.headers));
  }
  return handlers.POST(request as NextRequest);
});
