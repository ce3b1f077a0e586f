import type { MessageKey } from '../../../platform/i18n/index.ts';
import { hash, verify } from '@node-rs/argon2';
import { readFileSync } from 'node:fs';
import { projectPath } from '../../../platform/paths.ts';

/** Password rules (NIST SP 800-63B): length 8–128 and not a commonly used password. No composition rules. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// OWASP recommended argon2id parameters (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  if (!common) {
    const file = projectPath('src/modules/people/auth/common-passwords.txt');
    common = new Set(
      readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.trim().toLowerCase())
        .filter((l) => l && !l.startsWith('#')),
    );
  }
  return common;
}

/** Hash a password with argon2id. */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain.normalize('NFKC'), OPTIONS);
}

/** Check a password against its hash; false (never an exception) for a malformed hash. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain.normalize('NFKC'));
  } catch {
    return false;
  }
}

/** The i18n key of what is wrong with a new password, or null when it is acceptable. */
export function passwordProblem(plain: string): MessageKey | null {
  const length = [...plain.normalize('NFKC')].length;
  if (length < PASSWORD_MIN) return 'auth.password.tooShort';
  if (length > PASSWORD_MAX) return 'auth.password.tooLong';
  if (commonPasswords().has(plain.trim().toLowerCase())) return 'auth.password.common';
  return null;
}
