import type { DbOrTrx } from '../../platform/db/database.ts';
import { rootHandle } from '../../platform/db/tenant-scope.ts';
import type { AreaInfo } from './areas.service.ts';
import * as store from './areas.store.ts';
import { findTenantBySlug } from '../../platform/tenants/tenants.service.ts';
import type { MapDrawing } from './views/area-map.tsx';

/**
 * In-process caches of data that changes only on import: tenants by slug, the areas of a tenant
 * (without geometry) and projected SVG maps. They sit on the request path of every tenant page.
 *
 * Correct with several processes on one PostgreSQL:
 * - A tenant found by slug is kept for TENANT_TTL_MS (1 s). It carries the tenant's areas version
 *   (the platform's `tenants.areas_version`), which every transaction that writes areas bumps
 *   (areas.store.ts `upsertAreas`, through the platform's `bumpAreasVersion`). So another process
 *   sees a new import, a new tenant name or a new slug within 1 s; unknown slugs are never cached,
 *   so a new tenant is found at once. An unchanged tenant keeps its object, so the anonymous pages
 *   cached on it (reply.page's anonymousCacheDeps) are dropped only when its name, slug or areas change.
 * - Areas and maps are kept per (tenant, areas_version): they are reloaded as soon as a newer
 *   version is seen, never on a timer. Maps are also keyed by the slug (their links hold it) and
 *   at most MAX_DRAWINGS are kept per database, least recently used out first.
 * - In this process, every import (`invalidateAreaCaches`, called by upsertAreas, importAreas,
 *   importDemoAreas and createTenant) drops everything at once.
 * Each cache belongs to one database handle (a WeakMap on the Kysely instance), so two databases in
 * one process (tests) never share entries. Inside a transaction nothing is cached.
 * Cached objects are shared between requests: frozen, never to be changed.
 */

export const TENANT_TTL_MS = 1000;
export const MAX_DRAWINGS = 512;

export interface CachedTenant {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly areasVersion: number;
}

/** The areas of one tenant, in name order, with the look-ups the pages need. */
export interface TenantAreas {
  readonly version: number;
  /** By name, then code. */
  readonly all: readonly AreaInfo[];
  readonly byCode: ReadonlyMap<string, AreaInfo>;
  /** Areas whose parent is the code, by name then code. */
  childrenOf(code: string): readonly AreaInfo[];
}

interface Options {
  /** Monotonic milliseconds; tests pass their own. */
  now: () => number;
  tenantTtlMs: number;
}

interface DbCache {
  generation: number;
  options: Options;
  tenants: Map<string, { expires: number; value: Promise<CachedTenant | null> }>;
  areas: Map<string, { version: number; value: Promise<TenantAreas> }>;
  drawings: Map<string, Promise<MapDrawing | null>>;
}

let generation = 0;
const caches = new WeakMap<object, DbCache>();

/** Drop every cached tenant, area list and map in this process (after writing areas or tenants). */
export function invalidateAreaCaches(): void {
  generation++;
}

/** Set the clock or TTL of the cache of one database (tests); also empties it. */
export function configureAreaCache(db: DbOrTrx, options: Partial<Options>): void {
  caches.set(rootHandle(db), emptyCache({ ...defaultOptions(), ...options }));
}

function defaultOptions(): Options {
  return { now: () => performance.now(), tenantTtlMs: TENANT_TTL_MS };
}

function emptyCache(options: Options): DbCache {
  return { generation, options, tenants: new Map(), areas: new Map(), drawings: new Map() };
}

function cacheOf(db: DbOrTrx): DbCache | null {
  if (db.isTransaction) return null;
  // A request's tenant-scoped handle shares the cache of the database it was made from.
  const key = rootHandle(db);
  let cache = caches.get(key);
  if (!cache) {
    cache = emptyCache(defaultOptions());
    caches.set(key, cache);
  } else if (cache.generation !== generation) {
    cache.generation = generation;
    cache.tenants.clear();
    cache.areas.clear();
    cache.drawings.clear();
  }
  return cache;
}

async function loadTenant(db: DbOrTrx, slug: string): Promise<CachedTenant | null> {
  const t = await findTenantBySlug(db, slug);
  return t ? Object.freeze({ id: t.id, slug: t.slug, name: t.name, areasVersion: t.areasVersion }) : null;
}

/** The tenant with this slug (checked by the caller) and the version of its areas, or null. */
export function cachedTenantBySlug(db: DbOrTrx, slug: string): Promise<CachedTenant | null> {
  const cache = cacheOf(db);
  if (!cache) return loadTenant(db, slug);
  const now = cache.options.now();
  const hit = cache.tenants.get(slug);
  if (hit && hit.expires > now) return hit.value;
  // An unchanged tenant keeps its object: pages cached on it (reply.page's anonymousCacheDeps) stay valid.
  const previous = hit?.value.catch(() => null);
  const value = loadTenant(db, slug).then(async (t) => {
    const p = previous ? await previous : null;
    return t && p && p.id === t.id && p.slug === t.slug && p.name === t.name && p.areasVersion === t.areasVersion ? p : t;
  });
  const entry = { expires: now + cache.options.tenantTtlMs, value };
  cache.tenants.set(slug, entry);
  // Unknown slugs and failures are not remembered: a new tenant is found at once, and the set stays small.
  const forget = () => {
    if (cache.tenants.get(slug) === entry) cache.tenants.delete(slug);
  };
  entry.value.then((t) => t ?? forget(), forget);
  return entry.value;
}

function freezeArea(r: Awaited<ReturnType<typeof store.listAreasWithoutGeometry>>[number]): AreaInfo {
  return Object.freeze({
    tenantId: r.tenant_id,
    code: r.code,
    level: r.level,
    name: r.name,
    parentCode: r.parent_code,
    year: r.year,
    label: r.label_lon !== null && r.label_lat !== null ? (Object.freeze([r.label_lon, r.label_lat]) as [number, number]) : null,
    approximate: r.approximate,
    source: r.source,
    stats: Object.freeze({ ...(r.stats ?? {}) }),
  });
}

async function loadAreas(db: DbOrTrx, tenant: CachedTenant): Promise<TenantAreas> {
  const all = Object.freeze((await store.listAreasWithoutGeometry(db, tenant.id)).map(freezeArea));
  const byCode = new Map(all.map((a) => [a.code, a]));
  const children = new Map<string, AreaInfo[]>();
  for (const a of all) {
    if (a.parentCode === null) continue;
    const list = children.get(a.parentCode) ?? [];
    list.push(a);
    children.set(a.parentCode, list);
  }
  for (const list of children.values()) Object.freeze(list);
  const none: readonly AreaInfo[] = Object.freeze([]);
  return Object.freeze({ version: tenant.areasVersion, all, byCode, childrenOf: (code: string) => children.get(code) ?? none });
}

/** Every area of the tenant (without geometry), as of the tenant's areas version. */
export function cachedTenantAreas(db: DbOrTrx, tenant: CachedTenant): Promise<TenantAreas> {
  const cache = cacheOf(db);
  if (!cache) return loadAreas(db, tenant);
  const hit = cache.areas.get(tenant.id);
  if (hit && hit.version === tenant.areasVersion) return hit.value;
  const entry = { version: tenant.areasVersion, value: loadAreas(db, tenant) };
  cache.areas.set(tenant.id, entry);
  entry.value.catch(() => {
    if (cache.areas.get(tenant.id) === entry) cache.areas.delete(tenant.id);
  });
  return entry.value;
}

/** A projected map of the tenant, drawn by `draw` once per (tenant, slug, areas version, key). */
export function cachedDrawing(
  db: DbOrTrx,
  tenant: CachedTenant,
  key: string,
  draw: () => Promise<MapDrawing | null>,
): Promise<MapDrawing | null> {
  const cache = cacheOf(db);
  if (!cache) return draw();
  const id = `${tenant.id}\n${tenant.areasVersion}\n${tenant.slug}\n${key}`;
  const hit = cache.drawings.get(id);
  if (hit) {
    // Most recently used last.
    cache.drawings.delete(id);
    cache.drawings.set(id, hit);
    return hit;
  }
  const value = draw().then((d) => (d ? deepFreeze(d) : null));
  cache.drawings.set(id, value);
  value.catch(() => {
    if (cache.drawings.get(id) === value) cache.drawings.delete(id);
  });
  while (cache.drawings.size > MAX_DRAWINGS) cache.drawings.delete(cache.drawings.keys().next().value!);
  return value;
}

function deepFreeze(d: MapDrawing): MapDrawing {
  for (const s of d.shapes) Object.freeze(s);
  Object.freeze(d.shapes);
  return Object.freeze(d);
}
