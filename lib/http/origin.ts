import 'server-only';

// The site's address as the visitor reached it (behind a proxy too), for links printed on paper
// or shown as a QR code.
export function publicOrigin(headers: Headers, fallbackUrl?: string): string {
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  if (!host) return fallbackUrl ? new URL(fallbackUrl).origin : 'http://localhost:3000';
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || (fallbackUrl ? new URL(fallbackUrl).protocol.replace(':', '') : 'http');
  return `${proto}://${host}`;
}
