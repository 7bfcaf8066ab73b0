import { NextResponse } from 'next/server';
import { getPublicWorkshop } from '@/lib/catalogue';
import { workshopJson } from '@/lib/catalogue/api-views';
import { apiRoute } from '@/lib/http/problem';

type Context = { params: Promise<{ slug: string }> };

// GET /api/v1/workshops/{slug} → one published workshop and its upcoming sessions.
export const GET = apiRoute(async (_request, { params }: Context) => {
  const { slug } = await params;
  return NextResponse.json(workshopJson(await getPublicWorkshop(slug)));
});
