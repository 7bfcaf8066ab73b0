import fc from 'fast-check';
import { asc, sql } from 'drizzle-orm';
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
import { PATCH as adminAccountPATCH } from '@/app/api/v1/admin/accounts/[id]/route';
import { DELETE as meDELETE } from '@/app/api/v1/me/route';
import { POST as noteReportsPOST } from '@/app/api/v1/notes/[id]/reports/route';
import { PATCH as notePATCH } from '@/app/api/v1/notes/[id]/route';
import { POST as notesPOST } from '@/app/api/v1/notes/route';
import { POST as passwordResetsPOST } from '@/app/api/v1/password-resets/route';
import { PUT as ratingPUT } from '@/app/api/v1/resources/[slug]/rating/route';
import { POST as resourceReportsPOST } from '@/app/api/v1/resources/[slug]/reports/route';
import { PATCH as resourcePATCH } from '@/app/api/v1/resources/[slug]/route';
import { POST as resourcesPOST } from '@/app/api/v1/resources/route';
import { POST as wishesPOST } from '@/app/api/v1/wishes/route';
import { PUT as workshopResourcesPUT } from '@/app/api/v1/workshops/[slug]/resources/route';
import { places, workshops } from '@/db/schema';
import { updateAccountSchema } from '@/lib/accounts/admin-schema';
import { requestResetSchema } from '@/lib/accounts/password-reset-schema';
import { createAccountSchema } from '@/lib/accounts/schema';
import { noteInputSchema, notePatchSchema, noteReportSchema } from '@/lib/notes/schema';
import { createNote } from '@/lib/notes';
import { createResource } from '@/lib/resources/writes';
import { createResourceSchema, ratingSchema, updateResourceSchema, workshopResourcesSchema } from '@/lib/resources/schema';
import { wishInputSchema } from '@/lib/wishes/schema';
import { collectiveActivitySchema, individualActivitySchema } from '@/lib/activities/schema';
import { attendanceEntrySchema } from '@/lib/attendance/schema';
import type { Actor } from '@/lib/auth/policy';
import { cancelSessionSchema, createWorkshopSchema, scheduleSessionSchema, updateSessionSchema, updateWorkshopSchema } from '@/lib/catalogue/schema';
import { enrollInputSchema } from '@/lib/enrollment/schema';
import { demoActor } from '../helpers/actors';
import { sessionCookieFor } from '../helpers/auth';
import { db, seededTestDatabase } from '../helpers/db';
import { makeLearners, makeSession } from '../helpers/enrollment-fixtures';

// Every write endpoint, fed bodies built from its zod schema's field names with hostile values
// (NUL bytes, lone surrogates, far dates, huge numbers, wrong types, nesting) and plain garbage,
// answers with a 2xx or a 4xx problem: never a 5xx; and a refused request (4xx) changes nothing
// in the database. fast-check prints the seed of any failure.

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

let coordinator: Actor;
let cookie: string;
let adminCookie: string;
let slug: string;
let sessionId: string;
let noteId: string;
let resourceSlug: string;
let learnerId: string;

beforeAll(async () => {
  await seededTestDatabase();
  coordinator = await demoActor('coordinator');
  cookie = await sessionCookieFor(coordinator);
  slug = (await db.select({ slug: workshops.slug }).from(workshops).orderBy(asc(workshops.slug)).limit(1))[0]!.slug;
  sessionId = await makeSession({ capacity: 5, startsAt: new Date(Date.now() + 10 * 60_000) });
  adminCookie = await sessionCookieFor(await demoActor('admin'));
  noteId = (await createNote(coordinator, { workshop: slug, kind: 'tip', visibility: 'network', body: 'Une note à retoucher.' })).id;
  const place = (await db.select({ slug: places.slug }).from(places).orderBy(asc(places.slug)).limit(1))[0]!.slug;
  resourceSlug = (await createResource(coordinator, { title: 'Une ressource à retoucher', type: 'fiche-pratique', licence: 'cc-by-sa', place, visibility: 'network' })).slug;
  learnerId = (await makeLearners(1))[0]!.id;
}, 180_000);

// Everything the database holds, as one hash per table. The sign-in and request counters
// (rate_limits) are left out: a refused request is still counted against its sender.
async function fingerprint(): Promise<string> {
  const listed = await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'rate_limits' order by 1`);
  const tables = (Array.isArray(listed) ? listed : (listed as unknown as { rows: unknown[] }).rows) as { table_name: string }[];
  const parts = tables.map(({ table_name }) => sql`select ${table_name} || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as h from ${sql.identifier(table_name)} t`);
  const hashed = await db.execute(sql`select string_agg(h, ' ' order by h) as all from (${sql.join(parts, sql` union all `)}) x`);
  return ((Array.isArray(hashed) ? hashed : (hashed as unknown as { rows: unknown[] }).rows) as { all: string }[])[0]!.all;
}

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '0001-01-01', '9999-12-31', '2026-02-30', '25:99', 'e-mail', 'beginner', 'present', 'collective', 'individual', 'cancelled', 'tip', 'question', 'network', 'public', 'draft', 'learn', 'teach', 'fiche-pratique', 'spam', 'outdated', 'coordinator', 'admin', 'Roanne', 'annie@exemple.fr', '<script>alert(1)</script>', "'; drop table users; --"),
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
const request = (path: string, method: string, body: string, as = cookie) => new Request(`http://localhost${path}`, { method, body, headers: { 'content-type': 'application/json', cookie: as } });

const endpoints: [string, string[] | 'list', Call][] = [
  ['POST /api/v1/workshops', shapeKeys(createWorkshopSchema), (b) => workshopsPOST(request('/api/v1/workshops', 'POST', b), undefined as never)],
  ['PATCH /api/v1/workshops/{slug}', shapeKeys(updateWorkshopSchema), (b) => workshopPATCH(request(`/api/v1/workshops/${slug}`, 'PATCH', b), { params: Promise.resolve({ slug }) })],
  ['POST /api/v1/workshops/{slug}/sessions', shapeKeys(scheduleSessionSchema), (b) => schedulePOST(request(`/api/v1/workshops/${slug}/sessions`, 'POST', b), { params: Promise.resolve({ slug }) })],
  ['PATCH /api/v1/sessions/{id}', shapeKeys(updateSessionSchema, cancelSessionSchema), (b) => sessionPATCH(request(`/api/v1/sessions/${sessionId}`, 'PATCH', b), { params: Promise.resolve({ id: sessionId }) })],
  ['PUT /api/v1/sessions/{id}/attendance', 'list', (b) => attendancePUT(request(`/api/v1/sessions/${sessionId}/attendance`, 'PUT', b), { params: Promise.resolve({ id: sessionId }) })],
  ['POST /api/v1/sessions/{id}/enrollments', shapeKeys(enrollInputSchema), (b) => enrollPOST(request(`/api/v1/sessions/${sessionId}/enrollments`, 'POST', b), { params: Promise.resolve({ id: sessionId }) })],
  ['POST /api/v1/activities', shapeKeys(individualActivitySchema, collectiveActivitySchema), (b) => activitiesPOST(request('/api/v1/activities', 'POST', b), undefined as never)],
  ['POST /api/v1/accounts', shapeKeys(createAccountSchema), (b) => accountsPOST(request('/api/v1/accounts', 'POST', b), undefined as never)],
  ['POST /api/v1/notes', shapeKeys(noteInputSchema), (b) => notesPOST(request('/api/v1/notes', 'POST', b), undefined as never)],
  ['PATCH /api/v1/notes/{id}', shapeKeys(notePatchSchema), (b) => notePATCH(request(`/api/v1/notes/${noteId}`, 'PATCH', b), { params: Promise.resolve({ id: noteId }) })],
  ['POST /api/v1/notes/{id}/reports', shapeKeys(noteReportSchema), (b) => noteReportsPOST(request(`/api/v1/notes/${noteId}/reports`, 'POST', b), { params: Promise.resolve({ id: noteId }) })],
  ['POST /api/v1/wishes', shapeKeys(wishInputSchema), (b) => wishesPOST(request('/api/v1/wishes', 'POST', b), undefined as never)],
  ['POST /api/v1/resources', shapeKeys(createResourceSchema), (b) => resourcesPOST(request('/api/v1/resources', 'POST', b), undefined as never)],
  ['PATCH /api/v1/resources/{slug}', shapeKeys(updateResourceSchema), (b) => resourcePATCH(request(`/api/v1/resources/${resourceSlug}`, 'PATCH', b), { params: Promise.resolve({ slug: resourceSlug }) })],
  ['PUT /api/v1/resources/{slug}/rating', shapeKeys(ratingSchema), (b) => ratingPUT(request(`/api/v1/resources/${resourceSlug}/rating`, 'PUT', b), { params: Promise.resolve({ slug: resourceSlug }) })],
  ['POST /api/v1/resources/{slug}/reports', ['reason', 'comment'], (b) => resourceReportsPOST(request(`/api/v1/resources/${resourceSlug}/reports`, 'POST', b), { params: Promise.resolve({ slug: resourceSlug }) })],
  ['PUT /api/v1/workshops/{slug}/resources', shapeKeys(workshopResourcesSchema), (b) => workshopResourcesPUT(request(`/api/v1/workshops/${slug}/resources`, 'PUT', b), { params: Promise.resolve({ slug }) })],
  ['PATCH /api/v1/admin/accounts/{id}', shapeKeys(updateAccountSchema), (b) => adminAccountPATCH(request(`/api/v1/admin/accounts/${learnerId}`, 'PATCH', b, adminCookie), { params: Promise.resolve({ id: learnerId }) })],
  ['POST /api/v1/password-resets', shapeKeys(requestResetSchema), (b) => passwordResetsPOST(request('/api/v1/password-resets', 'POST', b), undefined as never)],
  // The coordinator's password is never generated: every erasure is refused.
  ['DELETE /api/v1/me', ['password'], (b) => meDELETE(request('/api/v1/me', 'DELETE', b), undefined as never)],
];

describe('fuzzing the write endpoints', () => {
  it('sees any write in the database fingerprint (else "writes nothing" would prove nothing)', async () => {
    const before = await fingerprint();
    const response = await wishesPOST(request('/api/v1/wishes', 'POST', JSON.stringify({ kind: 'learn', title: 'Envoyer une photo', themes: ['e-mail'], commune: 'Roanne' })), undefined as never);
    expect(response.status).toBe(201);
    expect(await fingerprint()).not.toBe(before);
  });

  it.each(endpoints)('%s never answers 5xx, and writes nothing when it refuses', async (_name, keys, call) => {
    const body = keys === 'list' ? fc.oneof(fc.array(bodyFor(shapeKeys(attendanceEntrySchema)), { maxLength: 5 }), bodyFor(['personId', 'status'])) : bodyFor(keys);
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const before = await fingerprint();
        const response = await call(encode(input));
        if (response.status >= 500) throw new Error(`${response.status}: ${await response.text()}`);
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toBe('application/problem+json');
          expect(await fingerprint(), `${response.status} ${await response.text()}`).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
