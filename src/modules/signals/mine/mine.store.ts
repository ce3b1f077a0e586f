/** Queries of "Mijn meldingen" and following with an account (signals module only). */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SignalState } from '../workflow.ts';

export interface MineRow {
  id: string;
  public_id: string;
  state: SignalState;
  created_at: Date;
  category_name: string;
  category_name_en: string;
  sensitive: boolean;
  reported: boolean;
  follower_id: string | null;
}

/** Signals the user reported with this account, and non-sensitive signals they follow with it; newest first. */
export async function listMine(db: DbOrTrx, tenantId: string, userId: string, limit = 200): Promise<MineRow[]> {
  const rows = await db
    .selectFrom('signals_signals as s')
    .innerJoin('signals_categories as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.category_id'))
    .leftJoin('signals_followers as f', (j) =>
      j.onRef('f.tenant_id', '=', 's.tenant_id').onRef('f.signal_id', '=', 's.id').on('f.user_id', '=', userId),
    )
    .select([
      's.id',
      's.public_id',
      's.state',
      's.created_at',
      's.reporter_user_id',
      'c.name as category_name',
      'c.name_en as category_name_en',
      'c.sensitive',
      'f.id as follower_id',
    ])
    .where('s.tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('s.reporter_user_id', '=', userId), eb.and([eb('f.id', 'is not', null), eb('c.sensitive', '=', false)])]))
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map(({ reporter_user_id, ...r }) => ({ ...r, reported: reporter_user_id === userId }));
}

/** A signal by public id with its category's sensitivity, in the tenant. */
export async function findWithCategory(db: DbOrTrx, tenantId: string, publicId: string) {
  return (
    (await db
      .selectFrom('signals_signals as s')
      .innerJoin('signals_categories as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.category_id'))
      .select(['s.id', 's.public_id', 's.state', 's.reporter_user_id', 'c.sensitive'])
      .where('s.tenant_id', '=', tenantId)
      .where('s.public_id', '=', publicId)
      .executeTakeFirst()) ?? null
  );
}

/** The follower rows of a signal for an account or its e-mail address. */
export function findFollowers(db: DbOrTrx, tenantId: string, signalId: string, userId: string, email: string) {
  return db
    .selectFrom('signals_followers')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', signalId)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('email', '=', email)]))
    .execute();
}

export async function insertAccountFollower(
  db: DbOrTrx,
  row: { tenantId: string; signalId: string; userId: string; email: string; now: Date },
): Promise<void> {
  await db
    .insertInto('signals_followers')
    .values({ tenant_id: row.tenantId, signal_id: row.signalId, user_id: row.userId, email: row.email, created_at: row.now })
    .execute();
}

/** Link an e-mail follower to the account with that address. */
export async function attachAccount(db: DbOrTrx, tenantId: string, followerId: string, userId: string): Promise<void> {
  await db
    .updateTable('signals_followers')
    .set({ user_id: userId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', followerId)
    .execute();
}

/** Stop an account's follows of a signal and revoke their tracking links; returns how many follows ended. */
export async function deleteAccountFollowers(db: DbOrTrx, tenantId: string, signalId: string, userId: string): Promise<number> {
  const rows = await db
    .deleteFrom('signals_followers')
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', signalId)
    .where('user_id', '=', userId)
    .returning('id')
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length) {
    await db
      .deleteFrom('signals_tracking_tokens')
      .where('tenant_id', '=', tenantId)
      .where('signal_id', '=', signalId)
      .where('follower_id', 'in', ids)
      .execute();
  }
  return ids.length;
}
