import type { DbOrTrx } from '../../platform/db/database.ts';
import type { AreaInfo } from './areas.service.ts';
import * as store from './areas.store.ts';
import { cachedDrawing, cachedTenantAreas, cachedTenantBySlug, type CachedTenant } from './areas.cache.ts';
import type { GeoJsonGeometry } from './areas.tables.ts';
import { drawMap, type MapDrawing } from './views/area-map.tsx';

/**
 * What the municipality and neighbourhood pages show, from the in-process caches (areas.cache.ts):
 * when warm, a page costs no query beyond the cached tenant look-up. Geometries are read only to
 * draw a map that is not cached yet, and only those of the areas on that map.
 */

export interface MunicipalityPageData {
  tenant: CachedTenant;
  /** Wijken by name. */
  districts: readonly AreaInfo[];
  drawing: MapDrawing | null;
  /** The tenant's cached areas: the same object while they are unchanged (a key for caches of rendered pages). */
  areasKey: object;
}

export interface AreaPageData {
  tenant: CachedTenant;
  area: AreaInfo;
  parent: AreaInfo | null;
  grandparent: AreaInfo | null;
  /** Buurten of a wijk, wijken (and anything else below it) of the municipality, by name; empty for a buurt. */
  children: readonly AreaInfo[];
  /** The code itself and every code below it, as `descendantCodes` gives them. */
  areaCodes: readonly string[];
  drawing: MapDrawing | null;
  /** The tenant's cached areas: the same object while they are unchanged (a key for caches of rendered pages). */
  areasKey: object;
}

const href = (slug: string, code: string) => `/${slug}/wijken/${code}`;

async function geometries(db: DbOrTrx, tenantId: string, codes: readonly string[]): Promise<Map<string, GeoJsonGeometry>> {
  return new Map((await store.listGeometries(db, tenantId, codes)).map((r) => [r.code, r.geometry]));
}

/** The municipality home of the tenant with this slug, or null when there is no such tenant. */
export async function municipalityPageData(db: DbOrTrx, slug: string): Promise<MunicipalityPageData | null> {
  const tenant = await cachedTenantBySlug(db, slug);
  if (!tenant) return null;
  const areas = await cachedTenantAreas(db, tenant);
  const districts = areas.all.filter((a) => a.level === 'district');
  const drawing = await cachedDrawing(db, tenant, 'home', async () => {
    const g = await geometries(
      db,
      tenant.id,
      districts.map((d) => d.code),
    );
    return drawMap(
      districts.map((d) => ({ code: d.code, name: d.name, geometry: g.get(d.code) ?? null, href: href(tenant.slug, d.code) })),
    );
  });
  return { tenant, districts, drawing, areasKey: areas };
}

/** The neighbourhood page of one area (a CBS code of any level) of the tenant, or null when either is unknown. */
export async function areaPageData(db: DbOrTrx, slug: string, code: string): Promise<AreaPageData | null> {
  const tenant = await cachedTenantBySlug(db, slug);
  if (!tenant) return null;
  const areas = await cachedTenantAreas(db, tenant);
  const area = areas.byCode.get(code);
  if (!area) return null;
  const parent = area.parentCode !== null ? (areas.byCode.get(area.parentCode) ?? null) : null;
  const grandparent = parent?.parentCode ? (areas.byCode.get(parent.parentCode) ?? null) : null;
  const children = area.level === 'neighbourhood' ? [] : areas.childrenOf(area.code);
  const below = area.level === 'municipality' ? areas.all.filter((a) => a.code !== code) : area.level === 'district' ? children : [];
  const areaCodes = [code, ...below.map((a) => a.code).sort()];
  const drawing = await cachedDrawing(db, tenant, `area:${code}`, async () => {
    if (children.length > 0) {
      const g = await geometries(db, tenant.id, [area.code, ...children.map((c) => c.code)]);
      return drawMap(
        children.map((c) => ({ code: c.code, name: c.name, geometry: g.get(c.code) ?? null, href: href(tenant.slug, c.code) })),
        g.get(area.code) ?? null,
      );
    }
    const g = await geometries(db, tenant.id, parent ? [area.code, parent.code] : [area.code]);
    return drawMap(
      [{ code: area.code, name: area.name, geometry: g.get(area.code) ?? null, current: true }],
      parent ? (g.get(parent.code) ?? null) : null,
    );
  });
  return { tenant, area, parent, grandparent, children, areaCodes, drawing, areasKey: areas };
}

/** Areas of the tenant with this slug (without geometry), optionally of one level or below one parent, by name; null when no such tenant. */
export async function areaInfos(
  db: DbOrTrx,
  slug: string,
  opts: { level?: AreaInfo['level']; parentCode?: string } = {},
): Promise<readonly AreaInfo[] | null> {
  const tenant = await cachedTenantBySlug(db, slug);
  if (!tenant) return null;
  const areas = await cachedTenantAreas(db, tenant);
  const list = opts.parentCode ? areas.childrenOf(opts.parentCode) : areas.all;
  return opts.level ? list.filter((a) => a.level === opts.level) : list;
}
