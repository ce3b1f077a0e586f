import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';

/** Queries on `tenants`: the only place that touches the table (tenants.tables.ts). */

export function findTenantBySlug(db: DbOrTrx, slug: string) {
  return db.selectFrom('tenants').select(['id', 'slug', 'name', 'areas_version']).where('slug', '=', slug).executeTakeFirst();
}

export function findTenantById(db: DbOrTrx, id: string) {
  return db.selectFrom('tenants').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
}

export function listTenants(db: DbOrTrx) {
  return db.selectFrom('tenants').select(['id', 'slug', 'name']).orderBy('name').execute();
}

export async function insertTenant(db: DbOrTrx, t: { id: string; slug: string; name: string }): Promise<boolean> {
  const rows = await db
    .insertInto('tenants')
    .values({ id: t.id, slug: t.slug, name: t.name, settings: JSON.stringify({}) })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return rows.length === 1;
}

export async function bumpAreasVersion(db: DbOrTrx, tenantId: string): Promise<void> {
  await db
    .updateTable('tenants')
    .set({ areas_version: sql<number>`areas_version + 1` })
    .where('id', '=', tenantId)
    .execute();
}

/** The tenant's areas version, and whether the caller's transaction has written anything yet (issue 17, locate cache). */
export async function areasVersionForCache(db: DbOrTrx, tenantId: string): Promise<{ version: number; clean: boolean } | null> {
  const r = await sql<{ version: number | string; clean: boolean }>`
    select areas_version as version, pg_current_xact_id_if_assigned() is null as clean from tenants where id = ${tenantId}
  `.execute(db);
  const row = r.rows[0];
  return row ? { version: Number(row.version), clean: row.clean } : null;
}
