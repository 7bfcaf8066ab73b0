import 'server-only';
import pino from 'pino';
import { env } from './env';

// Structured JSON logs on stdout, one line per event.
export const log = pino({
  level: env().LOG_LEVEL,
  base: { app: 'comptoir' },
  redact: ['password', '*.password', 'passwordHash', '*.passwordHash'],
});

// What a log line may say about an error: its class, code and message, never the values it
// carried (SQL parameters hold e-mails, names, password hashes).
export function errorSummary(error: unknown): { type: string; code?: string; message?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  const message = error.message.split('\n')[0]!.replace(/params:.*$/i, '').slice(0, 200);
  return { type: error.name || error.constructor.name, ...(typeof code === 'string' ? { code } : {}), message };
}
