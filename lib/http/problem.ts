import 'server-only';
import { NextResponse } from 'next/server';
import { RateLimitedError, UserError } from '@/lib/errors';
import { log } from '@/lib/log';

const TITLES: Record<number, string> = {
  400: 'Données invalides',
  401: 'Connexion nécessaire',
  403: 'Accès refusé',
  404: 'Introuvable',
  409: 'Conflit',
  429: 'Trop de requêtes',
  500: 'Erreur interne',
  503: 'Service indisponible',
};

// RFC 9457 problem details, with a French `detail` and, for invalid input, the fields.
export function problem(status: number, detail: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}): NextResponse {
  return NextResponse.json(
    { type: 'about:blank', title: TITLES[status] ?? 'Erreur', status, detail, ...extra },
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
}

export function problemFromError(error: unknown, requestId: string): NextResponse {
  if (error instanceof UserError) {
    const headers: Record<string, string> = error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    return problem(error.status, error.message, error.fieldErrors ? { errors: error.fieldErrors } : {}, headers);
  }
  log.error({ err: error, requestId }, 'unexpected error in API route');
  return problem(500, `Une erreur inattendue est survenue. Numéro de la demande : ${requestId}.`, { requestId });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

// Wraps a route handler: every thrown error becomes problem+json; nothing leaks a stack trace.
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const requestId = crypto.randomUUID();
    try {
      const response = await handler(request, context);
      response.headers.set('x-request-id', requestId);
      return response;
    } catch (error) {
      const response = problemFromError(error, requestId);
      response.headers.set('x-request-id', requestId);
      return response;
    }
  };
}

// JSON body, or a 400 problem when it is not JSON at all.
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new UserError('Le corps de la requête doit être du JSON valide.', { status: 400 });
  }
}

// The caller's address, for throttling.
export function clientKey(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'local';
}
