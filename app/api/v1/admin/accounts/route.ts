import { NextResponse } from 'next/server';
import { listUsers } from '@/lib/accounts';
import { getApiActor } from '@/lib/auth/api';
import { apiRoute } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

// GET /api/v1/admin/accounts?q=&page= — find accounts by name, e-mail or phone (admin).
export const GET = apiRoute(async (request) => {
  const url = new URL(request.url);
  const result = await listUsers(await getApiActor(request), { q: url.searchParams.get('q') ?? '', page: Number(url.searchParams.get('page') ?? 1) });
  return NextResponse.json(
    { ...result, items: result.items.map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), lastActiveAt: u.lastActiveAt?.toISOString() ?? null })) },
    { headers: { 'cache-control': 'private, no-store' } },
  );
});
