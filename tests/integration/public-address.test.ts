import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as sessionRoute } from '@/app/api/v1/sessions/[id]/route';
import { resetEnvCache } from '@/lib/env';
import { publicOrigin } from '@/lib/http/origin';
import { seededTestDatabase } from '../helpers/db';
import { makeSession } from '../helpers/enrollment-fixtures';

beforeAll(async () => {
  await seededTestDatabase();
}, 180_000);

afterAll(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe('the public address', () => {
  it('comes from APP_URL in calendar files, whatever Host and X-Forwarded-Host say', async () => {
    vi.stubEnv('APP_URL', 'https://comptoir.example/');
    resetEnvCache();
    const sessionId = await makeSession({ capacity: 5, startsAt: new Date(Date.now() + 3 * 86400_000) });
    const request = new Request(`http://localhost:3010/api/v1/sessions/${sessionId}.ics`, { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' } });
    const response = await sessionRoute(request, { params: Promise.resolve({ id: `${sessionId}.ics` }) });
    expect(response.status).toBe(200);
    const body = (await response.text()).replace(/\r\n /g, '');
    expect(body).toContain(`https://comptoir.example/seances/${sessionId}`);
    expect(body).not.toMatch(/evil\.example|localhost/);
  });

  it('is required in production', () => {
    vi.stubEnv('APP_URL', '');
    vi.stubEnv('NODE_ENV', 'production');
    resetEnvCache();
    expect(() => publicOrigin()).toThrow(/APP_URL must be set/);
    vi.stubEnv('NODE_ENV', 'test');
    resetEnvCache();
    expect(publicOrigin()).toBe('http://localhost:3000');
  });
});
