import fc from 'fast-check';
import { asc } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POST as accountsPOST } from '@/app/api/v1/accounts/route';
import { POST as activitiesPOST } from '@/app/api/v1/activities/route';
import { PUT as attendancePUT } from '@/app/api/v1/sessions/[id]/attendance/route';
import { POST as enrollPOST } from '@/app/api/v1/sessions/[id]/enrollments/route';
import { PATCH as sessionPATCH } from '@/app/api/v1/sessions/[id]/route';
import { PATCH as workshopPATCH } from '@/app/api/v1/workshops/[slug]/route';
import { POST as schedulePOST } from '@/app/api/v1/workshops/[slug]/sessions/route';
import { POST as workshopsPOST } from '@/app/api/v1/workshops/route';
import { workshops } from '@/db/schema';
import { createAccountSchema } from '@/lib/accounts/schema';
import { collectiveActivitySchema, individualActivitySchema } from '@/lib/activities/schema';
import { attendanceEntrySchema } from '@/lib/attendance/schema';
import type { Actor } from '@/lib/auth/policy';
import { cancelSessionSchema, createWorkshopSchema, scheduleSessionSchema, updateSessionSchema, updateWorkshopSchema } from '@/lib/catalogue/schema';
import { enrollInputSchema } from '@/lib/enrollment/schema';
import { demoActor } from '../helpers/actors';
import { sessionCookieFor } from '../helpers/auth';
import { db, seededTestDatabase } from '../helpers/db';
import { makeSession } from '../helpers/enrollment-fixtures';

// Every write endpoint, fed bodies built from its zod schema's field names with hostile values
// (NUL bytes, lone surrogates, far dates, huge numbers, wrong types, nesting) and plain garbage,
// answers with a 2xx or a 4xx problem: never a 5xx. fast-check prints the seed of any failure.

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

let coordinator: Actor;
let cookie: string;
let slug: string;
let sessionId: string;

beforeAll(async () => {
  await seededTestDatabase();
  coordinator = await demoActor('coordinator');
  cookie = await sessionCookieFor(coordinator);
  slug = (await db.select({ slug: workshops.slug }).from(workshops).orderBy(asc(workshops.slug)).limit(1))[0]!.slug;
  sessionId = await makeSession({ capacity: 5, startsAt: new Date(Date.now() + 10 * 60_000) });
}, 180_000);

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '0001-01-01', '9999-12-31', '2026-02-30', '25:99', 'e-mail', 'beginner', 'present', 'collective', 'individual', 'cancelled', '<script>alert(1)</script>', "'; drop table users; --"),
  fc.uuid(),
  fc.string({ maxLength: 5000 }),
);
const scalar = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308));
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(hostileString, tie('value'), { maxKeys: 3 })),
})).value;

const shapeKeys = (...schemas: z.ZodObject[]) => [...new Set(schemas.flatMap((s) => Object.keys(s.shape)))];
const bodyFor = (keys: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: fc.string().map((raw) => ({ __raw: raw })) },
  );

const encode = (body: unknown) => (body && typeof body === 'object' && '__raw' in body ? String((body as { __raw: string }).__raw) : JSON.stringify(body));

type Call = (body: string) => Promise<Response>;
const request = (path: string, method: string, body: string) => new Request(`http://localhost${path}`, { method, body, headers: { 'content-type': 'application/json', cookie } });

const endpoints: [string, string[] | 'list', Call][] = [
  ['POST /api/v1/workshops', shapeKeys(createWorkshopSchema), (b) => workshopsPOST(request('/api/v1/workshops', 'POST', b), undefined as never)],
  ['PATCH /api/v1/workshops/{slug}', shapeKeys(updateWorkshopSchema), (b) => workshopPATCH(request(`/api/v1/workshops/${slug}`, 'PATCH', b), { params: Promise.resolve({ slug }) })],
  ['POST /api/v1/workshops/{slug}/sessions', shapeKeys(scheduleSessionSchema), (b) => schedulePOST(request(`/api/v1/workshops/${slug}/sessions`, 'POST', b), { params: Promise.resolve({ slug }) })],
  ['PATCH /api/v1/sessions/{id}', shapeKeys(updateSessionSchema, cancelSessionSchema), (b) => sessionPATCH(request(`/api/v1/sessions/${sessionId}`, 'PATCH', b), { params: Promise.resolve({ id: sessionId }) })],
  ['PUT /api/v1/sessions/{id}/attendance', 'list', (b) => attendancePUT(request(`/api/v1/sessions/${sessionId}/attendance`, 'PUT', b), { params: Promise.resolve({ id: sessionId }) })],
  ['POST /api/v1/sessions/{id}/enrollments', shapeKeys(enrollInputSchema), (b) => enrollPOST(request(`/api/v1/sessions/${sessionId}/enrollments`, 'POST', b), { params: Promise.resolve({ id: sessionId }) })],
  ['POST /api/v1/activities', shapeKeys(individualActivitySchema, collectiveActivitySchema), (b) => activitiesPOST(request('/api/v1/activities', 'POST', b), undefined as never)],
  ['POST /api/v1/accounts', shapeKeys(createAccountSchema), (b) => accountsPOST(request('/api/v1/accounts', 'POST', b), undefined as never)],
];

describe('fuzzing the write endpoints', () => {
  it.each(endpoints)('%s never answers 5xx', async (_name, keys, call) => {
    const body = keys === 'list' ? fc.oneof(fc.array(bodyFor(shapeKeys(attendanceEntrySchema)), { maxLength: 5 }), bodyFor(['personId', 'status'])) : bodyFor(keys);
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const response = await call(encode(input));
        if (response.status >= 500) throw new Error(`${response.status}: ${await response.text()}`);
        if (response.status >= 400) expect(response.headers.get('content-type')).toBe('application/problem+json');
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
