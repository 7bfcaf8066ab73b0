import 'server-only';

// Errors meant for the person: they carry a French message that is safe to show. Anything else
// is an internal error, logged with context and shown as a generic message with a request id.
export class UserError extends Error {
  readonly status: number;
  readonly fieldErrors?: Record<string, string[]>;
  constructor(message: string, options: { status?: number; fieldErrors?: Record<string, string[]> } = {}) {
    super(message);
    this.name = 'UserError';
    this.status = options.status ?? 400;
    this.fieldErrors = options.fieldErrors;
  }
}

export class ValidationError extends UserError {
  constructor(fieldErrors: Record<string, string[]>, message = 'Certaines informations sont à corriger.') {
    super(message, { status: 400, fieldErrors });
    this.name = 'ValidationError';
  }
}

export class UnauthenticatedError extends UserError {
  constructor(message = 'Connectez-vous pour continuer.') {
    super(message, { status: 401 });
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends UserError {
  constructor(message = 'Vous n’avez pas le droit de faire cela.') {
    super(message, { status: 403 });
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends UserError {
  constructor(message = 'Cette page ou cet élément n’existe pas.') {
    super(message, { status: 404 });
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends UserError {
  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super(message, { status: 409, fieldErrors });
    this.name = 'ConflictError';
  }
}

export class RateLimitedError extends UserError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message = 'Trop de tentatives. Attendez quelques minutes, puis réessayez.') {
    super(message, { status: 429 });
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

// THE test for a PostgreSQL unique_violation (23505), whichever driver raised it (drizzle wraps
// the driver's error in `cause`). With `constraint`, only a violation of that constraint or index.
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint_name, constraint: name, message } = e as { code?: unknown; constraint_name?: string; constraint?: string; message?: string };
    if (code !== '23505') continue;
    if (!constraint || constraint_name === constraint || name === constraint || message?.includes(constraint)) return true;
  }
  return false;
}
