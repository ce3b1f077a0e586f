import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { NotFound } from '../../../platform/errors.ts';
import * as store from '../areas.store.ts';
import { findTenantById } from '../../../platform/tenants/tenants.service.ts';
import { invalidateAreaCaches } from '../areas.cache.ts';
import { makeRejection, parseFeatureCollection, validateFeature, type Rejection, type ValidFeature } from './features.ts';

export interface ImportAreasInput {
  tenantId: string;
  /** A parsed FeatureCollection, its text, or the features themselves. */
  geojson?: unknown;
  features?: unknown[];
  level: 'district' | 'neighbourhood';
  year: number;
  source: string;
  /** Defaults: wijkcode/wijknaam for districts, buurtcode/buurtnaam for neighbourhoods. */
  codeProperty?: string;
  nameProperty?: string;
  /** Other municipality codes whose areas are accepted (a merged municipality). */
  allowedPrefixes?: readonly string[];
  /** Called after each validated feature (done, total), for progress bars. */
  onProgress?: (done: number, total: number) => void;
  now: Date;
}

export interface ImportReport {
  created: number;
  updated: number;
  rejected: Rejection[];
}

/**
 * Import wijken or buurten from GeoJSON: every feature is validated first, then all valid ones are
 * upserted by (tenant, code) in one transaction, so nothing is half-written.
 */
export async function importAreas(db: DbOrTrx, input: ImportAreasInput): Promise<ImportReport> {
  const parsed = input.features ? { features: input.features, rd: false } : parseFeatureCollection(input.geojson);
  const tenant = await findTenantById(db, input.tenantId);
  if (!tenant) throw NotFound('areas.tenant.notFound');
  const rules = {
    tenantId: input.tenantId,
    level: input.level,
    codeProperty: input.codeProperty || (input.level === 'district' ? 'wijkcode' : 'buurtcode'),
    nameProperty: input.nameProperty || (input.level === 'district' ? 'wijknaam' : 'buurtnaam'),
    rd: parsed.rd,
    ...(input.allowedPrefixes ? { allowedPrefixes: input.allowedPrefixes } : {}),
  };
  const valid = new Map<string, ValidFeature>();
  const rejected: Rejection[] = [];
  const total = parsed.features.length;
  parsed.features.forEach((feature, i) => {
    const result = validateFeature(feature, rules);
    if (!result.ok) rejected.push(result.rejection);
    else if (valid.has(result.value.code)) {
      rejected.push(makeRejection(result.value.code, 'areas.reject.duplicate'));
    } else valid.set(result.value.code, result.value);
    input.onProgress?.(i + 1, total);
  });
  const now = input.now;
  const report = await inTransaction(db, async (trx) => {
    const codes = [...valid.keys()];
    const existing = new Set((await store.existingCodes(trx, input.tenantId, codes)).map((r) => r.code));
    await store.upsertAreas(
      trx,
      input.tenantId,
      [...valid.values()].map((f) => ({
        code: f.code,
        level: input.level,
        name: f.name,
        parentCode: input.level === 'district' ? 'GM' + f.code.slice(2, 6) : 'WK' + f.code.slice(2, 8),
        year: input.year,
        geometry: f.geometry,
        bbox: f.bbox,
        label: f.label,
        approximate: false,
        source: input.source,
        stats: f.stats,
      })),
      now,
    );
    return { created: codes.length - existing.size, updated: existing.size, rejected };
  });
  // Other processes see the bumped areas version of the tenant; this one drops its caches now.
  invalidateAreaCaches();
  return report;
}
