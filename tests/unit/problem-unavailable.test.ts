import { describe, expect, it } from 'vitest';
import { apiRoute } from '@/lib/http/problem';

describe('database away', () => {
  it('answers 503 problem+json with Retry-After, in French, when the database cannot be reached', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const route = apiRoute(async () => {
      throw new Error('Failed query: select 1', { cause: refused });
    });
    const response = await route(new Request('http://localhost/api/v1/workshops'), undefined);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await response.json()).detail).toMatch(/momentanément indisponible/);
  });

  it('still answers 500 to other errors, without their text', async () => {
    const route = apiRoute(async () => {
      throw new Error('secret value marie@exemple.fr');
    });
    const response = await route(new Request('http://localhost/api/v1/workshops'), undefined);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('marie@exemple.fr');
  });
});
