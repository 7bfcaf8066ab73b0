// Security headers of every response (set by proxy.ts). No 'server-only' import: the proxy
// bundle loads it.

// A fresh nonce per request: Next.js puts it on its own scripts when it finds it in the
// request's Content-Security-Policy header.
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

// Scripts: only ours, each carrying the nonce ('strict-dynamic' lets them load their chunks).
// No inline script runs. Styles allow inline (React style attributes). Images: ours, data: URLs
// and https: (the Markdown renderer shows absolute https images). No framing by anyone.
export function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob: https:`,
    `font-src 'self' data:`,
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function securityHeaders(nonce: string, { dev = false, https = false } = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(nonce, { dev, https }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
