import { getActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/problem';
import { renderPersonExport } from '@/lib/pdf/person-export';
import { pdfResponse } from '@/lib/pdf/response';
import { exportMyData } from '@/lib/privacy';

export const dynamic = 'force-dynamic';

// The signed-in person's data as a readable PDF.
export const GET = apiRoute(async () => {
  const data = await exportMyData(await getActor());
  return pdfResponse(new Uint8Array(await renderPersonExport(data)), `mes-donnees-comptoir-${data.exportedAt.slice(0, 10)}.pdf`, { download: true });
});
