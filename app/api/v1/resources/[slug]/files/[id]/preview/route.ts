import { getApiActor } from '@/lib/auth/api';
import { fileResponse } from '@/lib/http/download';
import { apiRoute } from '@/lib/http/problem';
import { openResourcePreview } from '@/lib/resources/files';

type Context = { params: Promise<{ slug: string; id: string }> };

// GET /api/v1/resources/{slug}/files/{id}/preview → a PNG thumbnail of an image file.
export const GET = apiRoute(async (request, { params }: Context) => {
  const { slug, id } = await params;
  const preview = await openResourcePreview(await getApiActor(request), slug, id);
  return fileResponse(preview.stream, { type: 'image/png', filename: 'apercu.png', inline: true, size: preview.size });
});
