import { getApiActor } from '@/lib/auth/api';
import { fileResponse } from '@/lib/http/download';
import { apiRoute } from '@/lib/http/problem';
import { openResourceFile } from '@/lib/resources/files';

type Context = { params: Promise<{ slug: string; id: string }> };

// GET /api/v1/resources/{slug}/files/{id} → the bytes, streamed chunk by chunk from the database.
export const GET = apiRoute(async (request, { params }: Context) => {
  const { slug, id } = await params;
  const file = await openResourceFile(await getApiActor(request), slug, id);
  return fileResponse(file.stream, { type: file.contentType, filename: file.name, size: file.size });
});
