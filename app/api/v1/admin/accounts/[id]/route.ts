import { NextResponse } from 'next/server';
import { updateAccount } from '@/lib/accounts/admin';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute, readJson } from '@/lib/http/problem';

// PATCH /api/v1/admin/accounts/{id} { roles?, disabled? } — network roles, disable (admin).
export const PATCH = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const result = await updateAccount(await getApiActor(request), id, await readJson(request));
  return NextResponse.json({ id, ...result });
});
