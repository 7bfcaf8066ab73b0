import { NextResponse } from 'next/server';
import { getApiActor } from '@/lib/auth/api';
import { multipartFile } from '@/lib/http/multipart';
import { apiRoute } from '@/lib/http/problem';
import { addResourceFile } from '@/lib/resources/files';
import { assertMayEditResource } from '@/lib/resources/writes';
import { MAX_FILE_BYTES } from '@/lib/storage';

type Context = { params: Promise<{ slug: string }> };

// POST /api/v1/resources/{slug}/files (multipart/form-data, field `file`) → 201; 413; 415.
// The rights are checked before the body is read; the file is stored as it arrives.
export const POST = apiRoute(async (request, { params }: Context) => {
  const { slug } = await params;
  const actor = await getApiActor(request);
  await assertMayEditResource(actor, slug);
  const file = await multipartFile(request, { field: 'file', maxBytes: MAX_FILE_BYTES });
  const stored = await addResourceFile(actor, slug, file);
  return NextResponse.json(stored, { status: 201 });
});
