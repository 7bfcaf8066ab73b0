import 'server-only';
import { NextResponse } from 'next/server';
import { RateLimitedError, UserError, ValidationError } from '@/lib/errors';
import { errorSummary, log } from '@/lib/log';
import { BAD_TEXT_MESSAGE, assertCleanText, isBadText } from '@/lib/validation';

const TITLES: Record<number, string> = {
  400: 'Données invalides',
  401: 'Connexion nécessaire',
  403: 'Accès refusé',
  404: 'Introuvable',
  409: 'Conflit',
  413: 'Contenu trop volumineux',
  415: 'Type de contenu refusé',
  429: 'Trop de requêtes',
  500: 'Erreur interne',
  503: 'Service indisponible',
};

export const DATABASE_RETRY_AFTER_SECONDS = 5;

// The database is away (restart, failover, network): connection refused or reset, the server
// shutting down, no connection slot. Anything else is a real error.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', '57P01', '57P02', '57P03', '53300']);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  }
  return false;
}

// RFC 9457 problem details, with a French `detail` and, for invalid input, the fields.
export function problem(status: number, detail: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}): NextResponse {
  return NextResponse.json(
    { type: 'about:blank', title: TITLES[status] ?? 'Erreur', status, detail, ...extra },
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
}

export function problemFromError(error: unknown, requestId: string, route = ''): NextResponse {
  if (error instanceof UserError) {
    const headers: Record<string, string> = error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    return problem(error.status, error.message, error.fieldErrors ? { errors: error.fieldErrors } : {}, headers);
  }
  if (isDatabaseUnavailable(error)) {
    log.warn({ err: errorSummary(error), requestId, route }, 'database unavailable');
    return problem(503, 'Le service est momentanément indisponible. Réessayez dans quelques secondes.', { requestId }, { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) });
  }
  log.error({ err: errorSummary(error), requestId, route }, 'unexpected error in API route');
  return problem(500, `Une erreur inattendue est survenue. Numéro de la demande : ${requestId}.`, { requestId });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

// Path segments and query values are text like any other: a NUL byte or a lone surrogate in
// them is refused before the handler runs (it would otherwise reach the database).
function assertCleanUrl(request: Request): void {
  const url = new URL(request.url);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new UserError('L’adresse demandée est mal encodée.', { status: 400 });
  }
  if (isBadText(path)) throw new UserError(BAD_TEXT_MESSAGE, { status: 400 });
  for (const [key, value] of url.searchParams) {
    if (isBadText(key) || isBadText(value)) throw new ValidationError({ [key.replace(/[^\w.-]/g, '?')]: [BAD_TEXT_MESSAGE] });
  }
}

// Wraps a route handler: every thrown error becomes problem+json; nothing leaks a stack trace.
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const requestId = crypto.randomUUID();
    try {
      assertCleanUrl(request);
      const response = await handler(request, context);
      try {
        response.headers.set('x-request-id', requestId);
      } catch {
        // A redirect made with Response.redirect() has immutable headers: it goes as it is.
      }
      return response;
    } catch (error) {
      const response = problemFromError(error, requestId, `${request.method} ${new URL(request.url).pathname.replace(/[^/]{16,}/g, ':id')}`);
      response.headers.set('x-request-id', requestId);
      return response;
    }
  };
}

// The largest JSON body accepted; anything larger gets 413 without being read to the end.
export const MAX_JSON_BYTES = 1024 * 1024;

const TOO_LARGE = 'Le contenu envoyé est trop volumineux (1 Mo au plus).';

// The body as text, read at most up to `limit` bytes: a declared or actual larger body is a 413.
async function readLimitedText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new UserError(TOO_LARGE, { status: 413 });
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new UserError(TOO_LARGE, { status: 413 });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError('Le corps de la requête doit être du texte UTF-8 valide.', { status: 400 });
  }
}

// JSON body (1 MB at most, every text clean), or a 400 problem when it is not JSON at all.
// `null` stays null (it is not an empty object); only `{ empty }` turns an empty body into a value.
export async function readJson(request: Request, options: { empty?: unknown } = {}): Promise<unknown> {
  const text = await readLimitedText(request, MAX_JSON_BYTES);
  if (!text.trim() && 'empty' in options) return options.empty;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError('Le corps de la requête doit être du JSON valide.', { status: 400 });
  }
  assertCleanText(value);
  return value;
}
