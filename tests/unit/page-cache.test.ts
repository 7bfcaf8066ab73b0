import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module of server.mjs, without type declarations
import { createPageCache, forgetClientClaims, pageKey, SHARED_RENDER_HEADER } from '@/lib/http/page-cache.mjs';
import { SHARED_RENDER_HEADER as HEADER_READ_BY_NEXT } from '@/lib/http/shared-render';

// The rendered-page cache of server.mjs, in front of a stand-in for Next.js that renders a page
// with the nonce of its CSP header, as the real one does, and says which cookies and which shared
// version it was asked for.

type Cache = {
  serve: (req: IncomingMessage, res: ServerResponse) => boolean;
  capture: (req: IncomingMessage, res: ServerResponse) => void;
  stats: { hits: number; stored: number };
};

let counter = 0;
let clock = 0;
let renders = 0;
let setCookie = false;
let server: Server;
let base = '';
const cache: Cache = createPageCache({ ttlMs: 5000, now: () => clock, invalidations: () => String(counter), enabled: () => true });

function render(req: IncomingMessage, res: ServerResponse) {
  renders++;
  if (req.url?.startsWith('/api/')) {
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-request-id', `r${renders}`);
    res.end(JSON.stringify({ render: renders, cookie: req.headers.cookie ?? '' }));
    return;
  }
  const nonce = `n${renders}x${'A'.repeat(20)}`;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  if (setCookie) res.setHeader('set-cookie', 'a=b');
  res.write(`<html><script nonce="${nonce}" src="/a.js"></script>`);
  res.end(`<p>rendu ${renders} ${req.url} cookie=[${req.headers.cookie ?? ''}] version=[${req.headers[SHARED_RENDER_HEADER] ?? ''}]</p></html>`);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    forgetClientClaims(req);
    if (cache.serve(req, res)) return;
    cache.capture(req, res);
    render(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(base + path, { headers });
  return { body: await response.text(), csp: response.headers.get('content-security-policy')!, hit: response.headers.get('x-comptoir-page-cache') === 'hit' };
};
const nonceIn = (text: string) => /nonce[-="]+([A-Za-z0-9+/=]+)/.exec(text)?.[1];

describe('the rendered-page cache', () => {
  it('shares the public pages only, one version for visitors and one for signed-in people', () => {
    const req = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ url, method, headers }) as unknown as IncomingMessage;
    expect(pageKey(req('/ateliers?page=2'))).toBe('fr visitor /ateliers?page=2');
    expect(pageKey(req('/ateliers', { cookie: 'comptoir-lang=en' }))).toBe('en visitor /ateliers');
    expect(pageKey(req('/ateliers', { cookie: 'authjs.csrf-token=y; comptoir-lang=en' }))).toBe('en visitor /ateliers');
    expect(pageKey(req('/ateliers', { cookie: 'authjs.session-token=x' }))).toBe('fr signed-in /ateliers');
    expect(pageKey(req('/', { cookie: 'comptoir-lang=en; __Secure-authjs.session-token.0=x' }))).toBe('en signed-in /');
    expect(pageKey(req('/ateliers', { cookie: 'xauthjs.session-token=x' }))).toBe('fr visitor /ateliers');
    expect(pageKey(req('/ateliers', { rsc: '1' }))).toBeNull();
    expect(pageKey(req('/ateliers', { authorization: 'Bearer x' }))).toBeNull();
    expect(pageKey(req('/ateliers', {}, 'POST'))).toBeNull();
    expect(pageKey(req('/mon-espace'))).toBeNull();
    expect(pageKey(req('/ateliers/x'))).toBeNull();
    expect(pageKey(req('/seances/x'))).toBeNull();
    const id = '0b9c6f1e-5a3d-4c2b-9e8f-7a6b5c4d3e2f';
    expect(pageKey(req(`/seances/${id}`, { cookie: 'authjs.session-token=x' }))).toBe(`fr signed-in /seances/${id}`);
    expect(pageKey(req(`/seances/${id}/memo`))).toBeNull();
    expect(pageKey(req('/lieux/epn-saint-etienne'))).toBe('fr visitor /lieux/epn-saint-etienne');
    expect(pageKey(req('/lieux/epn-saint-etienne/programme?mois=2026-12'))).toBe('fr visitor /lieux/epn-saint-etienne/programme?mois=2026-12');
    expect(pageKey(req('/lieux/epn-saint-etienne/programme.pdf'))).toBeNull();
    expect(pageKey(req('/api/v1/workshops?page=2'))).toBe('fr visitor /api/v1/workshops?page=2');
    expect(pageKey(req('/api/v1/workshops/x'))).toBeNull();
    expect(pageKey(req('/api/v1/me', { cookie: 'authjs.session-token=x' }))).toBeNull();
    expect(SHARED_RENDER_HEADER).toBe(HEADER_READ_BY_NEXT);
  });

  it('renders a shared page without the person’s cookies, and the signed-in version with the shared-render header', async () => {
    const visitor = await get('/?v=1', { cookie: 'authjs.csrf-token=y; comptoir-lang=en' });
    expect(visitor.body).toContain('cookie=[comptoir-lang=en] version=[]');
    const signedIn = await get('/?v=1', { cookie: 'authjs.session-token=secret; comptoir-lang=en' });
    expect(signedIn.hit).toBe(false);
    expect(signedIn.body).toContain('cookie=[comptoir-lang=en] version=[signed-in]');
    expect(signedIn.body).not.toContain('secret');
    // Another signed-in person gets the same page; the visitor's version is still kept apart.
    expect(await get('/?v=1', { cookie: 'comptoir-lang=en; authjs.session-token=other' })).toMatchObject({ hit: true });
    expect((await get('/?v=1', { cookie: 'comptoir-lang=en' })).body).toContain('version=[]');
    // A page that is not shared keeps its cookies, and a client cannot ask for the shared version.
    const own = await get('/mon-espace', { cookie: 'authjs.session-token=x', [SHARED_RENDER_HEADER]: 'signed-in' });
    expect(own.body).toContain('cookie=[authjs.session-token=x] version=[]');
    expect((await get('/lieux?v=2', { [SHARED_RENDER_HEADER]: 'signed-in' })).body).toContain('version=[]');
  });

  it('answers the same page again with a fresh nonce in the HTML and the CSP, until the data changes or the time is up', async () => {
    const first = await get('/ateliers?page=1');
    const second = await get('/ateliers?page=1', { 'accept-encoding': 'gzip' });
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(second.body.replace(/nonce="[^"]+"/, '')).toBe(first.body.replace(/nonce="[^"]+"/, ''));
    expect(nonceIn(second.body)).not.toBe(nonceIn(first.body));
    expect(second.csp).toContain(`'nonce-${nonceIn(second.body)}'`);
    expect((await get('/ateliers?page=1')).hit).toBe(true);
    counter++; // an invalidation of the data cache
    expect((await get('/ateliers?page=1')).hit).toBe(false);
    expect((await get('/ateliers?page=1')).hit).toBe(true);
    clock += 6000; // past its time: one request renders it again, the others still get it
    expect((await get('/ateliers?page=1')).hit).toBe(false);
    expect((await get('/ateliers?page=1')).body).toContain(`rendu ${renders} `);
    clock += 11_000; // past twice its time: nobody gets it
    expect((await get('/ateliers?page=1')).hit).toBe(false);
  });

  it('answers the kept page while one request renders it again after its time', async () => {
    await get('/lieux?page=3');
    clock += 5500;
    const rendersBefore = renders;
    const path = '/lieux?page=3';
    // The first request after the time renders; until it is kept (same tick here: it is kept at
    // once), the others are answered with the old page.
    const [a, b] = await Promise.all([get(path), get(path)]);
    expect([a.hit, b.hit].filter(Boolean)).toHaveLength(1);
    expect(renders).toBe(rendersBefore + 1);
  });

  it('never shares a page that sets a cookie', async () => {
    setCookie = true;
    await get('/?x=1');
    expect((await get('/?x=1')).hit).toBe(false);
    await get('/?x=1', { cookie: 'authjs.session-token=x' });
    expect((await get('/?x=1', { cookie: 'authjs.session-token=x' })).hit).toBe(false);
    setCookie = false;
  });

  it('keeps the catalogue JSON as it keeps pages, each answer with its own request id', async () => {
    const first = await fetch(`${base}/api/v1/workshops?page=1`);
    const second = await fetch(`${base}/api/v1/workshops?page=1`, { headers: { cookie: 'authjs.session-token=x' } });
    const third = await fetch(`${base}/api/v1/workshops?page=1`);
    expect(third.headers.get('x-comptoir-page-cache')).toBe('hit');
    const body = await first.json();
    expect(await third.json()).toEqual(body);
    expect(body.cookie).toBe('');
    expect(await second.json()).toMatchObject({ cookie: '' });
    const ids = [first, third].map((r) => r.headers.get('x-request-id'));
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
  });
});
