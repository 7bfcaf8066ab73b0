import { beforeAll, describe, expect, it } from 'vitest';
import { GET as calendarGET } from '@/app/api/v1/me/calendar/[token]/route';
import { GET as myEnrollmentsGET } from '@/app/api/v1/me/enrollments/route';
import { DELETE } from '@/app/api/v1/sessions/[id]/enrollments/[userId]/route';
import { POST } from '@/app/api/v1/sessions/[id]/enrollments/route';
import { createCalendarToken, revokeCalendarToken } from '@/lib/calendar/feed';
import { enroll } from '@/lib/enrollment';
import { demoActor } from '../helpers/actors';
import { seededTestDatabase } from '../helpers/db';
import { makeLearners, makeSession, signUpsOf } from '../helpers/enrollment-fixtures';
import { apiRequest } from '../helpers/session';

const NOW = new Date('2026-11-28T10:00:00Z');
const inDays = (days: number) => new Date(Date.now() + days * 86400_000);

const post = async (sessionId: string, options: { userId?: string; body?: unknown } = {}) =>
  POST(await apiRequest(`/api/v1/sessions/${sessionId}/enrollments`, { method: 'POST', ...options }), { params: Promise.resolve({ id: sessionId }) });
const del = async (sessionId: string, who: string, userId?: string) =>
  DELETE(await apiRequest(`/api/v1/sessions/${sessionId}/enrollments/${who}`, { method: 'DELETE', userId }), { params: Promise.resolve({ id: sessionId, userId: who }) });

beforeAll(() => seededTestDatabase({ now: NOW }));

describe('POST /api/v1/sessions/{id}/enrollments', () => {
  it('answers 201 confirmed, then 201 waitlisted with the position, then 409 for a second try', async () => {
    const sessionId = await makeSession({ capacity: 1, startsAt: inDays(7) });
    const [a, b] = await makeLearners(2);
    const first = await post(sessionId, { userId: a!.id });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ status: 'confirmed' });
    const second = await post(sessionId, { userId: b!.id, body: {} });
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual({ status: 'waitlisted', position: 1 });
    const again = await post(sessionId, { userId: a!.id });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect((await again.json()).detail).toBe('Vous êtes déjà inscrit à cette séance.');
  });

  it('answers 401 without a session cookie, or with a forged one', async () => {
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    expect((await post(sessionId)).status).toBe(401);
    const forged = new Request(`http://localhost/api/v1/sessions/${sessionId}/enrollments`, { method: 'POST', headers: { cookie: 'authjs.session-token=not-a-real-token' } });
    expect((await POST(forged, { params: Promise.resolve({ id: sessionId }) })).status).toBe(401);
  });

  it('answers 403 when a learner tries to sign someone else up, and signs nobody up', async () => {
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const [learner, other] = await makeLearners(2);
    const response = await post(sessionId, { userId: learner!.id, body: { learnerId: other!.id } });
    expect(response.status).toBe(403);
    expect((await response.json()).detail).toBe('Vous ne pouvez inscrire ou désinscrire que vous-même.');
    expect(await signUpsOf(sessionId)).toEqual([]);
  });

  it('lets the mediator of the place sign a learner up with { learnerId }', async () => {
    const mediator = await demoActor('mediator');
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const [learner] = await makeLearners(1);
    // Someone the place knows (signed up there before): in the mediator's people scope.
    await enroll(learner!, await makeSession({ capacity: 5, startsAt: inDays(8) }));
    const response = await post(sessionId, { userId: mediator.id, body: { learnerId: learner!.id } });
    expect(response.status).toBe(201);
    expect((await signUpsOf(sessionId)).map((r) => r.userId)).toEqual([learner!.id]);
  });

  it('answers 404 for an unknown session and 400 for a body that is not valid', async () => {
    const [learner] = await makeLearners(1);
    expect((await post('00000000-0000-4000-8000-000000000000', { userId: learner!.id })).status).toBe(404);
    expect((await post('pas-une-seance', { userId: learner!.id })).status).toBe(404);
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const notJson = await post(sessionId, { userId: learner!.id, body: '{oops' });
    expect(notJson.status).toBe(400);
    const badId = await post(sessionId, { userId: learner!.id, body: { learnerId: 'x' } });
    expect(badId.status).toBe(400);
    expect(Object.keys((await badId.json()).errors)).toEqual(['learnerId']);
  });
});

describe('DELETE /api/v1/sessions/{id}/enrollments/me', () => {
  it('cancels and confirms the first waiting person', async () => {
    const sessionId = await makeSession({ capacity: 1, startsAt: inDays(7) });
    const [a, b] = await makeLearners(2);
    await post(sessionId, { userId: a!.id });
    await post(sessionId, { userId: b!.id });
    const response = await del(sessionId, 'me', a!.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'cancelled', previousStatus: 'confirmed', promoted: 1 });
    expect((await signUpsOf(sessionId)).find((r) => r.userId === b!.id)!.status).toBe('confirmed');
    expect((await del(sessionId, 'me', a!.id)).status).toBe(404);
    expect((await del(sessionId, 'me')).status).toBe(401);
  });

  it('answers 403 when a learner tries to cancel someone else’s seat, which stays', async () => {
    const sessionId = await makeSession({ capacity: 3, startsAt: inDays(7) });
    const [a, b] = await makeLearners(2);
    await post(sessionId, { userId: a!.id });
    const response = await del(sessionId, a!.id, b!.id);
    expect(response.status).toBe(403);
    expect((await signUpsOf(sessionId))[0]!.status).toBe('confirmed');
    // Staff of the place may.
    const mediator = await demoActor('mediator');
    expect((await del(sessionId, a!.id, mediator.id)).status).toBe(200);
    expect((await del(sessionId, 'personne', mediator.id)).status).toBe(404);
  });
});

describe('GET /api/v1/me/enrollments and the calendar feed', () => {
  it('lists only one’s own sign-ups, with the waiting position, and nobody else’s contact details', async () => {
    const startsAt = inDays(7);
    const sessionId = await makeSession({ capacity: 1, startsAt });
    const [a, b] = await makeLearners(2);
    await enroll(a!, sessionId);
    await enroll(b!, sessionId);
    const response = await myEnrollmentsGET(await apiRequest('/api/v1/me/enrollments', { userId: b!.id }), {});
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.upcoming).toEqual([
      expect.objectContaining({ sessionId, status: 'waitlisted', position: 1, sessionStatus: 'scheduled', startsAt: startsAt.toISOString() }),
    ]);
    const text = JSON.stringify(body);
    expect(text).not.toContain(a!.email!);
    expect(text).not.toContain(a!.id);
    expect(text).not.toMatch(/@|\+33/);
    expect((await myEnrollmentsGET(await apiRequest('/api/v1/me/enrollments'), {})).status).toBe(401);
  });

  it('serves the private calendar feed to its token only, until it is revoked', async () => {
    const sessionId = await makeSession({ capacity: 5, startsAt: inDays(7) });
    const [a] = await makeLearners(1);
    await enroll(a!, sessionId);
    const token = await createCalendarToken(a!);
    const get = async (value: string) => calendarGET(new Request(`http://localhost/api/v1/me/calendar/${value}`), { params: Promise.resolve({ token: value }) });
    const response = await get(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await response.text();
    expect(ics).toContain(`UID:seance-${sessionId}@comptoir`);
    expect(ics).toContain('X-WR-CALNAME:Mes ateliers Comptoir');
    expect((await get(token)).status).toBe(404);
    expect((await get(`${'A'.repeat(43)}.ics`)).status).toBe(404);
    await revokeCalendarToken(a!);
    expect((await get(`${token}.ics`)).status).toBe(404);
  });
});
