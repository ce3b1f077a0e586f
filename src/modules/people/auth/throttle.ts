import { createHash } from 'node:crypto';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { truncateIp } from '../../../platform/audit/audit.service.ts';
import * as store from './auth.store.ts';

/**
 * Slowing down password guessing without locking anyone out for long: failures are counted per
 * hashed e-mail address (and per second factor) and per network (/24 or /48). After `threshold`
 * failures within 15 minutes, each further attempt must wait 2^(n-threshold) seconds after the
 * last failure, at most 5 minutes. Networks get a higher threshold: many people may share one
 * (an office, a library).
 */
export const WINDOW_MS = 15 * 60 * 1000;
const MAX_WAIT_S = 300;

export interface ThrottleKey {
  key: string;
  threshold: number;
}

function hashed(prefix: string, value: string): string {
  return prefix + ':' + createHash('sha256').update(value).digest('hex');
}

export function emailKey(email: string): ThrottleKey {
  return { key: hashed('email', email.toLowerCase()), threshold: 5 };
}

export function totpKey(userId: string): ThrottleKey {
  return { key: hashed('totp', userId), threshold: 5 };
}

export function networkKey(ip: string | undefined): ThrottleKey | null {
  const net = truncateIp(ip);
  return net ? { key: 'net:' + net, threshold: 20 } : null;
}

/** Seconds to wait before the next attempt for any of the keys; 0 when an attempt is allowed now. */
export async function secondsToWait(db: DbOrTrx, keys: readonly ThrottleKey[], now: Date): Promise<number> {
  let wait = 0;
  for (const k of keys) {
    const row = await store.findFailure(db, k.key);
    if (!row || row.failures < k.threshold || now.getTime() - row.firstAt.getTime() > WINDOW_MS) continue;
    const backoff = Math.min(2 ** (row.failures - k.threshold), MAX_WAIT_S) * 1000;
    const until = row.lastAt.getTime() + backoff;
    if (until > now.getTime()) wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return wait;
}

/** Count a failed attempt for each key. */
export async function recordFailures(db: DbOrTrx, keys: readonly ThrottleKey[], now: Date): Promise<void> {
  for (const k of keys) await store.recordFailure(db, k.key, now, new Date(now.getTime() - WINDOW_MS));
}

/** Forget failures of a key after a success. */
export async function clearFailures(db: DbOrTrx, key: ThrottleKey): Promise<void> {
  await store.clearFailure(db, key.key);
}
