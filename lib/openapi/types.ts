import type { z } from 'zod';

// One documented API route. Each domain lists its routes in lib/<domain>/openapi.ts; the document
// at /api/v1/openapi.json is generated from these and the same zod schemas the routes use.
export type RouteDoc = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  // Who may call it, in the words of DESIGN.md.
  access: string;
  query?: z.ZodObject;
  pathParams?: string[];
  body?: z.ZodType;
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
};
