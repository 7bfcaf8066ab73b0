import 'server-only';
import { randomInt } from 'node:crypto';
import { hashSecret } from '@/lib/auth/secret-hash';

// One-time codes that let a person claim the profile a mediator created for them at the desk.
// 8 characters from 32 unambiguous ones (no I, O, 0, 1): 40 bits, with sign-up attempts
// throttled per phone number and per address. Only the SHA-256 is stored.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CLAIM_CODE_DAYS = 90;

export function newClaimCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function normalizeClaimCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashClaimCode(code: string): string {
  return hashSecret('claim', normalizeClaimCode(code));
}

export function claimCodeExpiry(now: Date): Date {
  return new Date(now.getTime() + CLAIM_CODE_DAYS * 86400000);
}
