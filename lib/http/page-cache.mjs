// The rendered public pages, kept a few seconds and shared (used by server.mjs, outside the
// Next.js bundles, hence plain JavaScript).
//
// - What: GET of the home page, the catalogue, the directory, a place's page and programme, a
//   session's page, and the catalogue's JSON (GET /api/v1/workshops) — answers that show rows
//   whose changes NOTIFY the data cache (workshops, sessions and their trainers, sign-ups,
//   places; only a trainer renaming their account does not, and shows within the 10 s below) —
//   answered 200 in HTML or JSON without setting a cookie. Client navigations (RSC), actions and
//   every other page (a workshop's page shows its notes, whose moderation must show at once) are
//   rendered each time.
// - Who: two versions of each page. Visitors get the page as rendered for a visitor. People
//   with a session cookie get a version whose personal parts are filled in by their browser: the
//   header's (HeaderSessionIsland asks GET /api/v1/me) and a session's sign-up panel
//   (EnrollmentPanelSlot asks for it). It is rendered without their cookies and with the
//   x-comptoir-shared-render header, which only this module sets (server.mjs removes any copy a
//   client sent). Nothing else on these pages depends on who asks.
// - Key: the address (with its query), the language and the version.
// - Freshness: an entry is dropped as soon as the data cache (lib/cache) is invalidated — any tag,
//   by the NOTIFY of a write on any instance — and is renewed after `ttlMs` otherwise: the first
//   request after that renders the page again while the others still get the kept one (for at
//   most another `ttlMs`), so that twenty visitors do not render it twenty times at once. A page
//   whose render overlapped an invalidation is not kept.
// - CSP: each answer gets a fresh nonce; the one of the stored render is replaced in the HTML
//   and in the Content-Security-Policy header, so no two answers share a nonce.
// - COMPTOIR_PAGE_CACHE=off (or COMPTOIR_DATA_CACHE=off) turns it off.
import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const PUBLIC_PAGES = [/^\/$/, /^\/ateliers$/, /^\/lieux$/, /^\/lieux\/[a-z0-9-]+(\/programme)?$/, /^\/seances\/[0-9a-f-]{36}$/, /^\/api\/v1\/workshops$/];
// What may be kept: pages, and the catalogue's JSON (GET /api/v1/workshops, the same for everyone).
const KEPT_TYPES = /^(text\/html|application\/json)\b/;
const LOCALE_COOKIE = 'comptoir-lang';
// next-auth's session cookie, chunked or not, http or https (as lib/auth/actor.ts).
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;
// The same name as lib/http/shared-render.ts (a unit test checks it).
export const SHARED_RENDER_HEADER = 'x-comptoir-shared-render';
const DROPPED_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

// [name, value] of each cookie of a Cookie header.
const cookiesOf = (header) =>
  (header ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    });

// How a request's page may be shared ({ key, locale, signedIn }), or null.
function sharing(request) {
  if (request.method !== 'GET') return null;
  const h = request.headers;
  if (h.rsc || h['next-router-state-tree'] || h['next-action'] || h['next-router-prefetch'] || h.authorization) return null;
  const url = request.url ?? '/';
  const pathname = url.split('?')[0];
  if (!PUBLIC_PAGES.some((pattern) => pattern.test(pathname))) return null;
  const cookies = cookiesOf(h.cookie);
  const locale = cookies.some(([name, value]) => name === LOCALE_COOKIE && value === 'en') ? 'en' : 'fr';
  const signedIn = cookies.some(([name]) => SESSION_COOKIE.test(name));
  return { key: `${locale} ${signedIn ? 'signed-in' : 'visitor'} ${url}`, locale, signedIn };
}

// The key of a request whose page may be shared, or null.
export const pageKey = (request) => sharing(request)?.key ?? null;

// A client may not ask for a shared render itself (server.mjs calls this for every request).
export function forgetClientClaims(request) {
  delete request.headers[SHARED_RENDER_HEADER];
}

export const newNonce = () => randomBytes(16).toString('base64');
const nonceOf = (csp) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

// `invalidations()`: the data cache's invalidation counter (undefined while it is not in use).
export function createPageCache({ ttlMs = 5000, maxEntries = 500, now = () => Date.now(), invalidations = dataCacheCounter, enabled = defaultEnabled } = {}) {
  const entries = new Map();
  const stats = { hits: 0, stored: 0 };

  // Whether this request may be answered with `entry` (false: it renders the page).
  function usable(key, entry) {
    const at = now();
    if (entry.counter !== invalidations() || at >= entry.expires + ttlMs) {
      entries.delete(key);
      return false;
    }
    if (at < entry.expires) return true;
    // Past its time: one request renders it again (another one a second later if that one could
    // not be kept), the others are answered with it meanwhile.
    if (entry.renewing && at < entry.renewing + 1000) return true;
    entry.renewing = at;
    return false;
  }

  // Answers from the cache; true when it did.
  function serve(request, response) {
    if (!enabled()) return false;
    const key = pageKey(request);
    const entry = key && entries.get(key);
    if (!entry || !usable(key, entry)) return false;
    stats.hits++;
    const nonce = newNonce();
    const html = Buffer.from(entry.nonce ? entry.html.split(entry.nonce).join(nonce) : entry.html);
    const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const body = gzip ? gzipSync(html, { level: 6 }) : html;
    for (const [name, value] of Object.entries(entry.headers)) {
      response.setHeader(name, name === 'content-security-policy' && entry.nonce ? String(value).split(entry.nonce).join(nonce) : value);
    }
    // Each answer its own request id, as when Next.js answers (lib/http/problem.ts).
    if (entry.headers['x-request-id']) response.setHeader('x-request-id', randomUUID());
    if (gzip) response.setHeader('content-encoding', 'gzip');
    response.setHeader('vary', 'Accept-Encoding');
    response.setHeader('content-length', body.length);
    response.setHeader('x-comptoir-page-cache', 'hit');
    response.statusCode = 200;
    response.end(body);
    return true;
  }

  // Keeps the page that Next.js is about to write, if it may be shared. Asks Next.js for the
  // uncompressed HTML (the nonce is replaced in it at each answer).
  function capture(request, response) {
    if (!enabled()) return;
    const shared = sharing(request);
    const counter = invalidations();
    if (!shared || counter === undefined) return;
    const { key, locale, signedIn } = shared;
    // Rendered for everyone of its version: without the person's cookies.
    if (locale === 'en') request.headers.cookie = `${LOCALE_COOKIE}=en`;
    else delete request.headers.cookie;
    if (signedIn) request.headers[SHARED_RENDER_HEADER] = 'signed-in';
    delete request.headers['accept-encoding'];
    const chunks = [];
    const write = response.write.bind(response);
    const end = response.end.bind(response);
    const keep = (chunk, encoding) => {
      if (chunk != null && typeof chunk !== 'function') chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
    };
    response.write = (chunk, encoding, callback) => {
      keep(chunk, encoding);
      return write(chunk, encoding, callback);
    };
    response.end = (chunk, encoding, callback) => {
      keep(chunk, encoding);
      store(key, counter, response, chunks);
      return end(chunk, encoding, callback);
    };
  }

  function store(key, counter, response, chunks) {
    const headers = response.getHeaders();
    if (response.statusCode !== 200 || headers['set-cookie'] || headers['content-encoding']) return;
    if (!KEPT_TYPES.test(String(headers['content-type'] ?? ''))) return;
    if (counter !== invalidations()) return;
    const kept = {};
    for (const [name, value] of Object.entries(headers)) if (!DROPPED_HEADERS.has(name)) kept[name] = value;
    entries.delete(key);
    entries.set(key, { html: Buffer.concat(chunks).toString('utf8'), headers: kept, nonce: nonceOf(headers['content-security-policy']), counter, expires: now() + ttlMs });
    stats.stored++;
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value);
  }

  return { serve, capture, stats, entries };
}

function defaultEnabled() {
  return process.env.COMPTOIR_PAGE_CACHE !== 'off' && process.env.COMPTOIR_DATA_CACHE !== 'off';
}

// lib/cache keeps its state on globalThis (same process): its counter moves at each invalidation.
function dataCacheCounter() {
  const state = globalThis.comptoirCache;
  return state ? `${state.counter}` : undefined;
}
