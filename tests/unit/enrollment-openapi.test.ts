import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/openapi';

type Operation = { responses: Record<string, unknown>; requestBody?: unknown };
const paths = openApiDocument().paths as Record<string, Record<string, Operation>>;

// Every route handler under app/api/v1, read from the files themselves: a route added without
// its description, or a described route deleted, fails here.
const API = path.resolve(import.meta.dirname, '../../app/api/v1');
function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}
const routes = routeFiles(API).map((file) => {
  const segments = path.relative(API, path.dirname(file)).split(path.sep).filter(Boolean);
  const apiPath = `/api/v1/${segments.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`.replace(/\/$/, '');
  const methods = [...readFileSync(file, 'utf8').matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
  return { apiPath, methods };
});

// A dynamic segment that also answers with a suffix (Next.js cannot put one after "[id]").
const suffixed: Record<string, string> = { '/api/v1/me/calendar/{token}': '/api/v1/me/calendar/{token}.ics' };

describe('OpenAPI document against the route files', () => {
  it('finds the route files', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.find((r) => r.apiPath === '/api/v1/sessions/{id}/enrollments')?.methods).toContain('post');
  });

  it.each(routes.flatMap(({ apiPath, methods }) => methods.map((method) => [method.toUpperCase(), suffixed[apiPath] ?? apiPath] as const)))('%s %s is described', (method, apiPath) => {
    expect(Object.keys(paths[apiPath] ?? {}), `${method} ${apiPath}`).toContain(method.toLowerCase());
  });

  it('describes the sign-up codes', () => {
    expect(Object.keys(paths['/api/v1/sessions/{id}/enrollments']!.post!.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409']);
    expect(Object.keys(paths['/api/v1/sessions/{id}/enrollments/{userId}']!.delete!.responses)).toContain('403');
  });
});
