/** Queries on tracking tokens, followers and feedback (signals module only). */
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SignalsFeedbackTable, SignalsFollowersTable } from '../signals.tables.ts';

export type FollowerRow = Selectable<SignalsFollowersTable>;
export type FeedbackRow = Selectable<SignalsFeedbackTable>;

export async function insertToken(
  db: DbOrTrx,
  row: { tokenHash: string; tenantId: string; signalId: string; followerId: string | null; now: Date; expiresAt: Date },
): Promise<void> {
  await tokenWrite(db, row).execute();
}

/** The insert of `insertToken` without running it (for `writeTogether`). */
export function tokenWrite(
  db: DbOrTrx,
  row: { tokenHash: string; tenantId: string; signalId: string; followerId: string | null; now: Date; expiresAt: Date },
) {
  return db.insertInto('signals_tracking_tokens').values({
    token_hash: row.tokenHash,
    tenant_id: row.tenantId,
    signal_id: row.signalId,
    follower_id: row.followerId,
    created_at: row.now,
    expires_at: row.expiresAt,
  });
}

export async function findToken(db: DbOrTrx, tenantId: string, tokenHash: string) {
  return (
    (await db
      .selectFrom('signals_tracking_tokens')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst()) ?? null
  );
}

/** Add a follower unless the address or account follows already; returns the follower row. */
export async function upsertFollower(
  db: DbOrTrx,
  row: { tenantId: string; signalId: string; email: string | null; userId: string | null; now: Date },
): Promise<{ row: FollowerRow; created: boolean }> {
  let q = db.selectFrom('signals_followers').selectAll().where('tenant_id', '=', row.tenantId).where('signal_id', '=', row.signalId);
  q = row.userId ? q.where('user_id', '=', row.userId) : q.where('email', '=', row.email);
  const existing = await q.executeTakeFirst();
  if (existing) return { row: existing, created: false };
  const inserted = await db
    .insertInto('signals_followers')
    .values({ tenant_id: row.tenantId, signal_id: row.signalId, email: row.email, user_id: row.userId, created_at: row.now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row: inserted, created: true };
}

export function listFollowers(db: DbOrTrx, tenantId: string, signalId: string): Promise<FollowerRow[]> {
  return db
    .selectFrom('signals_followers')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', signalId)
    .orderBy('created_at')
    .execute();
}

export async function insertFeedback(
  db: DbOrTrx,
  row: { tenantId: string; signalId: string; satisfied: boolean; solved: boolean | null; reason: string | null; now: Date },
): Promise<FeedbackRow> {
  return db
    .insertInto('signals_feedback')
    .values({
      tenant_id: row.tenantId,
      signal_id: row.signalId,
      satisfied: row.satisfied,
      solved: row.solved,
      reason: row.reason,
      created_at: row.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listFeedback(db: DbOrTrx, tenantId: string, signalId: string): Promise<FeedbackRow[]> {
  return db
    .selectFrom('signals_feedback')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', signalId)
    .orderBy('created_at')
    .execute();
}
