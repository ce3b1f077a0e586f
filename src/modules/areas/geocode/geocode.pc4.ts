import { readFileSync } from 'node:fs';
import { projectPath } from '../../../platform/paths.ts';

/**
 * PC4 (4-digit postcode) centroids from GeoNames (CC-BY 4.0, "Bron: GeoNames"), shipped in
 * seed-data/pc4/: the coarse last step of the geocoder. Placed by GeoNames' algorithm, not
 * weighted by addresses — a few hundred metres off is normal (seed-data/pc4/README.md).
 */
export const PC4_FILE = projectPath('seed-data', 'pc4', 'geonames_pc4_pilotgemeenten.csv');

export interface Pc4Centroid {
  pc4: string;
  /** CBS municipality code, e.g. GM0014. */
  municipality: string;
  place: string;
  lat: number;
  lon: number;
}

let loaded: Map<string, Pc4Centroid[]> | null = null;

/** Parse the shipped CSV (`pc4,woonplaats,gemeentecode,gemeentenaam_geonames,provincie,lat,lon`). */
export function parsePc4Csv(text: string): Map<string, Pc4Centroid[]> {
  const byPc4 = new Map<string, Pc4Centroid[]>();
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`PC4 file: column ${name} missing`);
    return i;
  };
  const [iPc4, iPlace, iGm, iLat, iLon] = [col('pc4'), col('woonplaats'), col('gemeentecode'), col('lat'), col('lon')];
  for (const line of lines) {
    const f = line.split(',');
    const lat = Number(f[iLat]);
    const lon = Number(f[iLon]);
    const pc4 = f[iPc4] ?? '';
    if (!/^[1-9]\d{3}$/.test(pc4) || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const row = { pc4, municipality: f[iGm] ?? '', place: f[iPlace] ?? '', lat, lon };
    byPc4.set(pc4, [...(byPc4.get(pc4) ?? []), row]);
  }
  return byPc4;
}

function table(): Map<string, Pc4Centroid[]> {
  loaded ??= parsePc4Csv(readFileSync(PC4_FILE, 'utf8'));
  return loaded;
}

/**
 * The centroid of a PC4 in a municipality (the mean when GeoNames lists it under more places);
 * `elsewhere` lists the municipalities that have it when this one does not.
 */
export function pc4Centroid(
  municipality: string,
  pc4: string,
): { hit: { lat: number; lon: number; place: string } | null; elsewhere: string[] } {
  const rows = table().get(pc4) ?? [];
  const own = rows.filter((r) => r.municipality === municipality);
  if (own.length === 0) return { hit: null, elsewhere: [...new Set(rows.map((r) => r.municipality))] };
  return {
    hit: {
      lat: own.reduce((s, r) => s + r.lat, 0) / own.length,
      lon: own.reduce((s, r) => s + r.lon, 0) / own.length,
      place: own[0]!.place,
    },
    elsewhere: [],
  };
}
