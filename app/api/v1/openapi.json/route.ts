import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/problem';
import { openApiDocument } from '@/lib/openapi';

// GET /api/v1/openapi.json: every route of the API, generated from the zod schemas.
export const GET = apiRoute(async () => NextResponse.json(openApiDocument()));
