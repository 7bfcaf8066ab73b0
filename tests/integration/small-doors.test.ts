import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getApiActor } from '@/lib/auth/api';
import { ForbiddenError } from '@/lib/errors';
import { runOutboxNow } from '@/lib/notifications/worker';
import { demoActor } from '../helpers/actors';
import { sessionCookieFor } from '../helpers/auth';
import { seededTestDatabase } from '../helpers/db';

beforeAll(async () => {
  await seededTestDatabase();
}, 180_000);

describe('smaller doors', () => {
  it('lets only network staff send the whole outbox now', async () => {
    await expect(runOutboxNow(await demoActor('mediator'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(runOutboxNow(await demoActor('coordinator'))).resolves.toBeDefined();
  });

  it('over https, ignores a plain session cookie (only the __Secure- one counts)', async () => {
    const learner = await demoActor('learner');
    const plain = await sessionCookieFor(learner);
    expect(await getApiActor(new Request('http://localhost/api/v1/me/enrollments', { headers: { cookie: plain } }))).toMatchObject({ id: learner.id });
    expect(await getApiActor(new Request('https://comptoir.example/api/v1/me/enrollments', { headers: { cookie: plain } }))).toBeNull();
  });

  it('served at an https address, counts only the __Secure- cookie even behind a proxy that says http (as next-auth does for pages)', async () => {
    const learner = await demoActor('learner');
    const plain = await sessionCookieFor(learner);
    vi.stubEnv('APP_URL', 'https://comptoir.example');
    try {
      expect(await getApiActor(new Request('http://127.0.0.1:3000/api/v1/me', { headers: { cookie: plain } }))).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
