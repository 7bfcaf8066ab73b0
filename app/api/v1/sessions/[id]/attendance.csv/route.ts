import { getRoster, rosterCsvResponse } from '@/lib/attendance';
import { requireApiActor } from '@/lib/auth/api';
import { apiRoute } from '@/lib/http/problem';

// GET /api/v1/sessions/{id}/attendance.csv → the roster for a spreadsheet (French headers).
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  return rosterCsvResponse(await getRoster(actor, (await params).id));
});
