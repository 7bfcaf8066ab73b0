import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/auth/guard';
import { contentSecurityPolicy } from '@/lib/http/security-headers';

describe('safeReturnPath (callbackUrl)', () => {
  it('keeps same-site paths with their query and hash', () => {
    expect(safeReturnPath('/seances/abc?x=1#haut')).toBe('/seances/abc?x=1#haut');
    expect(safeReturnPath('/mon-espace')).toBe('/mon-espace');
  });

  it.each(['/\t/evil.example', '/\n/evil.example', '//evil.example', '/\\evil.example', '/\\/evil.example', 'https://evil.example', 'javascript:alert(1)', ' /x', '', undefined, 42])(
    'refuses %j',
    (value) => {
      expect(safeReturnPath(value, '/fallback')).toBe('/fallback');
    },
  );
});

describe('the Content-Security-Policy', () => {
  it('allows scripts only with the nonce, no inline, and no framing', () => {
    const csp = contentSecurityPolicy('abc123');
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("'unsafe-inline' 'strict"); // scripts
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy('n', { https: true })).toContain('upgrade-insecure-requests');
  });
});
