import { getApiActor } from '@/lib/auth/api';
import { apiRoute } from '@/lib/http/problem';
import { openResourceFile } from '@/lib/resources';

type Context = { params: Promise<{ slug: string; id: string }> };

// GET /api/v1/resources/{slug}/files/{id} → the bytes, streamed chunk by chunk from the database.
export const GET = apiRoute(async (request, { params }: Context) => {
  const { slug, id } = await params;
  const file = await openResourceFile(await getApiActor(request), slug, id);
  const ascii = file.name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'document';
  return new Response(file.stream, {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.size),
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
});
