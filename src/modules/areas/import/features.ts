import { AppError } from '../../../platform/errors.ts';
import { translator, type MessageKey } from '../../../platform/i18n/index.ts';
import '../areas.messages.ts';
import type { GeoJsonGeometry, Position } from '../areas.tables.ts';
import { DISTRICT_CODE, NEIGHBOURHOOD_CODE, municipalityOf } from '../codes.ts';
import { bboxOf, isRdPosition, labelPoint, mapPositions, rdToWgs84, type BBox } from '../geo.ts';
import { statsFromProperties } from './stats.ts';

/** Parsing and validation of uploaded GeoJSON features; pure, no I/O. */

export interface Rejection {
  code: string | null;
  /** Dutch text, for the CLI and logs of the import. */
  reason: string;
  /** i18n key and placeholders, for pages in the reader's language. */
  reasonKey: MessageKey;
  vars?: Record<string, string>;
}

export interface ValidFeature {
  code: string;
  name: string;
  geometry: GeoJsonGeometry;
  bbox: BBox;
  label: Position;
  stats: Record<string, number>;
}

export interface FeatureRules {
  tenantId: string;
  level: 'district' | 'neighbourhood';
  codeProperty: string;
  nameProperty: string;
  /** Other municipality codes (GM….) whose wijken/buurten are accepted, e.g. for a merged municipality. */
  allowedPrefixes?: readonly string[];
  /** Coordinates are RD New (EPSG:28992) and must be converted. */
  rd: boolean;
}

const nl = translator('nl');

/** A rejection with its Dutch text filled in. */
export function makeRejection(code: string | null, reasonKey: MessageKey, vars?: Record<string, string>): Rejection {
  return { code, reason: nl(reasonKey, vars), reasonKey, ...(vars ? { vars } : {}) };
}

function reject(code: string | null, reasonKey: MessageKey, vars?: Record<string, string>): { ok: false; rejection: Rejection } {
  return { ok: false, rejection: makeRejection(code, reasonKey, vars) };
}

/** Parse text or a parsed value into the features of a FeatureCollection; 422 when it is not one. */
export function parseFeatureCollection(input: unknown): { features: unknown[]; rd: boolean } {
  let value = input;
  if (typeof input === 'string' || Buffer.isBuffer(input)) {
    try {
      value = JSON.parse(input.toString());
    } catch {
      throw new AppError(422, 'invalid', 'areas.import.notJson');
    }
  }
  const fc = value as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } } | null;
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new AppError(422, 'invalid', 'areas.import.notFeatureCollection');
  }
  const crsName = fc.crs?.properties?.name;
  const rd = (typeof crsName === 'string' && crsName.includes('28992')) || looksLikeRd(fc.features);
  return { features: fc.features, rd };
}

/** True when every coordinate of every polygon feature lies in the RD New range (and there is at least one). */
function looksLikeRd(features: unknown[]): boolean {
  let seen = 0;
  for (const f of features) {
    const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) continue;
    for (const p of (g.coordinates as unknown[]).flat(g.type === 'Polygon' ? 1 : 2)) {
      if (!Array.isArray(p) || !isRdPosition(p)) return false;
      seen++;
    }
  }
  return seen > 0;
}

function validRing(ring: unknown): ring is Position[] {
  return (
    Array.isArray(ring) &&
    ring.length >= 4 &&
    ring.every((p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]))
  );
}

function validGeometry(g: { type: string; coordinates: unknown }): GeoJsonGeometry | null {
  const polygonOk = (poly: unknown) => Array.isArray(poly) && poly.length >= 1 && poly.every(validRing);
  if (g.type === 'Polygon' && polygonOk(g.coordinates)) {
    return { type: 'Polygon', coordinates: (g.coordinates as Position[][]).map((r) => r.map((p) => [p[0], p[1]])) };
  }
  if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length >= 1 && g.coordinates.every(polygonOk)) {
    return {
      type: 'MultiPolygon',
      coordinates: (g.coordinates as Position[][][]).map((poly) => poly.map((r) => r.map((p) => [p[0], p[1]]))),
    };
  }
  return null;
}

/** Validate one feature against the rules; converts RD New to WGS84. */
export function validateFeature(
  feature: unknown,
  rules: FeatureRules,
): { ok: true; value: ValidFeature } | { ok: false; rejection: Rejection } {
  const f = feature as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
  if (!f || typeof f !== 'object' || f.type !== 'Feature') return reject(null, 'areas.reject.notFeature');
  const props = (f.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<string, unknown>;
  const rawCode = props[rules.codeProperty];
  const code = typeof rawCode === 'string' ? rawCode.trim() : null;
  const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return reject(code, 'areas.reject.notPolygon');
  if (!code) return reject(null, 'areas.reject.noCode', { property: rules.codeProperty });
  const pattern = rules.level === 'district' ? DISTRICT_CODE : NEIGHBOURHOOD_CODE;
  if (!pattern.test(code)) return reject(code, 'areas.reject.badCode', { example: rules.level === 'district' ? 'WK054200' : 'BU05420000' });
  const gm = municipalityOf(code);
  if (gm !== rules.tenantId && !(rules.allowedPrefixes ?? []).includes(gm)) {
    return reject(code, 'areas.reject.otherMunicipality', { municipality: gm });
  }
  const rawName = props[rules.nameProperty];
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  // Control characters (U+0000 cannot even be stored in PostgreSQL text) make no name.
  // eslint-disable-next-line no-control-regex
  if (!name || name.length > 200 || /[\u0000-\u001f\u007f]/.test(name)) {
    return reject(code, 'areas.reject.noName', { property: rules.nameProperty });
  }
  let geometry = validGeometry(g as { type: string; coordinates: unknown });
  if (!geometry) return reject(code, 'areas.reject.badCoordinates');
  if (rules.rd) geometry = mapPositions(geometry, ([x, y]) => rdToWgs84(x, y));
  const bbox = bboxOf(geometry);
  if (bbox.minLon < -180 || bbox.maxLon > 180 || bbox.minLat < -90 || bbox.maxLat > 90) return reject(code, 'areas.reject.badCoordinates');
  return { ok: true, value: { code, name, geometry, bbox, label: labelPoint(geometry), stats: statsFromProperties(props) } };
}
