import { Readable } from 'node:stream';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as fileGET } from '@/app/api/v1/resources/[slug]/files/[id]/route';
import { POST as filePOST } from '@/app/api/v1/resources/[slug]/files/route';
import { PUT as ratingPUT } from '@/app/api/v1/resources/[slug]/rating/route';
import { POST as reportPOST } from '@/app/api/v1/resources/[slug]/reports/route';
import { GET as oneGET, PATCH } from '@/app/api/v1/resources/[slug]/route';
import { GET as listGET, POST } from '@/app/api/v1/resources/route';
import { GET as openapiGET } from '@/app/api/v1/openapi.json/route';
import { PUT as supportsPUT } from '@/app/api/v1/workshops/[slug]/resources/route';
import { blobs, places, resourceFiles, workshopPlaces, workshops } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { MAX_FILE_BYTES } from '@/lib/storage';
import { demoActor } from '../helpers/actors';
import { sessionCookieFor, apiRequest } from '../helpers/auth';
import { db, seededTestDatabase } from '../helpers/db';
import { generatedStream, SAMPLE_HTML, SAMPLE_SVG, sampleExe, samplePdf } from '../helpers/files';

let mediator: Actor;
let learner: Actor;
const ctx = (slug: string) => ({ params: Promise.resolve({ slug }) });

async function upload(slug: string, as: Actor | null, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const headers: Record<string, string> = {};
  if (as) headers.cookie = await sessionCookieFor(as);
  return filePOST(new Request(`http://localhost/api/v1/resources/${slug}/files`, { method: 'POST', body: form, headers }), ctx(slug));
}

async function stored() {
  const [b] = await db.select({ n: count() }).from(blobs);
  const [f] = await db.select({ n: count() }).from(resourceFiles);
  return { blobs: b!.n, files: f!.n };
}

async function create(body: Record<string, unknown>, as: Actor | null = mediator) {
  return POST(await apiRequest('/api/v1/resources', { method: 'POST', body, as: as ?? undefined }), { params: Promise.resolve({}) });
}

const base = { type: 'fiche-pratique', licence: 'etalab', place: 'au-comptoir-numerique-saint-etienne', themes: ['e-mail'] };

beforeAll(async () => {
  await seededTestDatabase();
  [mediator, learner] = await Promise.all([demoActor('mediator'), demoActor('learner')]);
});

describe('resources API', () => {
  it('creates (201), refuses learners (403) and bad input (400 with fields), reads and edits', async () => {
    const created = await create({ ...base, title: 'Créer sa boîte mail', visibility: 'public', links: [{ url: 'https://www.laposte.net', label: 'La Poste' }] });
    expect(created.status).toBe(201);
    const json = await created.json();
    expect(json).toMatchObject({ slug: 'creer-sa-boite-mail', type: 'fiche-pratique', licence: 'etalab', visibility: 'public', place: { slug: base.place }, author: { name: mediator.name }, files: [], rating: { average: null, count: 0 }, downloads: 0 });
    expect(json.updatedAt).toMatch(/\+0[12]:00$/);

    expect((await create({ ...base, title: 'Pas le droit' }, learner)).status).toBe(403);
    // A NUL byte is refused by the shared layer before the schema, naming its field.
    const nul = await create({ ...base, title: 'Nul\0' });
    expect(nul.status).toBe(400);
    expect(nul.headers.get('content-type')).toBe('application/problem+json');
    expect(Object.keys((await nul.json()).errors)).toEqual(['title']);
    const bad = await create({ ...base, title: 'Pas de secret', visibility: 'secret', extra: 1 });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).errors)).toEqual(expect.arrayContaining(['visibility']));

    const patched = await PATCH(await apiRequest('/api/v1/resources/creer-sa-boite-mail', { method: 'PATCH', body: { summary: 'Pas à pas' }, as: mediator }), ctx('creer-sa-boite-mail'));
    expect(patched.status).toBe(200);
    expect((await patched.json()).summary).toBe('Pas à pas');
    const list = await listGET(await apiRequest('/api/v1/resources?q=boite%20mail&theme=e-mail'), { params: Promise.resolve({}) });
    expect((await list.json()).items.map((i: { slug: string }) => i.slug)).toContain('creer-sa-boite-mail');
    expect((await listGET(await apiRequest('/api/v1/resources?type=nope'), { params: Promise.resolve({}) })).status).toBe(400);
  });

  it('uploads a file (201) and streams back the same bytes with type and name', async () => {
    await create({ ...base, title: 'Fiche réseau', visibility: 'network' });
    const pdf = await samplePdf('Fiche réseau');
    const response = await upload('fiche-reseau', mediator, pdf, 'Fiche réseau.pdf');
    expect(response.status).toBe(201);
    const file = await response.json();
    expect(file).toMatchObject({ name: 'Fiche réseau.pdf', contentType: 'application/pdf', size: pdf.byteLength, url: `/api/v1/resources/fiche-reseau/files/${file.id}` });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const download = await fileGET(await apiRequest(file.url, { as: mediator }), { params: Promise.resolve({ slug: 'fiche-reseau', id: file.id }) });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Fiche reseau.pdf"; filename*=UTF-8''Fiche%20r%C3%A9seau.pdf`);
    expect(Buffer.compare(Buffer.from(await download.arrayBuffer()), Buffer.from(pdf))).toBe(0);

    // A network resource is not there for a visitor, nor its file.
    expect((await oneGET(await apiRequest('/api/v1/resources/fiche-reseau'), ctx('fiche-reseau'))).status).toBe(404);
    expect((await fileGET(await apiRequest(file.url), { params: Promise.resolve({ slug: 'fiche-reseau', id: file.id }) })).status).toBe(404);
    expect((await fileGET(await apiRequest(file.url, { as: mediator }), { params: Promise.resolve({ slug: 'fiche-reseau', id: 'pas-un-id' }) })).status).toBe(404);
  });

  it.each([
    ['a renamed executable', sampleExe(), 'guide.pdf', 415, /n’est pas accepté/],
    ['an HTML page', SAMPLE_HTML, 'page.pdf', 415, /pages web et les images SVG/],
    ['an SVG with a script', SAMPLE_SVG, 'image.png', 415, /pages web et les images SVG/],
  ])('refuses %s with a French problem and stores nothing', async (_label, bytes, name, status, detail) => {
    await create({ ...base, title: `Refus ${name}` });
    const slug = `refus-${name.replace('.', '-')}`;
    const before = await stored();
    const response = await upload(slug, mediator, bytes, name);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toMatch(detail);
    expect(await stored()).toEqual(before);
  });

  it('refuses a file over 25 MB (413): at once from its Content-Length, or while reading it', async () => {
    await create({ ...base, title: 'Trop lourd' });
    const before = await stored();
    const cookie = await sessionCookieFor(mediator);
    const declared = await filePOST(
      new Request('http://localhost/api/v1/resources/trop-lourd/files', {
        method: 'POST',
        headers: { cookie, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(MAX_FILE_BYTES + 1_000_000) },
        body: '--x--',
      }),
      ctx('trop-lourd'),
    );
    expect(declared.status).toBe(413);
    expect((await declared.json()).detail).toBe('Ce fichier est trop lourd : 25 Mo au plus.');

    const boundary = 'comptoirboundary';
    async function* body() {
      yield new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gros.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
      yield* generatedStream(MAX_FILE_BYTES + 300_000);
      yield new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
    }
    const streamed = await filePOST(
      new Request('http://localhost/api/v1/resources/trop-lourd/files', {
        method: 'POST',
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: Readable.toWeb(Readable.from(body())) as unknown as ReadableStream<Uint8Array>,
        duplex: 'half',
      } as RequestInit),
      ctx('trop-lourd'),
    );
    expect(streamed.status).toBe(413);
    expect(await stored()).toEqual(before);
    // Writing 25 MB into PGlite takes a while on a busy machine.
  }, 120_000);

  it('refuses an upload from someone who may not edit, before reading it', async () => {
    await create({ ...base, title: 'Pas à vous', visibility: 'public' });
    expect((await upload('pas-a-vous', learner, await samplePdf(), 'a.pdf')).status).toBe(403);
    expect((await upload('pas-a-vous', null, await samplePdf(), 'a.pdf')).status).toBe(401);
  });

  it('rates (one per person), reports, and sets a workshop’s supports', async () => {
    await create({ ...base, title: 'Avis bienvenus', visibility: 'public' });
    const rate = async (value: unknown, as?: Actor) => ratingPUT(await apiRequest('/api/v1/resources/avis-bienvenus/rating', { method: 'PUT', body: { value }, as }), ctx('avis-bienvenus'));
    expect((await rate(2, learner)).status).toBe(200);
    expect(await (await rate(4, learner)).json()).toEqual({ value: 4, average: 4, count: 1 });
    expect((await rate(0, learner)).status).toBe(400);
    expect((await rate(3)).status).toBe(401);
    const report = await reportPOST(await apiRequest('/api/v1/resources/avis-bienvenus/reports', { method: 'POST', body: { reason: 'duplicate' }, as: learner }), ctx('avis-bienvenus'));
    expect(report.status).toBe(201);
    const badReport = await reportPOST(await apiRequest('/api/v1/resources/avis-bienvenus/reports', { method: 'POST', body: { reason: 'spam' }, as: learner }), ctx('avis-bienvenus'));
    expect(badReport.status).toBe(400);

    const workshopAt = async (place: string) =>
      (
        await db
          .select({ slug: workshops.slug })
          .from(workshopPlaces)
          .innerJoin(workshops, eq(workshops.id, workshopPlaces.workshopId))
          .innerJoin(places, eq(places.id, workshopPlaces.placeId))
          .where(eq(places.slug, place))
      ).map((w) => w.slug);
    const home = await workshopAt(base.place);
    const elsewhere = (await workshopAt('epn-roanne-mediatheque')).filter((slug) => !home.includes(slug));
    const put = async (workshop: string, as?: Actor) =>
      supportsPUT(await apiRequest(`/api/v1/workshops/${workshop}/resources`, { method: 'PUT', body: { resources: ['avis-bienvenus'] }, as }), ctx(workshop));
    const ok = await put(home[0]!, mediator);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ resources: ['avis-bienvenus'] });
    expect((await put(elsewhere[0]!, mediator)).status).toBe(403);
    expect((await put(home[0]!, learner)).status).toBe(403);
    expect((await put(home[0]!)).status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await openapiGET(new Request('http://localhost/api/v1/openapi.json'), { params: Promise.resolve({}) })).json();
    for (const path of ['/api/v1/resources', '/api/v1/resources/{slug}', '/api/v1/resources/{slug}/files', '/api/v1/resources/{slug}/files/{id}', '/api/v1/resources/{slug}/rating', '/api/v1/resources/{slug}/reports', '/api/v1/workshops/{slug}/resources']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/v1/resources/{slug}/files'].post.responses)).toEqual(expect.arrayContaining(['201', '413', '415']));
  });
});
