/**
 * Invitation codes of the project monitoring: ten characters of Crockford's base32 (no I, L, O or
 * U) = 50 random bits, printed as `ABCDE-FGHJK`, as the surveys' codes. Only the SHA-256 of the
 * normalised code is stored (src/platform/tokens.ts); a code is shown once, when made.
 */
import { randomBytes } from 'node:crypto';
import { hashToken } from '../../../platform/tokens.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

/** A new code (normalised, without the dash). */
export function newCode(bytes: (n: number) => Uint8Array = (n) => randomBytes(n)): string {
  const b = bytes(LENGTH);
  let out = '';
  // 256 is a multiple of 32: every character is equally likely.
  for (let i = 0; i < LENGTH; i++) out += ALPHABET[b[i]! & 31];
  return out;
}

export const formatCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

/** A typed code as stored: capitals, without spaces or dashes, O read as 0 and I/L as 1; null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const c = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (c.length !== LENGTH) return null;
  for (const ch of c) if (!ALPHABET.includes(ch)) return null;
  return c;
}

export const codeHash = (code: string): string => hashToken(code);
