import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/openapi';

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3 document', async () => {
    const document = openApiDocument();
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, JSON.stringify(result, null, 2)).toBe(true);
    expect(String(document.openapi)).toMatch(/^3\./);
  });

  it('describes account creation with the fields of its zod schema', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> } }>>;
    const body = paths['/api/v1/accounts']!.post!.requestBody!.content['application/json']!.schema;
    // An e-mail address or, for people without one, a phone number.
    expect(body.required?.sort()).toEqual(['name', 'password']);
    expect(Object.keys(body.properties ?? {})).toEqual(expect.arrayContaining(['email', 'phone']));
  });
});
