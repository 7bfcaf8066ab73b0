import 'server-only';
import { z } from 'zod';

// The one place that reads process.env. Parsed lazily so that `next build` works without
// runtime secrets; a missing production secret fails at the first request that needs it.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  // Folder of the embedded PGlite database when DATABASE_URL is unset ("memory://" in tests).
  PGLITE_DIR: z.string().default('.data/pglite'),
  AUTH_SECRET: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // smtp://user:pass@host:587 (or smtps://…). Unset: messages stay in the outbox, readable at /mediation/messages.
  SMTP_URL: z.string().optional(),
  // Sender of the notifications.
  MAIL_FROM: z.string().default('Comptoir <ne-pas-repondre@comptoir.test>'),
  // Public address of the site, for links in e-mails and calendar files.
  APP_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= schema.parse({ ...process.env, DATABASE_URL: process.env.DATABASE_URL || undefined, SMTP_URL: process.env.SMTP_URL || undefined, APP_URL: process.env.APP_URL || undefined });
  return cached;
}

// Development and tests get a fixed secret so that `npm run dev` works with no setup.
export function authSecret(): string {
  const { AUTH_SECRET, NODE_ENV } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === 'production') throw new Error('AUTH_SECRET must be set in production');
  return 'comptoir-development-secret-not-for-production';
}

// For tests that change process.env: read it again at the next call.
export function resetEnvCache(): void {
  cached = undefined;
}
