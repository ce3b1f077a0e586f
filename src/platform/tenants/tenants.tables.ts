import type { ColumnType, JSONColumnType } from 'kysely';

/**
 * A tenant is a municipality, keyed by its CBS code (GM0542). The platform owns the table: every
 * module needs it (ADR 0007). Its migration stays where it was written, in the areas module's
 * migration list (migrations are frozen); only this declaration moved.
 */
export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  /** Per-tenant settings (retention periods, contact details, …). */
  settings: JSONColumnType<Record<string, unknown>>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  /**
   * The version of the tenant's areas: bumped whenever areas of the tenant are written (imports);
   * the areas module keys its caches on it. Read and written only through `bumpAreasVersion` and
   * `findTenantBySlug` (tenants.service.ts), and only the areas module calls the first.
   */
  areas_version: ColumnType<number, number | undefined, number>;
}

export interface TenantsTables {
  tenants: TenantsTable;
}
