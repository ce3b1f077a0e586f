import proj4 from 'proj4';
import type { GeoJsonGeometry, Position } from './areas.tables.ts';

/** Pure geometry helpers of the areas module: no I/O, unit-tested in geo.test.ts. */

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** RD New (EPSG:28992), the Dutch national grid, with the datum shift to WGS84. */
export const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
proj4.defs('EPSG:28992', RD_NEW);
const rdToWgs = proj4('EPSG:28992', 'EPSG:4326');

/** Convert one RD New coordinate (metres) to WGS84 [lon, lat]. */
export function rdToWgs84(x: number, y: number): Position {
  const [lon, lat] = rdToWgs.forward([x, y]) as [number, number];
  return [round(lon, 6), round(lat, 6)];
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** True when a coordinate lies in the range of RD New for the Netherlands. */
export function isRdPosition(p: readonly number[]): boolean {
  const [x, y] = p;
  return typeof x === 'number' && typeof y === 'number' && x >= 0 && x <= 300000 && y >= 289000 && y <= 629000;
}

/** All polygons of a geometry (a Polygon is one). */
export function polygonsOf(g: GeoJsonGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Every position of a geometry. */
export function positionsOf(g: GeoJsonGeometry): Position[] {
  return polygonsOf(g).flat(2);
}

/** Apply a function to every position of a geometry, returning a new geometry. */
export function mapPositions(g: GeoJsonGeometry, fn: (p: Position) => Position): GeoJsonGeometry {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(fn)) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map(fn))) };
}

/** Bounding box of a geometry. */
export function bboxOf(g: GeoJsonGeometry): BBox {
  return bboxOfPositions(positionsOf(g));
}

export function bboxOfPositions(ps: readonly Position[]): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of ps) {
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** Union of bounding boxes. */
export function mergeBBoxes(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  return {
    minLon: Math.min(...boxes.map((b) => b.minLon)),
    minLat: Math.min(...boxes.map((b) => b.minLat)),
    maxLon: Math.max(...boxes.map((b) => b.maxLon)),
    maxLat: Math.max(...boxes.map((b) => b.maxLat)),
  };
}

/** Even-odd ray casting over one ring. */
function inRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point lies inside the (Multi)Polygon: inside an outer ring and outside its holes. */
export function pointInGeometry(lon: number, lat: number, g: GeoJsonGeometry): boolean {
  return polygonsOf(g).some((poly) => {
    const [outer, ...holes] = poly;
    if (!outer || !inRing(lon, lat, outer)) return false;
    return !holes.some((h) => inRing(lon, lat, h));
  });
}

/** Absolute area of a ring in squared degrees (shoelace), for picking the largest polygon. */
function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
  return Math.abs(a / 2);
}

/**
 * A point inside the geometry for a label: the middle of the widest stretch of a horizontal
 * line through the middle of its largest polygon (a centroid can fall outside a crescent).
 */
export function labelPoint(g: GeoJsonGeometry): Position {
  const polys = polygonsOf(g);
  let best = polys[0]!;
  for (const p of polys) if (ringArea(p[0]!) > ringArea(best[0]!)) best = p;
  const box = bboxOfPositions(best[0]!);
  const lat = (box.minLat + box.maxLat) / 2;
  const xs: number[] = [];
  for (const ring of best) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > lat !== yj > lat) xs.push(((xj - xi) * (lat - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((a, b) => a - b);
  let bestX = (box.minLon + box.maxLon) / 2;
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1]! - xs[i]! > width) {
      width = xs[i + 1]! - xs[i]!;
      bestX = (xs[i]! + xs[i + 1]!) / 2;
    }
  }
  return [round(bestX, 6), round(lat, 6)];
}

/** Projection of lon/lat onto an SVG canvas of the given width, north up, with cos(lat) correction. */
export interface Projection {
  width: number;
  height: number;
  project(p: Position): [number, number];
}

export function projectionFor(box: BBox, width = 600, padding = 8): Projection {
  const midLat = ((box.minLat + box.maxLat) / 2) * (Math.PI / 180);
  const k = Math.cos(midLat);
  const spanX = Math.max((box.maxLon - box.minLon) * k, 1e-9);
  const spanY = Math.max(box.maxLat - box.minLat, 1e-9);
  const scale = (width - 2 * padding) / spanX;
  const height = Math.max(Math.round(spanY * scale + 2 * padding), 50);
  return {
    width,
    height,
    project: ([lon, lat]) => [round((lon - box.minLon) * k * scale + padding, 1), round((box.maxLat - lat) * scale + padding, 1)],
  };
}

/** SVG path data of a (Multi)Polygon; holes render as holes with fill-rule evenodd. */
export function svgPath(g: GeoJsonGeometry, proj: Projection): string {
  return polygonsOf(g)
    .flatMap((poly) => poly.map((ring) => 'M' + ring.map((p) => proj.project(p).join(',')).join('L') + 'Z'))
    .join('');
}
