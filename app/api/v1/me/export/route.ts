import { getApiActor } from '@/lib/auth/api';
import { fileResponse } from '@/lib/http/download';
import { apiRoute } from '@/lib/http/problem';
import { exportMyData } from '@/lib/privacy';

export const dynamic = 'force-dynamic';

// GET /api/v1/me/export — everything Comptoir holds about the signed-in person, as JSON.
export const GET = apiRoute(async (request) => {
  const data = await exportMyData(await getApiActor(request));
  return fileResponse(JSON.stringify(data), { type: 'application/json', filename: `mes-donnees-comptoir-${data.exportedAt.slice(0, 10)}.json` });
});
