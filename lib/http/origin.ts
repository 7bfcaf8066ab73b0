import 'server-only';
import { env } from '@/lib/env';

// The site's public address, without a trailing slash: THE one place that says it, for links in
// calendar files, e-mails, QR codes, certificates, share links and next-auth redirects. It comes
// from configuration (APP_URL), never from a request's Host or X-Forwarded-Host, which a client
// or a misconfigured proxy can set. Required in production; http://localhost:3000 otherwise.
export function publicOrigin(): string {
  const { APP_URL, NODE_ENV } = env();
  if (!APP_URL) {
    if (NODE_ENV === 'production') throw new Error('APP_URL must be set in production (the public address of the site, e.g. https://comptoir.example)');
    return 'http://localhost:3000';
  }
  return new URL(APP_URL).origin;
}

// An absolute link to a path of the site.
export function publicUrl(path: string): string {
  return `${publicOrigin()}${path.startsWith('/') ? path : `/${path}`}`;
}
