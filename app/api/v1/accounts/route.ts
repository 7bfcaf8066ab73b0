import { NextResponse } from 'next/server';
import { createLearnerAccount } from '@/lib/accounts';
import { clientAddress } from '@/lib/http/client-address';
import { apiRoute, readJson } from '@/lib/http/problem';

// POST /api/v1/accounts { name, email, password } → 201 learner account; 409 if the e-mail is taken.
export const POST = apiRoute(async (request) => {
  const account = await createLearnerAccount(await readJson(request), clientAddress(request.headers));
  return NextResponse.json(account, { status: 201, headers: { location: `/api/v1/accounts/${account.id}` } });
});
