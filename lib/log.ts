import 'server-only';
import pino from 'pino';
import { env } from './env';

// Structured JSON logs on stdout, one line per event.
export const log = pino({
  level: env().LOG_LEVEL,
  base: { app: 'comptoir' },
  redact: ['password', '*.password', 'passwordHash', '*.passwordHash'],
});
