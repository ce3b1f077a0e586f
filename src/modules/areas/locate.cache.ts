import type { DbOrTrx } from '../../platform/db/database.ts';
import { areasVersionForCache } from '../../platform/tenants/tenants.service.ts';
import type { AreaLevel, GeoJsonGeometry } from './areas.tables.ts';

/**
 * The wijken and buurten of a tenant with their geometries, parsed once and kept in memory for
 * the point-in-area look-up (locate.ts), keyed by the tenant's areas version.
 *
 * Freshness: every look-up first reads the tenant's `areas_version` (one primary-key read in the
 * caller's own snapshot, also inside its transaction), and uses the cached polygons only when
 * they belong to that very version. So no process ever serves polygons older than the areas
 * version its own query sees: after an import commits in another process, the next look-up
 * anywhere reloads (staleness: none beyond the caller's snapshot).
 * A load is kept only when the loading transaction has written nothing yet
 * (`pg_current_xact_id_if_assigned() is null`): a transaction that imports areas and locates
 * points before it commits reads its own uncommitted polygons without putting them in the cache.
 * Each cache belongs to one database (a WeakMap on the Kysely adapter, which a database, its
 * tenant-scoped handles and their transactions share), so two databases in one process (tests)
 * never share entries.
 */

export interface IndexedArea {
  readonly level: AreaLevel;
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly geometry: GeoJsonGeometry;
}

/** Areas with their bounding boxes in one packed array (minLon, minLat, maxLon, maxLat per area). */
export interface AreaIndex {
  readonly version: number;
  readonly areas: readonly IndexedArea[];
  readonly boxes: Float64Array;
}

const caches = new WeakMap<object, Map<string, AreaIndex>>();

function cacheOf(db: DbOrTrx): Map<string, AreaIndex> {
  const key = db.getExecutor().adapter;
  let cache = caches.get(key);
  if (!cache) {
    cache = new Map();
    caches.set(key, cache);
  }
  return cache;
}

/** The candidates whose bounding box holds the point, in index order (level, then code). */
export function candidatesAt(index: AreaIndex, lon: number, lat: number): IndexedArea[] {
  const out: IndexedArea[] = [];
  const b = index.boxes;
  for (let i = 0; i < index.areas.length; i++) {
    const o = i * 4;
    if (b[o]! <= lon && b[o + 1]! <= lat && b[o + 2]! >= lon && b[o + 3]! >= lat) out.push(index.areas[i]!);
  }
  return out;
}

async function loadIndex(db: DbOrTrx, tenantId: string, version: number): Promise<AreaIndex> {
  const rows = await db
    .selectFrom('areas')
    .select(['level', 'code', 'name', 'parent_code', 'geometry', 'min_lon', 'min_lat', 'max_lon', 'max_lat'])
    .where('tenant_id', '=', tenantId)
    .where('level', 'in', ['district', 'neighbourhood'])
    .where('geometry', 'is not', null)
    .orderBy('level')
    .orderBy('code')
    .execute();
  const usable = rows.filter((r) => r.geometry && r.min_lon !== null && r.min_lat !== null && r.max_lon !== null && r.max_lat !== null);
  const boxes = new Float64Array(usable.length * 4);
  usable.forEach((r, i) => boxes.set([r.min_lon!, r.min_lat!, r.max_lon!, r.max_lat!], i * 4));
  const areas = usable.map((r) =>
    Object.freeze({ level: r.level, code: r.code, name: r.name, parentCode: r.parent_code, geometry: r.geometry as GeoJsonGeometry }),
  );
  return Object.freeze({ version, areas: Object.freeze(areas), boxes });
}

/** The tenant's area index as of the areas version the caller's snapshot sees (see above). */
export async function areaIndex(db: DbOrTrx, tenantId: string): Promise<AreaIndex> {
  const row = await areasVersionForCache(db, tenantId);
  const version = row?.version ?? -1;
  const cache = cacheOf(db);
  const hit = cache.get(tenantId);
  if (hit && hit.version === version) return hit;
  const index = await loadIndex(db, tenantId, version);
  if (row?.clean) cache.set(tenantId, index);
  return index;
}
