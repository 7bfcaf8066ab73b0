import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getMe } from '@/app/api/v1/me/route';
import { demoActor } from '../helpers/actors';
import { apiRequest } from '../helpers/auth';
import { seededTestDatabase } from '../helpers/db';

// GET /api/v1/me: what the header of a shared page shows for the person who is signed in.

beforeAll(async () => {
  await seededTestDatabase();
});

const me = async (as?: { id: string }) => {
  const response = await getMe(await apiRequest('/api/v1/me', { as }), {} as never);
  return { status: response.status, cache: response.headers.get('cache-control'), body: await response.json() };
};

describe('GET /api/v1/me', () => {
  it('gives a learner their name and only their own space, never to be kept by a cache', async () => {
    const learner = await demoActor('learner');
    const answer = await me(learner);
    expect(answer.status).toBe(200);
    expect(answer.cache).toBe('private, no-store');
    expect(answer.body).toEqual({ id: learner.id, name: learner.name, spaces: [{ code: 'myspace', href: '/mon-espace' }] });
  });

  it('lists the spaces of each role in the order of the menu', async () => {
    expect((await me(await demoActor('mediator'))).body.spaces.map((s: { code: string }) => s.code)).toEqual(['myspace', 'mediation']);
    expect((await me(await demoActor('coordinator'))).body.spaces.map((s: { code: string }) => s.code)).toEqual(['myspace', 'mediation', 'coordination']);
    expect((await me(await demoActor('admin'))).body.spaces.map((s: { code: string }) => s.code)).toContain('admin');
  });

  it('answers a visitor 401 in French, with no personal data', async () => {
    const answer = await me();
    expect(answer.status).toBe(401);
    expect(answer.body).not.toHaveProperty('name');
    expect(JSON.stringify(answer.body)).toMatch(/connect/i);
  });
});
