import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone, phoneSearchDigits } from '@/lib/learners/phone';
import { hashClaimCode, newClaimCode, normalizeClaimCode } from '@/lib/learners/claim-code';

describe('phone numbers typed at the desk', () => {
  it('recognise the usual French ways of writing a number', () => {
    for (const typed of ['06 12 34 56 78', '06.12.34.56.78', '0612345678', '+33 6 12 34 56 78', '0033612345678', '06-12-34-56-78']) {
      expect(normalizePhone(typed)).toBe('+33612345678');
    }
    expect(normalizePhone('+32 470 12 34 56')).toBe('+32470123456');
  });

  it('refuse what is not a phone number', () => {
    for (const typed of ['12', '06 12 34', 'bonjour', '0012345678', '+33 0 12 34 56 78', '06123456789']) expect(normalizePhone(typed)).toBeNull();
  });

  it('are shown the French way', () => {
    expect(formatPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(formatPhone('+32470123456')).toBe('+32470123456');
  });

  it('can be searched by a part of the number', () => {
    expect(phoneSearchDigits('06 12 34')).toBe('61234');
    expect(phoneSearchDigits('+33 6 12')).toBe('612');
    expect(phoneSearchDigits('Dupont')).toBeNull();
    expect(phoneSearchDigits('061')).toBeNull();
  });
});

describe('claim codes', () => {
  it('are 8 unambiguous characters, and are matched whatever the case or separators', () => {
    const code = newClaimCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(normalizeClaimCode(` ${code.toLowerCase().replace('-', ' ')} `)).toBe(code.replace('-', ''));
    expect(hashClaimCode(code.toLowerCase())).toBe(hashClaimCode(code));
    expect(hashClaimCode(code)).not.toBe(hashClaimCode(newClaimCode()));
  });
});
