import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { cancelEnrollment } from '@/lib/enrollment';
import { apiRoute } from '@/lib/http/problem';
import { NotFoundError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';

type Context = { params: Promise<{ id: string; userId: string }> };

// DELETE /api/v1/sessions/{id}/enrollments/me — cancel one's own sign-up (or leave the waiting
// list); the first waiting person is confirmed. /enrollments/{userId}: the same, by staff of the place.
export const DELETE = apiRoute<Context>(async (request, { params }) => {
  const { id, userId } = await params;
  const actor = await getApiActor(request);
  if (userId !== 'me' && !isUuid(userId)) throw new NotFoundError('Cette personne n’existe pas.');
  const result = await cancelEnrollment(actor, id, userId === 'me' ? {} : { learnerId: userId });
  return NextResponse.json(result);
});
