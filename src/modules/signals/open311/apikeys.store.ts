/** Queries on Open311 API keys (open311 only). */
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Open311ApiKeysTable } from './open311.tables.ts';

export type ApiKeyRow = Selectable<Open311ApiKeysTable>;

export async function insertApiKey(db: DbOrTrx, row: Insertable<Open311ApiKeysTable>): Promise<ApiKeyRow> {
  return db.insertInto('open311_api_keys').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listApiKeys(db: DbOrTrx, tenantId: string): Promise<ApiKeyRow[]> {
  return db
    .selectFrom('open311_api_keys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('client_name')
    .execute();
}

export async function findApiKeyByHash(db: DbOrTrx, tenantId: string, keyHash: string): Promise<ApiKeyRow | null> {
  return (
    (await db
      .selectFrom('open311_api_keys')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('key_hash', '=', keyHash)
      .executeTakeFirst()) ?? null
  );
}

export async function findApiKey(db: DbOrTrx, tenantId: string, id: string): Promise<ApiKeyRow | null> {
  return (
    (await db.selectFrom('open311_api_keys').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst()) ?? null
  );
}

/** Revoke a key; false when it did not exist or was revoked already. */
export async function revokeApiKey(db: DbOrTrx, tenantId: string, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('open311_api_keys')
    .set({ revoked_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Set a key's writes a minute; false when the key does not exist. */
export async function setRateLimit(db: DbOrTrx, tenantId: string, id: string, rateLimit: number): Promise<boolean> {
  const r = await db
    .updateTable('open311_api_keys')
    .set({ rate_limit: rateLimit })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function touchApiKey(db: DbOrTrx, tenantId: string, id: string, now: Date): Promise<void> {
  await db.updateTable('open311_api_keys').set({ last_used_at: now }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
