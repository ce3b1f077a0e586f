import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../platform/db/database.ts';
import { bumpAreasVersion } from '../../platform/tenants/tenants.service.ts';
import type { AreaLevel, AreasTable, GeoJsonGeometry } from './areas.tables.ts';

/**
 * Queries of the areas module; the only place that touches `areas`. The tenants (and their areas
 * version) are the platform's: src/platform/tenants/tenants.service.ts.
 */

export type AreaRow = Selectable<AreasTable>;

export function findArea(db: DbOrTrx, tenantId: string, code: string): Promise<AreaRow | undefined> {
  return db.selectFrom('areas').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
}

export function listAreas(db: DbOrTrx, tenantId: string, opts: { level?: AreaLevel; parentCode?: string }): Promise<AreaRow[]> {
  let q = db.selectFrom('areas').selectAll().where('tenant_id', '=', tenantId);
  if (opts.level) q = q.where('level', '=', opts.level);
  if (opts.parentCode) q = q.where('parent_code', '=', opts.parentCode);
  return q.orderBy('name').orderBy('code').execute();
}

/** Every area of a tenant without its geometry (the heavy part), by name and code. */
export function listAreasWithoutGeometry(db: DbOrTrx, tenantId: string) {
  return db
    .selectFrom('areas')
    .select(['tenant_id', 'code', 'level', 'name', 'parent_code', 'year', 'label_lon', 'label_lat', 'approximate', 'source', 'stats'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .orderBy('code')
    .execute();
}

/** Geometries of some areas of a tenant (those that have one). */
export function listGeometries(
  db: DbOrTrx,
  tenantId: string,
  codes: readonly string[],
): Promise<{ code: string; geometry: GeoJsonGeometry }[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('areas')
    .select(['code', 'geometry'])
    .where('tenant_id', '=', tenantId)
    .where('code', 'in', [...codes])
    .where('geometry', 'is not', null)
    .execute() as Promise<{ code: string; geometry: GeoJsonGeometry }[]>;
}

export async function listCodes(db: DbOrTrx, tenantId: string, parentCode?: string): Promise<{ code: string; level: AreaLevel }[]> {
  let q = db.selectFrom('areas').select(['code', 'level']).where('tenant_id', '=', tenantId);
  if (parentCode !== undefined) q = q.where('parent_code', '=', parentCode);
  return q.orderBy('code').execute();
}

/** Areas below the municipality whose bounding box contains the point. */
export function areasAroundPoint(db: DbOrTrx, tenantId: string, lon: number, lat: number): Promise<AreaRow[]> {
  return db
    .selectFrom('areas')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('level', 'in', ['district', 'neighbourhood'])
    .where('geometry', 'is not', null)
    .where('min_lon', '<=', lon)
    .where('max_lon', '>=', lon)
    .where('min_lat', '<=', lat)
    .where('max_lat', '>=', lat)
    .execute();
}

export function existingCodes(db: DbOrTrx, tenantId: string, codes: readonly string[]): Promise<{ code: string }[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('areas')
    .select('code')
    .where('tenant_id', '=', tenantId)
    .where('code', 'in', [...codes])
    .execute();
}

export async function countsByLevel(db: DbOrTrx, tenantId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('areas')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}

/** One area as written by imports. */
export interface AreaWrite {
  code: string;
  level: AreaLevel;
  name: string;
  parentCode: string | null;
  year: number;
  geometry: GeoJsonGeometry | null;
  bbox: { minLon: number; minLat: number; maxLon: number; maxLat: number } | null;
  label: [number, number] | null;
  approximate: boolean;
  source: string;
  stats: Record<string, number>;
}

/** Insert or update areas by (tenant_id, code), in batches, and bump the tenant's areas version. */
export async function upsertAreas(db: DbOrTrx, tenantId: string, areas: readonly AreaWrite[], now: Date): Promise<void> {
  for (let i = 0; i < areas.length; i += 100) {
    const batch = areas.slice(i, i + 100).map((a) => ({
      tenant_id: tenantId,
      code: a.code,
      level: a.level,
      name: a.name,
      parent_code: a.parentCode,
      year: a.year,
      geometry: a.geometry ? JSON.stringify(a.geometry) : null,
      min_lon: a.bbox?.minLon ?? null,
      min_lat: a.bbox?.minLat ?? null,
      max_lon: a.bbox?.maxLon ?? null,
      max_lat: a.bbox?.maxLat ?? null,
      label_lon: a.label?.[0] ?? null,
      label_lat: a.label?.[1] ?? null,
      approximate: a.approximate,
      source: a.source,
      stats: JSON.stringify(a.stats),
      updated_at: now,
    }));
    await db
      .insertInto('areas')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'code']).doUpdateSet((eb) => ({
          level: eb.ref('excluded.level'),
          name: eb.ref('excluded.name'),
          parent_code: eb.ref('excluded.parent_code'),
          year: eb.ref('excluded.year'),
          geometry: eb.ref('excluded.geometry'),
          min_lon: eb.ref('excluded.min_lon'),
          min_lat: eb.ref('excluded.min_lat'),
          max_lon: eb.ref('excluded.max_lon'),
          max_lat: eb.ref('excluded.max_lat'),
          label_lon: eb.ref('excluded.label_lon'),
          label_lat: eb.ref('excluded.label_lat'),
          approximate: eb.ref('excluded.approximate'),
          source: eb.ref('excluded.source'),
          stats: eb.ref('excluded.stats'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  await bumpAreasVersion(db, tenantId);
}
