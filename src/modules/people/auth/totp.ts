import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Config } from '../../../platform/config.ts';

/**
 * TOTP (RFC 6238) second factor: 6 digits, 30 seconds, SHA-1 (what every authenticator app
 * supports). The base32 secret is stored encrypted with AES-256-GCM under a key derived with HKDF
 * from the session secret, so a database dump alone does not give away second factors.
 */
const PREFIX = 'v1.';
const ISSUER = 'Samenhang';

function key(config: Pick<Config, 'sessionSecret'>): Buffer {
  return Buffer.from(hkdfSync('sha256', config.sessionSecret, 'samenhang', 'totp-secret-encryption', 32));
}

/** Encrypt a base32 TOTP secret for users.totp_secret. */
export function encryptTotpSecret(config: Pick<Config, 'sessionSecret'>, base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(config), iv);
  const body = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Decrypt users.totp_secret; null when it was not made with this secret or was tampered with. */
export function decryptTotpSecret(config: Pick<Config, 'sessionSecret'>, encrypted: string): string | null {
  if (!encrypted.startsWith(PREFIX)) return null;
  const raw = Buffer.from(encrypted.slice(PREFIX.length), 'base64url');
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(config), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** A new random base32 secret (160 bits). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The secret offered while setting up two-step sign-in: derived from the server secret and the
 * session, so reloading the setup page shows the same QR code (a person who scanned it and then
 * reloads keeps a working app entry), while another session gets another secret.
 */
export function pendingTotpSecret(config: Pick<Config, 'sessionSecret'>, userId: string, sessionId: string): string {
  const bytes = createHmac('sha256', config.sessionSecret).update(`totp-setup:${userId}:${sessionId}`).digest().subarray(0, 20);
  return new Secret({ buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }).base32;
}

function totp(base32: string, label = 'account'): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(base32) });
}

/** The otpauth:// URI for authenticator apps (QR code). */
export function totpUri(base32: string, label: string): string {
  return totp(base32, label).toString();
}

/** Check a 6-digit code against an encrypted secret at time `now`, allowing one step either side. */
export function verifyTotp(config: Pick<Config, 'sessionSecret'>, encrypted: string, code: string, now: Date): boolean {
  const base32 = decryptTotpSecret(config, encrypted);
  if (!base32) return false;
  return verifyTotpPlain(base32, code, now);
}

/** Same as verifyTotp, for a secret that is not stored yet (while setting up). */
export function verifyTotpPlain(base32: string, code: string, now: Date): boolean {
  return totpStep(base32, code, now) !== null;
}

/** The 30-second time step a code belongs to (within one step of now), or null when it does not match. */
export function totpStep(base32: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(base32).validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
}

/** Like verifyTotp, but returns the matched time step (to refuse a code that was used before). */
export function verifyTotpStep(config: Pick<Config, 'sessionSecret'>, encrypted: string, code: string, now: Date): number | null {
  const base32 = decryptTotpSecret(config, encrypted);
  return base32 ? totpStep(base32, code, now) : null;
}

/** The current code for a base32 secret (tests and the demo). */
export function totpCode(base32: string, now: Date): string {
  return totp(base32).generate({ timestamp: now.getTime() });
}
