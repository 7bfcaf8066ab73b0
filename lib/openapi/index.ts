import 'server-only';
import { z } from 'zod';
import { accountRoutes } from '@/lib/accounts/openapi';
import { activityRoutes } from '@/lib/activities/openapi';
import { attendanceRoutes } from '@/lib/attendance/openapi';
import { catalogueRoutes } from '@/lib/catalogue/openapi';
import { catalogueAdminRoutes } from '@/lib/catalogue/openapi-admin';
import { enrollmentRoutes } from '@/lib/enrollment/openapi';
import { noteRoutes } from '@/lib/notes/openapi';
import { placeRoutes } from '@/lib/places/openapi';
import { wishRoutes } from '@/lib/wishes/openapi';
import { resourceRoutes } from '@/lib/resources/api';
import type { RouteDoc } from './types';

// Every domain's documented routes; add yours here.
const ROUTES: RouteDoc[] = [...accountRoutes, ...catalogueRoutes, ...catalogueAdminRoutes, ...placeRoutes, ...enrollmentRoutes, ...attendanceRoutes, ...activityRoutes, ...noteRoutes, ...wishRoutes, ...resourceRoutes];

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'Message en français, à montrer à la personne.' },
    errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, description: 'Champs invalides et leurs messages.' },
  },
} as const;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const parameters = [
      ...(route.pathParams ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(schema as z.ZodType, 'input'),
      })),
    ];
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, r]) => {
        const contentType = r.contentType ?? (Number(status) >= 400 ? 'application/problem+json' : 'application/json');
        const schema = r.schema ? jsonSchema(r.schema, 'output') : Number(status) >= 400 ? { $ref: '#/components/schemas/Problem' } : { type: 'string' };
        return [status, { description: r.description, content: { [contentType]: { schema } } }];
      }),
    );
    (paths[route.path] ??= {})[route.method] = {
      summary: route.summary,
      description: `Accès : ${route.access}`,
      tags: [route.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Comptoir — API',
      version: '1.0.0',
      description:
        'API JSON de Comptoir, la plateforme des ateliers numériques du réseau des EPN de la Loire. Connexion : GET /api/auth/csrf, puis POST /api/auth/callback/credentials (csrfToken, email, password) ; gardez le cookie de session. Les erreurs sont au format application/problem+json (RFC 9457).',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token' } },
    },
    paths,
  };
}
