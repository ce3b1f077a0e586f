import type { DbOrTrx } from '../../platform/db/database.ts';
import * as store from './areas.store.ts';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
}

/** Look up a tenant (municipality) by its URL slug. */
export async function findTenantBySlug(db: DbOrTrx, slug: string): Promise<Tenant | null> {
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) return null;
  return (await store.findTenantBySlug(db, slug)) ?? null;
}

/** All tenants, by name. */
export function listTenants(db: DbOrTrx): Promise<Tenant[]> {
  return store.listTenants(db);
}
