import type { DbOrTrx } from '../db/database.ts';
import * as store from './tenants.store.ts';

/**
 * Tenants (municipalities): found by slug or id, listed, created. Every module reaches the table
 * through these functions (ADR 0007). Validation of a new tenant's id and slug, and the caches of
 * the request path, are the areas module's (`createTenant`, `findTenantBySlug` in areas.service.ts).
 */

export interface Tenant {
  id: string;
  slug: string;
  name: string;
}

/** A tenant with the version of its areas (which the areas module's caches are keyed on). */
export interface TenantWithAreasVersion extends Tenant {
  areasVersion: number;
}

/** The tenant with this slug and the version of its areas, or null (uncached). */
export async function findTenantBySlug(db: DbOrTrx, slug: string): Promise<TenantWithAreasVersion | null> {
  const row = await store.findTenantBySlug(db, slug);
  return row ? { id: row.id, slug: row.slug, name: row.name, areasVersion: Number(row.areas_version) } : null;
}

/** The tenant with this id (CBS code), or null. */
export async function findTenantById(db: DbOrTrx, id: string): Promise<Tenant | null> {
  return (await store.findTenantById(db, id)) ?? null;
}

/** All tenants, by name. */
export function listTenants(db: DbOrTrx): Promise<Tenant[]> {
  return store.listTenants(db);
}

/** Insert a tenant (its id, slug and name checked by the caller); false when the id or slug exists. */
export function insertTenant(db: DbOrTrx, t: { id: string; slug: string; name: string }): Promise<boolean> {
  return store.insertTenant(db, t);
}

/**
 * Mark the tenant's areas as changed, in the transaction that writes them: the next
 * `findTenantBySlug` returns a higher `areasVersion`. Only the areas module calls this.
 */
export function bumpAreasVersion(db: DbOrTrx, tenantId: string): Promise<void> {
  return store.bumpAreasVersion(db, tenantId);
}

/**
 * The tenant's areas version as the caller's snapshot sees it, and whether the caller's
 * transaction has written nothing yet (then what it reads is committed and may be cached).
 */
export function areasVersionForCache(db: DbOrTrx, tenantId: string): Promise<{ version: number; clean: boolean } | null> {
  return store.areasVersionForCache(db, tenantId);
}
