import type { DbOrTrx } from '../../platform/db/database.ts';
import { Conflict, Invalid, NotFound, type FieldErrors } from '../../platform/errors.ts';
import * as store from './areas.store.ts';
import type { AreaLevel, GeoJsonGeometry } from './areas.tables.ts';
import { RESERVED_SLUGS, TENANT_ID, TENANT_SLUG } from './codes.ts';
import { cachedTenantBySlug, invalidateAreaCaches } from './areas.cache.ts';
import * as tenants from '../../platform/tenants/tenants.service.ts';
import type { Tenant } from '../../platform/tenants/tenants.service.ts';

export { importAreas, type ImportAreasInput, type ImportReport } from './import/import-areas.ts';
export { isAreaCode, DISTRICT_CODE, NEIGHBOURHOOD_CODE, TENANT_ID } from './codes.ts';
export { importDemoAreas, type DemoTenant } from './import/demo-areas.ts';
export type { GeoJsonGeometry } from './areas.tables.ts';

export type { Tenant } from '../../platform/tenants/tenants.service.ts';

/** An area (municipality, wijk or buurt) as other modules see it. */
export interface Area {
  tenantId: string;
  code: string;
  level: AreaLevel;
  name: string;
  parentCode: string | null;
  year: number;
  geometry: GeoJsonGeometry | null;
  label: [number, number] | null;
  approximate: boolean;
  source: string;
  /** CBS key figures; an absent key means unknown. */
  stats: Record<string, number>;
}

/** An area without its geometry: what the cached pages use (areas.cache.ts). */
export type AreaInfo = Omit<Area, 'geometry'>;

function toArea(r: store.AreaRow): Area {
  return {
    tenantId: r.tenant_id,
    code: r.code,
    level: r.level,
    name: r.name,
    parentCode: r.parent_code,
    year: r.year,
    geometry: r.geometry,
    label: r.label_lon !== null && r.label_lat !== null ? [r.label_lon, r.label_lat] : null,
    approximate: r.approximate,
    source: r.source,
    stats: r.stats ?? {},
  };
}

/**
 * Look up a tenant (municipality) by its URL slug. Runs on every tenant request, so it is cached
 * in-process (areas.cache.ts): a change made by another process shows within a second.
 */
export async function findTenantBySlug(db: DbOrTrx, slug: string): Promise<Tenant | null> {
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) return null;
  const t = await cachedTenantBySlug(db, slug);
  return t ? { id: t.id, slug: t.slug, name: t.name } : null;
}

/** Look up a tenant by its CBS municipality code. */
export async function findTenantById(db: DbOrTrx, id: string): Promise<Tenant | null> {
  if (!TENANT_ID.test(id)) return null;
  return tenants.findTenantById(db, id);
}

/** Create a tenant; the id is its CBS code (GM0542); a duplicate id or slug is a Conflict. */
export async function createTenant(db: DbOrTrx, input: { id: string; slug: string; name: string }): Promise<Tenant> {
  const fields: FieldErrors = {};
  if (!TENANT_ID.test(input.id)) fields.id = 'areas.tenant.invalidId';
  if (!TENANT_SLUG.test(input.slug) || input.slug.length > 64) fields.slug = 'areas.tenant.invalidSlug';
  else if (RESERVED_SLUGS.has(input.slug)) fields.slug = 'areas.tenant.reservedSlug';
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) fields.name = 'form.required';
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  const created = await tenants.insertTenant(db, { id: input.id, slug: input.slug, name });
  invalidateAreaCaches();
  if (!created) throw Conflict('areas.tenant.exists');
  return { id: input.id, slug: input.slug, name };
}

/** One area of a tenant by its code, or null. */
export async function getArea(db: DbOrTrx, tenantId: string, code: string): Promise<Area | null> {
  const row = await store.findArea(db, tenantId, code);
  return row ? toArea(row) : null;
}

/** Areas of a tenant, optionally of one level or below one parent, by name. */
export async function listAreas(db: DbOrTrx, tenantId: string, opts: { level?: AreaLevel; parentCode?: string } = {}): Promise<Area[]> {
  return (await store.listAreas(db, tenantId, opts)).map(toArea);
}

/** Number of areas of a tenant per level. */
export function countAreas(db: DbOrTrx, tenantId: string): Promise<Record<string, number>> {
  return store.countsByLevel(db, tenantId);
}

/** The code itself and every code below it (a wijk with its buurten; a municipality with all); NotFound when unknown. */
export async function descendantCodes(db: DbOrTrx, tenantId: string, code: string): Promise<string[]> {
  const area = await store.findArea(db, tenantId, code);
  if (!area) throw NotFound('areas.notFound');
  if (area.level === 'municipality') {
    const all = await store.listCodes(db, tenantId);
    return [code, ...all.map((a) => a.code).filter((c) => c !== code)];
  }
  if (area.level === 'neighbourhood') return [code];
  const children = await store.listCodes(db, tenantId, code);
  return [code, ...children.map((c) => c.code)];
}

export { locatePoint, type PointLocation } from './locate.ts';

export {
  geocode,
  geocodeNote,
  placeAddress,
  placePoint,
  normalisePostcode,
  parseHouseNumber,
  numberInStreetLine,
  suggestAddresses,
  type AddressSuggestion,
  type GeocodeInput,
  type GeocodeHit,
  type GeocodeFailure,
  type GeocodeOutcome,
} from './geocode/geocode.service.ts';
export { importAddresses, type AddressImportReport, type AddressRejection } from './geocode/geocode.import.ts';
export { geoPackageToCsv, isSqlite } from './geocode/geocode.gpkg.ts';
