import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POST as createAccountRoute } from '@/app/api/v1/accounts/route';
import { POST as createActivityRoute } from '@/app/api/v1/activities/route';
import { POST as enrollRoute } from '@/app/api/v1/sessions/[id]/enrollments/route';
import { PUT as attendanceRoute } from '@/app/api/v1/sessions/[id]/attendance/route';
import { GET as catalogueRoute, POST as createWorkshopRoute } from '@/app/api/v1/workshops/route';
import { POST as scheduleRoute } from '@/app/api/v1/workshops/[slug]/sessions/route';
import { users, workshops } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { formFields, serverAction } from '@/lib/http/action';
import { MAX_JSON_BYTES } from '@/lib/http/problem';
import { parseInput } from '@/lib/validation';
import { demoActor } from '../helpers/actors';
import { apiRequest, sessionCookieFor } from '../helpers/auth';
import { db, seededTestDatabase } from '../helpers/db';
import { makeLearners, makeSession } from '../helpers/enrollment-fixtures';

let mediator: Actor;
let learner: Actor;
let placeId: string;

beforeAll(async () => {
  await seededTestDatabase();
  [mediator, learner] = await Promise.all([demoActor('mediator'), demoActor('learner')]);
  placeId = mediator.staffedPlaceIds[0]!;
}, 180_000);

const workshopBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Écrire un courriel',
  summary: 'Envoyer un message avec une pièce jointe.',
  themes: ['e-mail'],
  level: 'beginner',
  durationMinutes: 90,
  placeIds: [placeId],
  ...overrides,
});

const postWorkshop = async (body: unknown, as: Actor | null = mediator) => createWorkshopRoute(await apiRequest('/api/v1/workshops', { method: 'POST', body, as: as ?? undefined }), undefined as never);
const workshopCount = async () => (await db.select({ n: count() }).from(workshops))[0]!.n;

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as { detail: string; errors?: Record<string, string[]> };
}

describe('NUL bytes and lone surrogates', () => {
  it('refuses a NUL byte in a JSON text field with 400 naming the field, and writes nothing', async () => {
    const before = await workshopCount();
    const body = await expectProblem(await postWorkshop(workshopBody({ title: 'Courriel\u0000 piégé' })), 400);
    expect(body.errors?.title?.[0]).toMatch(/caractère invalide/);
    expect(await workshopCount()).toBe(before);
  });

  it('refuses a lone surrogate (sent as a JSON escape) with 400', async () => {
    const raw = JSON.stringify(workshopBody()).replace('"Écrire un courriel"', '"Écrire \\ud800 un courriel"');
    const body = await expectProblem(await postWorkshop(raw), 400);
    expect(body.errors?.title?.[0]).toMatch(/caractère invalide/);
  });

  it('refuses a NUL byte in a nested field and in an object key', async () => {
    const nested = await expectProblem(await postWorkshop(workshopBody({ themes: ['e-mail\u0000'] })), 400);
    expect(Object.keys(nested.errors ?? {})).toEqual(['themes.0']);
    await expectProblem(await postWorkshop({ ...workshopBody(), 'ti\u0000tle': 'x' }), 400);
  });

  it('refuses a NUL byte in an anonymous write (account creation) and in a query string', async () => {
    const account = await createAccountRoute(await apiRequest('/api/v1/accounts', { method: 'POST', body: { name: 'Jean\u0000', email: 'nul@exemple.fr', password: 'un-mot-de-passe-long' } }), undefined as never);
    await expectProblem(account, 400);
    expect(await db.select().from(users).where(eq(users.email, 'nul@exemple.fr'))).toEqual([]);
    await expectProblem(await catalogueRoute(new Request('http://localhost/api/v1/workshops?q=a%00b'), undefined as never), 400);
  });

  it('gives a French message next to the field in a server action, and the action never runs', async () => {
    let ran = false;
    const action = serverAction(formFields('name'), async () => {
      ran = true;
    });
    const form = new FormData();
    form.set('name', 'Marie\u0000');
    const state = await action({}, form);
    expect(ran).toBe(false);
    expect(state.fieldErrors?.name?.[0]).toMatch(/caractère invalide/);
    expect(state.message).toBe('Certaines informations sont à corriger.');
  });
});

describe('body size and shape', () => {
  it('answers 413 to a JSON body over 1 MB, declared or not', async () => {
    const big = JSON.stringify(workshopBody({ description: 'x'.repeat(MAX_JSON_BYTES) }));
    await expectProblem(await postWorkshop(big), 413);
    // Streamed without a Content-Length: cut once the limit is passed, not read to the end.
    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request('http://localhost/api/v1/workshops', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json', cookie: await sessionCookieFor(mediator) },
      duplex: 'half',
    } as RequestInit);
    await expectProblem(await createWorkshopRoute(request, undefined as never), 413);
    expect(pulled).toBeLessThan(40);
  });

  it('refuses unknown fields on creation as on edit', async () => {
    const body = await expectProblem(await postWorkshop(workshopBody({ isAdmin: true })), 400);
    expect(JSON.stringify(body.errors)).toMatch(/isAdmin/);
    const sessionId = await makeSession({ capacity: 5, startsAt: new Date(Date.now() + 7 * 86400_000) });
    const attendance = await attendanceRoute(await apiRequest(`/api/v1/sessions/${sessionId}/attendance`, { method: 'PUT', body: [{ personId: learner.id, status: 'present', extra: 1 }], as: mediator }), { params: Promise.resolve({ id: sessionId }) });
    await expectProblem(attendance, 400);
  });

  it('does not take a null body for an empty one, but an empty body still means "sign me up"', async () => {
    const sessionId = await makeSession({ capacity: 5, startsAt: new Date(Date.now() + 7 * 86400_000) });
    const [person] = await makeLearners(1);
    const post = async (body: string | undefined) =>
      enrollRoute(new Request(`http://localhost/api/v1/sessions/${sessionId}/enrollments`, { method: 'POST', body, headers: { cookie: await sessionCookieFor(person!) } }), { params: Promise.resolve({ id: sessionId }) });
    await expectProblem(await post('null'), 400);
    await expectProblem(await post('{"learnerId": null, "x": 1}'), 400);
    expect((await post('')).status).toBe(201);
  });

  it('refuses an activity dated 0001-01-01', async () => {
    const response = await createActivityRoute(
      await apiRequest('/api/v1/activities', { method: 'POST', as: mediator, body: { kind: 'individual', date: '0001-01-01', durationMinutes: 30, placeType: 'place', placeId, themes: ['e-mail'], anonymousPerson: {} } }),
      undefined as never,
    );
    const body = await expectProblem(response, 400);
    expect(body.errors?.date?.[0]).toMatch(/2000/);
  });
});

describe('French messages and the order of checks', () => {
  it('speaks French even where a schema gives no message of its own', () => {
    const error = (() => {
      try {
        parseInput(z.strictObject({ n: z.number().max(3) }), { n: 9, extra: true });
      } catch (e) {
        return e as { fieldErrors: Record<string, string[]> };
      }
    })();
    const messages = Object.values(error!.fieldErrors).flat().join(' ');
    expect(messages).toMatch(/trop grand|Clé non reconnue/);
    expect(messages).not.toMatch(/Too big|Unrecognized/);
  });

  it('answers 401 then 403 before looking at a bad body', async () => {
    await expectProblem(await postWorkshop('{not json', null), 401);
    await expectProblem(await postWorkshop({ title: 5 }, learner), 403);
    const [slug] = (await db.select({ slug: workshops.slug }).from(workshops).limit(1)).map((r) => r.slug);
    const schedule = await scheduleRoute(await apiRequest(`/api/v1/workshops/${slug}/sessions`, { method: 'POST', body: { nonsense: true }, as: learner }), { params: Promise.resolve({ slug: slug! }) });
    await expectProblem(schedule, 403);
  });
});
