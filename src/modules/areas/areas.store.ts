import type { DbOrTrx } from '../../platform/db/database.ts';

/** Queries of the areas module; the only place that touches `tenants` and `areas`. */
export function findTenantBySlug(db: DbOrTrx, slug: string) {
  return db.selectFrom('tenants').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

export function listTenants(db: DbOrTrx) {
  return db.selectFrom('tenants').select(['id', 'slug', 'name']).orderBy('name').execute();
}
