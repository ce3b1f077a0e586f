import type { DbOrTrx } from '../db/database.ts';
import * as memberships from './memberships.store.ts';
import * as store from './sessions.store.ts';

/**
 * Sessions: created, found, touched and ended here; every module reaches the `sessions` table
 * through these functions (ADR 0007). The cookie, the lifetimes and the idle timeouts are the
 * sign-in's (people module, auth/session.ts); the ids are SHA-256 hashes of the cookie's token.
 */

export interface SessionRecord {
  sessionId: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** When the second factor was verified in this session. */
  mfaAt: Date | null;
}

/**
 * Create a session for a user: delete the one it replaces (rotation against session fixation) and
 * the user's expired ones, then insert it. Someone with a staff role anywhere gets the staff
 * lifetime. Returns the lifetime given, in milliseconds.
 */
export async function createSession(
  db: DbOrTrx,
  s: { id: string; userId: string; now: Date; mfa: boolean; replaces: string | null; lifetimeMs: { staff: number; other: number } },
): Promise<number> {
  if (s.replaces) await store.deleteSession(db, s.replaces);
  await store.deleteExpiredSessionsOfUser(db, s.userId, s.now);
  const staff = await memberships.isStaffAnywhere(db, s.userId);
  const lifetime = staff ? s.lifetimeMs.staff : s.lifetimeMs.other;
  await store.insertSession(db, { id: s.id, userId: s.userId, now: s.now, expiresAt: new Date(s.now.getTime() + lifetime), mfa: s.mfa });
  return lifetime;
}

/** The session with this id, or null (whether its user still exists is the caller's to check). */
export async function findSession(db: DbOrTrx, id: string): Promise<SessionRecord | null> {
  return (await store.findSession(db, id)) ?? null;
}

/** Record that the session was used at `now` (for the idle timeout). */
export function touchSession(db: DbOrTrx, id: string, now: Date): Promise<void> {
  return store.touchSession(db, id, now);
}

/** Mark the second factor as verified in the session at `at`, or as not verified (null). */
export function setSessionSecondFactor(db: DbOrTrx, id: string, at: Date | null): Promise<void> {
  return store.setSessionMfa(db, id, at);
}

/** End one session. */
export function endSession(db: DbOrTrx, id: string): Promise<void> {
  return store.deleteSession(db, id);
}

/** End every session of a user (password reset, account deletion). */
export function endSessionsOfUser(db: DbOrTrx, userId: string): Promise<void> {
  return store.deleteSessionsOfUser(db, userId);
}

/** Delete sessions past their absolute expiry or unused since `idleBefore`; returns how many. */
export function removeStaleSessions(db: DbOrTrx, now: Date, idleBefore: Date): Promise<number> {
  return store.deleteStaleSessions(db, now, idleBefore);
}
