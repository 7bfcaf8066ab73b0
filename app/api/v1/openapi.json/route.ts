import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/openapi';

// GET /api/v1/openapi.json: every route of the API, generated from the zod schemas.
export function GET() {
  return NextResponse.json(openApiDocument());
}
