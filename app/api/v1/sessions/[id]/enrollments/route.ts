import { NextResponse } from 'next/server';
import { requireApiActor } from '@/lib/auth/api';
import { enroll } from '@/lib/enrollment';
import { apiRoute, readJson } from '@/lib/http/problem';

type Context = { params: Promise<{ id: string }> };

// POST /api/v1/sessions/{id}/enrollments — {} for oneself, or { learnerId } by a mediator of the
// place → 201 { status: "confirmed" | "waitlisted", position? }; 409 if already signed up.
export const POST = apiRoute<Context>(async (request, { params }) => {
  const { id } = await params;
  const actor = await requireApiActor(request);
  // An empty body means "sign me up"; `null` is not an empty object (400).
  const body = await readJson(request, { empty: {} });
  const result = await enroll(actor, id, body);
  return NextResponse.json(result, { status: 201 });
});
