import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, securityHeaders } from '@/lib/http/security-headers';

// Every response gets the security headers (lib/http/security-headers.ts), with a fresh CSP nonce
// per request. HSTS only when the site is served over https (APP_URL, or the request itself).
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = (process.env.APP_URL ?? '').startsWith('https:') || request.nextUrl.protocol === 'https:';
  const headers = securityHeaders(nonce, { dev: process.env.NODE_ENV === 'development', https });
  const forwarded = new Headers(request.headers);
  forwarded.set('x-nonce', nonce);
  forwarded.set('content-security-policy', headers['content-security-policy']!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's own static files (they get the static headers of next.config.ts).
  matcher: [{ source: '/((?!_next/static|_next/image).*)' }],
};
