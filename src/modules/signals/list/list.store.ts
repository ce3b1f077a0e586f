/** Queries on the saved list filters (signals list part only). */
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SignalsSavedFiltersTable } from './list.tables.ts';

export type SavedFilterRow = Selectable<SignalsSavedFiltersTable>;

export function listSavedFilters(db: DbOrTrx, tenantId: string, userId: string): Promise<SavedFilterRow[]> {
  return db
    .selectFrom('signals_saved_filters')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function countSavedFilters(db: DbOrTrx, tenantId: string, userId: string): Promise<number> {
  const r = await db
    .selectFrom('signals_saved_filters')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Insert or, when the user has a filter with this name already, replace its query. */
export function upsertSavedFilter(
  db: DbOrTrx,
  row: { tenantId: string; userId: string; name: string; query: string; now: Date },
): Promise<SavedFilterRow> {
  return db
    .insertInto('signals_saved_filters')
    .values({ tenant_id: row.tenantId, user_id: row.userId, name: row.name, query: row.query, created_at: row.now })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'name']).doUpdateSet({ query: row.query }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findSavedFilterByName(db: DbOrTrx, tenantId: string, userId: string, name: string): Promise<SavedFilterRow | undefined> {
  return db
    .selectFrom('signals_saved_filters')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Delete one of the user's own filters; the number of rows removed (0 when it is not theirs). */
export async function deleteSavedFilter(db: DbOrTrx, tenantId: string, userId: string, id: string): Promise<number> {
  const r = await db
    .deleteFrom('signals_saved_filters')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Every saved filter of a user (all tenants): for the account export and deletion. */
export function savedFiltersOfUser(db: DbOrTrx, userId: string): Promise<SavedFilterRow[]> {
  return db.selectFrom('signals_saved_filters').selectAll().where('user_id', '=', userId).orderBy('tenant_id').orderBy('name').execute();
}

export async function deleteSavedFiltersOfUser(db: DbOrTrx, userId: string): Promise<number> {
  const r = await db.deleteFrom('signals_saved_filters').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
