import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { enroll } from '@/lib/enrollment';
import { UserError } from '@/lib/errors';
import { apiRoute } from '@/lib/http/problem';

type Context = { params: Promise<{ id: string }> };

// An empty body means "sign me up".
async function optionalJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new UserError('Le corps de la requête doit être du JSON valide.', { status: 400 });
  }
}

// POST /api/v1/sessions/{id}/enrollments — {} for oneself, or { learnerId } by a mediator of the
// place → 201 { status: "confirmed" | "waitlisted", position? }; 409 if already signed up.
export const POST = apiRoute<Context>(async (request, { params }) => {
  const { id } = await params;
  const body = await optionalJson(request);
  const result = await enroll(await getApiActor(request), id, body);
  return NextResponse.json(result, { status: 201 });
});
