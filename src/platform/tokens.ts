/**
 * One-time tokens for links in mails and cookies (sign-in, reset, invitations, tracking links,
 * sessions): a random token goes to the person, the database keeps only its SHA-256, so a copy of
 * the database holds no usable link. Each module builds the URL of its own page around the token.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new random token: 32 bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 (hex) of a token: what is stored and looked up instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
