import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import * as store from '../areas.store.ts';
import { insertTenant } from '../../../platform/tenants/tenants.service.ts';
import { invalidateAreaCaches } from '../areas.cache.ts';
import type { GeoJsonGeometry, Position } from '../areas.tables.ts';
import { bboxOf, labelPoint, pointInGeometry } from '../geo.ts';
import { unionOf, voronoiCells } from './approximate.ts';
import { statsFromKwb, statsFromProperties, sumCounts } from './stats.ts';

export interface DemoTenant {
  id: string;
  slug: string;
  name: string;
}

export const WIJKEN_FILE = 'cbs_wijken_2024_pilotgemeenten.geojson';
export const LABELS_FILE = 'cbs_wijken_buurten_2014_labels_pilotgemeenten.csv';
export const KWB_FILE = 'cbs_kwb_2024_pilotgemeenten_basis.json';
export const WIJK_SOURCE = 'CBS/Kadaster Wijk- en buurtkaart 2024';
export const APPROXIMATE_SOURCE = 'CBS 2014 labelpunten, benaderde grenzen';

/** How a demo tenant is cut from the CBS files. */
interface DemoRule {
  wijk: (code: string) => boolean;
  /** Municipality codes of the 2014 buurt label points. */
  labelMunicipalities: string[];
  /** Sum the wijken for the municipality figures (a part of a merged municipality). */
  sumWijken: boolean;
}

function ruleFor(id: string): DemoRule {
  // Heerhugowaard merged into Dijk en Waard (GM1980) in 2022; its former wijken are WK198010–WK198028.
  if (id === 'GM1980') return { wijk: (c) => c >= 'WK198010' && c <= 'WK198028', labelMunicipalities: ['GM0398'], sumWijken: true };
  return { wijk: (c) => c.startsWith('WK' + id.slice(2)), labelMunicipalities: [id], sumWijken: false };
}

interface LabelRow {
  level: 'wijk' | 'buurt';
  code: string;
  name: string;
  municipality: string;
  point: Position;
}

function readLabels(path: string): LabelRow[] {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const [level, code, name, municipality, lon, lat] = line.split(',');
    return { level: level as 'wijk' | 'buurt', code: code!, name: name!, municipality: municipality!, point: [Number(lon), Number(lat)] };
  });
}

interface WijkFeature {
  properties: Record<string, unknown> & { wijkcode: string; wijknaam: string; gemeentecode: string };
  geometry: GeoJsonGeometry;
}

/**
 * Load the demo areas for the demo tenants (created when missing): the municipality (union of its
 * wijken), its 2024 CBS wijken with key figures, and approximate buurten (Voronoi cells of the 2014
 * buurt label points, clipped to the 2024 wijk that holds each point). One transaction per tenant.
 */
export async function importDemoAreas(
  db: DbOrTrx,
  opts: { tenants: readonly DemoTenant[]; dataDir: string; onProgress?: (message: string) => void; now: Date },
): Promise<{ tenantId: string; districts: number; neighbourhoods: number }[]> {
  const wijken = (JSON.parse(readFileSync(join(opts.dataDir, WIJKEN_FILE), 'utf8')) as { features: WijkFeature[] }).features;
  const labels = readLabels(join(opts.dataDir, LABELS_FILE));
  const kwb = JSON.parse(readFileSync(join(opts.dataDir, KWB_FILE), 'utf8')) as Record<string, Record<string, unknown>>;
  const now = opts.now;
  const results = [];
  for (const tenant of opts.tenants) {
    const rule = ruleFor(tenant.id);
    const own = wijken.filter((f) => f.properties.gemeentecode === tenant.id && rule.wijk(f.properties.wijkcode) && f.geometry);
    const districts = own.map((f) => ({
      code: f.properties.wijkcode,
      level: 'district' as const,
      name: f.properties.wijknaam,
      parentCode: tenant.id,
      year: 2024,
      geometry: f.geometry,
      bbox: bboxOf(f.geometry),
      label: labelPoint(f.geometry),
      approximate: false,
      source: WIJK_SOURCE,
      stats: { ...statsFromKwb(kwb[f.properties.wijkcode] ?? {}), ...statsFromProperties(f.properties) },
    }));
    const shape = unionOf(districts.map((d) => d.geometry));
    const municipality = {
      code: tenant.id,
      level: 'municipality' as const,
      name: tenant.name,
      parentCode: null,
      year: 2024,
      geometry: shape,
      bbox: shape ? bboxOf(shape) : null,
      label: shape ? labelPoint(shape) : null,
      approximate: false,
      source: WIJK_SOURCE,
      stats: rule.sumWijken ? sumCounts(districts.map((d) => d.stats)) : statsFromKwb(kwb[tenant.id] ?? {}),
    };
    const buurtLabels = labels.filter((l) => l.level === 'buurt' && rule.labelMunicipalities.includes(l.municipality));
    const neighbourhoods: store.AreaWrite[] = [];
    for (const d of districts) {
      const inside = buurtLabels.filter((l) => pointInGeometry(l.point[0], l.point[1], d.geometry));
      const cells = voronoiCells(
        d.geometry,
        inside.map((l) => l.point),
      );
      inside.forEach((l, i) => {
        const cell = cells[i];
        if (!cell) return;
        neighbourhoods.push({
          code: l.code,
          level: 'neighbourhood' as const,
          name: l.name,
          parentCode: d.code,
          year: 2014,
          geometry: cell,
          bbox: bboxOf(cell),
          label: l.point,
          approximate: true,
          source: APPROXIMATE_SOURCE,
          stats: {},
        });
      });
    }
    await inTransaction(db, async (trx) => {
      await insertTenant(trx, tenant);
      await store.upsertAreas(trx, tenant.id, [municipality, ...districts, ...neighbourhoods], now);
    });
    invalidateAreaCaches();
    opts.onProgress?.(`${tenant.name}: ${districts.length} wijken, ${neighbourhoods.length} buurten (benaderd)`);
    results.push({ tenantId: tenant.id, districts: districts.length, neighbourhoods: neighbourhoods.length });
  }
  return results;
}
