import type { DbOrTrx } from '../db/database.ts';

/** Queries on `sessions`: the only place that touches the table (auth.tables.ts). */

export async function deleteSession(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessionsOfUser(db: DbOrTrx, userId: string, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<', now).execute();
}

export async function deleteStaleSessions(db: DbOrTrx, now: Date, idleBefore: Date): Promise<number> {
  const res = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', now), eb('last_seen_at', '<', idleBefore)]))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
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

export function findSession(db: DbOrTrx, id: string) {
  return db
    .selectFrom('sessions')
    .where('id', '=', id)
    .select([
      'id as sessionId',
      'user_id as userId',
      'created_at as createdAt',
      'last_seen_at as lastSeenAt',
      'expires_at as expiresAt',
      'mfa_at as mfaAt',
    ])
    .executeTakeFirst();
}

export async function touchSession(db: DbOrTrx, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function setSessionMfa(db: DbOrTrx, id: string, at: Date | null): Promise<void> {
  await db.updateTable('sessions').set({ mfa_at: at }).where('id', '=', id).execute();
}
