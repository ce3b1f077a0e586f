/**
 * Database access for sign-in: sessions, single-use tokens, failed attempts, and the few user and
 * membership writes that sign-in and registration need. Users and sessions are global (not per
 * tenant); memberships carry the tenant.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Locale } from '../people.tables.ts';
import type { Role } from '../../../platform/roles.ts';

const STAFF: readonly Role[] = ['professional', 'coordinator', 'admin'];

export interface SessionRow {
  sessionId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  mfaAt: Date | null;
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  isDemo: boolean;
  totpEnabledAt: Date | null;
}

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  passwordHash: string | null;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
}

export async function deleteSession(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Delete a user's sessions that are past their absolute expiry (housekeeping at each sign-in). */
export async function deleteExpiredSessionsOfUser(db: DbOrTrx, userId: string, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<', now).execute();
}

export async function insertSession(
  db: DbOrTrx,
  s: { id: string; userId: string; now: Date; expiresAt: Date; mfa: boolean },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, created_at: s.now, last_seen_at: s.now, expires_at: s.expiresAt, mfa_at: s.mfa ? s.now : null })
    .execute();
}

export async function findSession(db: DbOrTrx, id: string): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .where('s.id', '=', id)
    .where('u.deleted_at', 'is', null)
    .where('u.email', 'is not', null)
    .select([
      's.id as sessionId',
      's.created_at as createdAt',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      's.mfa_at as mfaAt',
      'u.id as userId',
      'u.email',
      'u.name',
      'u.locale',
      'u.is_demo as isDemo',
      'u.totp_enabled_at as totpEnabledAt',
    ])
    .executeTakeFirst();
  return row ? { ...row, email: row.email! } : undefined;
}

export async function touchSession(db: DbOrTrx, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function setSessionMfa(db: DbOrTrx, id: string, at: Date | null): Promise<void> {
  await db.updateTable('sessions').set({ mfa_at: at }).where('id', '=', id).execute();
}

export function listMemberships(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('memberships')
    .where('user_id', '=', userId)
    .select(['tenant_id as tenantId', 'organisation_id as organisationId', 'role'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function isStaffAnywhere(db: DbOrTrx, userId: string): Promise<boolean> {
  const row = await db.selectFrom('memberships').where('user_id', '=', userId).where('role', 'in', STAFF).select('id').executeTakeFirst();
  return row !== undefined;
}

export async function firstTenantOf(db: DbOrTrx, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('memberships')
    .where('user_id', '=', userId)
    .select('tenant_id')
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row?.tenant_id ?? null;
}

const userColumns = [
  'id',
  'email',
  'name',
  'locale',
  'password_hash as passwordHash',
  'totp_secret as totpSecret',
  'totp_enabled_at as totpEnabledAt',
] as const;

export async function findUserByEmail(db: DbOrTrx, email: string): Promise<AuthUser | undefined> {
  const row = await db
    .selectFrom('users')
    .where('email', '=', email.toLowerCase())
    .where('deleted_at', 'is', null)
    .select(userColumns)
    .executeTakeFirst();
  return row ? { ...row, email: row.email! } : undefined;
}

export async function findUserById(db: DbOrTrx, id: string): Promise<AuthUser | undefined> {
  const row = await db
    .selectFrom('users')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('email', 'is not', null)
    .select(userColumns)
    .executeTakeFirst();
  return row ? { ...row, email: row.email! } : undefined;
}

/** Insert a user; null when the e-mail address is taken (also by a concurrent registration). */
export async function insertUser(
  db: DbOrTrx,
  u: { email: string; name: string; locale: Locale; passwordHash: string | null; now: Date },
): Promise<string | null> {
  const row = await db
    .insertInto('users')
    .values({
      email: u.email.toLowerCase(),
      name: u.name,
      locale: u.locale,
      password_hash: u.passwordHash,
      phone: null,
      address: null,
      totp_secret: null,
      totp_enabled_at: null,
      deleted_at: null,
      created_at: u.now,
      updated_at: u.now,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertMembership(db: DbOrTrx, m: { tenantId: string; userId: string; role: Role; now: Date }): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ tenant_id: m.tenantId, user_id: m.userId, organisation_id: null, role: m.role, created_at: m.now })
    .execute();
}

export async function setPasswordHash(db: DbOrTrx, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute();
}

/** Turn TOTP on (only when it is off: two tabs cannot overwrite each other's secret). Returns whether it changed. */
export async function enableTotp(db: DbOrTrx, userId: string, encryptedSecret: string, step: number, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ totp_secret: encryptedSecret, totp_enabled_at: now, totp_last_step: step, updated_at: now })
    .where('id', '=', userId)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function disableTotp(db: DbOrTrx, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

/** Record a TOTP time step as used; false when this or a later step was used already (a replayed code). */
export async function claimTotpStep(db: DbOrTrx, userId: string, step: number): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// --- single-use tokens ---

export async function insertToken(
  db: DbOrTrx,
  t: { id: string; kind: 'signin' | 'reset'; userId: string; email: string; tenantId: string | null; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('auth_tokens')
    .values({
      id: t.id,
      kind: t.kind,
      user_id: t.userId,
      email: t.email,
      tenant_id: t.tenantId,
      data: JSON.stringify({}) as never,
      created_at: t.now,
      expires_at: t.expiresAt,
      used_at: null,
    })
    .execute();
}

/** How many tokens of a kind were made for a user since a moment (to limit mails per address). */
export async function countTokensSince(db: DbOrTrx, userId: string, kind: 'signin' | 'reset', since: Date): Promise<number> {
  const row = await db
    .selectFrom('auth_tokens')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('created_at', '>=', since)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The user of a token that is unused and not expired, without using it. */
export async function findValidToken(db: DbOrTrx, id: string, kind: 'signin' | 'reset', now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('auth_tokens')
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .select('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Use a token, atomically: returns its user only for the first caller within its lifetime. */
export async function consumeToken(db: DbOrTrx, id: string, kind: 'signin' | 'reset', now: Date): Promise<string | null> {
  const row = await db
    .updateTable('auth_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}

// --- failed sign-ins ---

export function findFailure(db: DbOrTrx, key: string) {
  return db
    .selectFrom('signin_failures')
    .where('key', '=', key)
    .select(['failures', 'first_at as firstAt', 'last_at as lastAt'])
    .executeTakeFirst();
}

/** Count one failure; a count older than the window starts again at 1. */
export async function recordFailure(db: DbOrTrx, key: string, now: Date, windowStart: Date): Promise<void> {
  await db
    .insertInto('signin_failures')
    .values({ key, failures: 1, first_at: now, last_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when signin_failures.first_at < ${windowStart} then 1 else signin_failures.failures + 1 end`,
        first_at: sql<Date>`case when signin_failures.first_at < ${windowStart} then ${now} else signin_failures.first_at end`,
        last_at: now,
      }),
    )
    .execute();
}

export async function clearFailure(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('signin_failures').where('key', '=', key).execute();
}
