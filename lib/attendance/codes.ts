import 'server-only';
import { CODE_ALPHABET } from './schema';

// A random code from the unambiguous alphabet, without modulo bias (bytes ≥ 248 are redrawn).
export function randomCode(length: number): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return out;
}

// "ABCDE23456" → "ABCDE-23456", easier to read out and to copy.
export function formatCertificateCode(code: string): string {
  return code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

