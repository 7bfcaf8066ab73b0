import { beforeAll, describe, expect, it } from 'vitest';
import { POST as createAccountRoute } from '@/app/api/v1/accounts/route';
import { createLearnerAccount, SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS, SIGN_IN_FAILURES_PER_ADDRESS, verifyCredentials } from '@/lib/accounts';
import { RateLimitedError } from '@/lib/errors';
import { PEER_HEADER } from '@/lib/http/client-address';
import { migrateTestDatabase } from '../helpers/db';

const A = '198.51.100.1';
const B = '198.51.100.2';
const PASSWORD = 'le-bon-mot-de-passe';

beforeAll(async () => {
  await migrateTestDatabase();
  await createLearnerAccount({ name: 'Coordinatrice Cible', email: 'cible@exemple.fr', password: PASSWORD });
});

describe('sign-in throttling', () => {
  it('slows one address guessing one account, and never refuses the right password from another address', async () => {
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) expect(await verifyCredentials({ email: 'cible@exemple.fr', password: `essai-${i}` }, A)).toBeNull();
    const refused = await verifyCredentials({ email: 'cible@exemple.fr', password: PASSWORD }, A).catch((e) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // The owner, elsewhere, signs in.
    expect(await verifyCredentials({ email: 'cible@exemple.fr', password: PASSWORD }, B)).toMatchObject({ email: 'cible@exemple.fr' });
  });

  it('slows one address spraying a password over many accounts', async () => {
    const sprayer = '203.0.113.50';
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS; i++) expect(await verifyCredentials({ email: `personne-${i}@exemple.fr`, password: 'Printemps2026!' }, sprayer)).toBeNull();
    await expect(verifyCredentials({ email: 'encore-une@exemple.fr', password: 'Printemps2026!' }, sprayer)).rejects.toBeInstanceOf(RateLimitedError);
    // Another address is not concerned.
    expect(await verifyCredentials({ email: 'cible@exemple.fr', password: PASSWORD }, '203.0.113.51')).not.toBeNull();
  });

  it('counts only failures: a success clears the pair', async () => {
    const address = '203.0.113.60';
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1; i++) await verifyCredentials({ email: 'cible@exemple.fr', password: 'faux-mot-de-passe' }, address);
      expect(await verifyCredentials({ email: 'cible@exemple.fr', password: PASSWORD }, address)).not.toBeNull();
    }
  });
});

describe('account creation per address', () => {
  it('is not bypassed by a forged X-Forwarded-For (no trusted proxy configured)', async () => {
    const post = (i: number) =>
      createAccountRoute(
        new Request('http://localhost/api/v1/accounts', {
          method: 'POST',
          headers: { 'content-type': 'application/json', [PEER_HEADER]: '192.0.2.200', 'x-forwarded-for': `10.9.${i}.1`, 'x-real-ip': `10.8.${i}.1` },
          body: JSON.stringify({ name: 'Personne Test', email: `creation-${i}@exemple.fr`, password: 'un-mot-de-passe' }),
        }),
        undefined as never,
      );
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await post(i)).status);
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    const last = await post(99);
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('the sign-in endpoint', () => {
  it('answers 429 problem+json with Retry-After once an address has failed too often for an account', async () => {
    const { POST } = await import('@/app/api/auth/[...nextauth]/route');
    const address = '203.0.113.70';
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) await verifyCredentials({ email: 'cible@exemple.fr', password: 'faux-mot-de-passe' }, address);
    const attempt = (peer: string) =>
      POST(
        new Request('http://localhost/api/auth/callback/credentials', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', [PEER_HEADER]: peer, 'x-forwarded-for': '192.0.2.1' },
          body: new URLSearchParams({ email: 'cible@exemple.fr', password: PASSWORD, csrfToken: 'x' }),
        }),
        undefined as never,
      );
    const refused = await attempt(address);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).detail).toMatch(/Trop de tentatives/);
    // From another address the request goes on to next-auth (which then checks the CSRF token).
    expect((await attempt('203.0.113.71')).status).not.toBe(429);
  });
});
