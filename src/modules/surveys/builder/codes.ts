/**
 * Personal and paper codes of a survey (issue 13): ten characters of Crockford's base32 (no I, L,
 * O or U, so nothing reads as another character) = 50 random bits, printed as `ABCDE-FGHJK`. The
 * database keeps only the SHA-256 of the normalised code (src/platform/tokens.ts), so a copy of the
 * database holds no usable code; the codes are shown once, when made.
 */
import { randomBytes } from 'node:crypto';
import { hashToken } from '../../../platform/tokens.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;
/** Random bits in one code (≥ 40 asked). */
export const CODE_BITS = CODE_LENGTH * 5;

/** A new code (normalised, without the dash); `bytes` gives the randomness (a seeded source in the demo). */
export function newCode(bytes: (n: number) => Uint8Array = (n) => randomBytes(n)): string {
  const b = bytes(CODE_LENGTH);
  let out = '';
  // 256 is a multiple of 32: every character is equally likely.
  for (let i = 0; i < CODE_LENGTH; i++) out += ALPHABET[b[i]! & 31];
  return out;
}

/** How a code is printed: `ABCDE-FGHJK`. */
export function formatCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A typed code as stored: capitals, without spaces or dashes, O read as 0 and I/L as 1; null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const c = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (c.length !== CODE_LENGTH) return null;
  for (const ch of c) if (!ALPHABET.includes(ch)) return null;
  return c;
}

/** What is stored for a code. */
export function codeHash(code: string): string {
  return hashToken(code);
}
