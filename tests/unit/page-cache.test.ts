import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module of server.mjs, without type declarations
import { createPageCache, pageKey } from '@/lib/http/page-cache.mjs';

// The rendered-page cache of server.mjs, in front of a stand-in for Next.js that renders a page
// with the nonce of its CSP header, as the real one does.

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
  const nonce = `n${renders}x${'A'.repeat(20)}`;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  if (setCookie) res.setHeader('set-cookie', 'a=b');
  res.write(`<html><script nonce="${nonce}" src="/a.js"></script>`);
  res.end(`<p>rendu ${renders} ${req.url}</p></html>`);
}

beforeAll(async () => {
  server = createServer((req, res) => {
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
  it('shares only the public pages of visitors without a session cookie', () => {
    const req = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ url, method, headers }) as unknown as IncomingMessage;
    expect(pageKey(req('/ateliers?page=2'))).toBe('fr /ateliers?page=2');
    expect(pageKey(req('/ateliers', { cookie: 'comptoir-lang=en' }))).toBe('en /ateliers');
    expect(pageKey(req('/ateliers', { cookie: 'authjs.session-token=x' }))).toBeNull();
    expect(pageKey(req('/ateliers', { cookie: 'comptoir-lang=fr; authjs.session-token=x' }))).toBeNull();
    expect(pageKey(req('/ateliers', { rsc: '1' }))).toBeNull();
    expect(pageKey(req('/ateliers', {}, 'POST'))).toBeNull();
    expect(pageKey(req('/mon-espace'))).toBeNull();
    expect(pageKey(req('/ateliers/x'))).toBeNull();
    expect(pageKey(req('/seances/x'))).toBeNull();
    expect(pageKey(req('/api/v1/workshops'))).toBeNull();
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

  it('never shares a signed-in page nor a page that sets a cookie', async () => {
    await get('/lieux', { cookie: 'authjs.session-token=x' });
    expect((await get('/lieux', { cookie: 'authjs.session-token=x' })).hit).toBe(false);
    setCookie = true;
    await get('/?x=1');
    expect((await get('/?x=1')).hit).toBe(false);
    setCookie = false;
  });
});
