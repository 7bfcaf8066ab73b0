import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/openapi';

describe('OpenAPI document of sign-ups', () => {
  it('describes the sign-up routes with their codes', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
    expect(Object.keys(paths['/api/v1/sessions/{id}/enrollments']!.post!.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409']);
    expect(paths['/api/v1/sessions/{id}/enrollments/me']!.delete).toBeDefined();
    expect(paths['/api/v1/sessions/{id}/enrollments/{userId}']!.delete!.responses['403']).toBeDefined();
    expect(paths['/api/v1/me/enrollments']!.get).toBeDefined();
    expect(paths['/api/v1/me/calendar/{token}.ics']!.get).toBeDefined();
  });
});
