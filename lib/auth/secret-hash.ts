import 'server-only';
import { createHash } from 'node:crypto';

// Secrets that act as keys (claim codes, password-reset links and codes, private calendar links,
// statistics share links) are never stored in clear: only this SHA-256, in hexadecimal, of
// "comptoir-<purpose>:<secret>". The purpose keeps one kind of secret from matching another.
// Migration 0014 computes the same value in SQL:
//   encode(sha256(convert_to('comptoir-<purpose>:' || secret, 'UTF8')), 'hex')
export function hashSecret(purpose: string, secret: string): string {
  return createHash('sha256').update(`comptoir-${purpose}:${secret}`).digest('hex');
}
