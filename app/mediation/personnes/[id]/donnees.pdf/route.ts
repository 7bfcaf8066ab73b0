import { getActor } from '@/lib/auth/actor';
import { fileSlug } from '@/lib/http/download';
import { apiRoute } from '@/lib/http/problem';
import { renderPersonExport } from '@/lib/pdf/person-export';
import { pdfResponse } from '@/lib/pdf/response';
import { exportAtDesk } from '@/lib/privacy';

export const dynamic = 'force-dynamic';

// The data of a person without e-mail, printed at the desk (logged by exportAtDesk).
export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const data = await exportAtDesk(await getActor(), id);
  return pdfResponse(new Uint8Array(await renderPersonExport(data)), `donnees-${fileSlug(String(data.profile.name))}.pdf`);
});
