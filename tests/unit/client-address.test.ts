import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies, PEER_HEADER } from '@/lib/http/client-address';

const request = (peer: string, forwardedFor?: string) => new Headers({ [PEER_HEADER]: peer, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor, 'x-real-ip': '6.6.6.6' } : {}) });

describe('clientAddress', () => {
  it('without TRUSTED_PROXIES, takes the socket address and ignores forged headers', () => {
    const none = parseTrustedProxies(undefined);
    expect(clientAddress(request('203.0.113.9'), none)).toBe('203.0.113.9');
    expect(clientAddress(request('203.0.113.9', '1.2.3.4'), none)).toBe('203.0.113.9');
    expect(clientAddress(request('::ffff:203.0.113.9', '1.2.3.4, 5.6.7.8'), parseTrustedProxies(''))).toBe('203.0.113.9');
  });

  it('with one proxy, takes the entry that proxy appended, not the leftmost one a client wrote', () => {
    const one = parseTrustedProxies('1');
    // The client forged "1.2.3.4"; the proxy (socket 10.0.0.2) appended the real 198.51.100.7.
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 198.51.100.7'), one)).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.2', '198.51.100.7'), one)).toBe('198.51.100.7');
    // Two proxies: the second from the right.
    expect(clientAddress(request('10.0.0.3', '1.2.3.4, 198.51.100.7, 10.0.0.2'), parseTrustedProxies('2'))).toBe('198.51.100.7');
    // More proxies counted than entries: the leftmost address there is.
    expect(clientAddress(request('10.0.0.2'), one)).toBe('10.0.0.2');
  });

  it('with a list of proxies (addresses and CIDR ranges), takes the first untrusted address from the right', () => {
    const list = parseTrustedProxies('10.0.0.0/8, 192.0.2.7, 2001:db8::/32');
    expect(clientAddress(request('10.1.2.3', '1.2.3.4, 198.51.100.7, 192.0.2.7'), list)).toBe('198.51.100.7');
    expect(clientAddress(request('2001:db8::1', '1.2.3.4, 2001:db8::2'), list)).toBe('1.2.3.4');
    // A request that did not come through a trusted proxy: its headers count for nothing.
    expect(clientAddress(request('198.51.100.99', '1.2.3.4'), list)).toBe('198.51.100.99');
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address', () => {
    expect(() => parseTrustedProxies('proxy.example')).toThrow(/TRUSTED_PROXIES/);
  });
});
