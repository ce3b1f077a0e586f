/**
 * Database access for sign-in: single-use tokens, failed attempts, and the few user reads and
 * writes that sign-in and registration need. Users are global (not per tenant). Sessions and
 * memberships are the platform's (src/platform/auth/).
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Locale } from '../people.tables.ts';

export interface SessionUser {
  id: string;
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

/** The signed-in user of a session: only an account that is not deleted (and has an e-mail address). */
export async function findSessionUser(db: DbOrTrx, id: string): Promise<SessionUser | undefined> {
  const row = await db
    .selectFrom('users')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('email', 'is not', null)
    .select(['id', 'email', 'name', 'locale', 'is_demo as isDemo', 'totp_enabled_at as totpEnabledAt'])
    .executeTakeFirst();
  return row ? { ...row, email: row.email! } : undefined;
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
