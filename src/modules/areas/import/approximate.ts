import { createRequire } from 'node:module';
import { Delaunay } from 'd3-delaunay';
import type * as Clipping from 'polygon-clipping';
import type { GeoJsonGeometry, Position } from '../areas.tables.ts';
import { bboxOf, polygonsOf } from '../geo.ts';

/** Derived geometry for the demo: unions of wijken and Voronoi cells of buurt label points. Pure. */

// polygon-clipping's types declare named exports, but its CommonJS build only has them on the module object.
const require = createRequire(import.meta.url);
const clipping = require('polygon-clipping') as typeof Clipping;

function round5(p: Position): Position {
  return [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];
}

function fromMulti(m: Clipping.MultiPolygon): GeoJsonGeometry | null {
  const polys = m.map((poly) => poly.map((ring) => ring.map(round5)));
  if (polys.length === 0) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
}

/** Union of (Multi)Polygons, e.g. a municipality from its wijken. */
export function unionOf(geoms: readonly GeoJsonGeometry[]): GeoJsonGeometry | null {
  const all = geoms.map((g) => polygonsOf(g) as Clipping.MultiPolygon);
  if (all.length === 0) return null;
  return fromMulti(clipping.union(all[0]!, ...all.slice(1)));
}

/**
 * Approximate areas for points inside one polygon: the Voronoi cell of each point, computed with
 * a cos(lat) correction so cells are fair in metres, clipped to the polygon. Null for a point
 * whose cell falls outside (or a duplicate point).
 */
export function voronoiCells(container: GeoJsonGeometry, points: readonly Position[]): (GeoJsonGeometry | null)[] {
  if (points.length === 0) return [];
  if (points.length === 1) return [container];
  const box = bboxOf(container);
  const k = Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
  const pad = 0.01;
  const delaunay = Delaunay.from(points.map(([lon, lat]) => [lon * k, lat] as [number, number]));
  const voronoi = delaunay.voronoi([box.minLon * k - pad, box.minLat - pad, box.maxLon * k + pad, box.maxLat + pad]);
  const clip = polygonsOf(container) as Clipping.MultiPolygon;
  return points.map((_, i) => {
    const cell = voronoi.cellPolygon(i);
    if (!cell) return null;
    const ring = cell.map(([x, y]) => [x / k, y] as Clipping.Pair);
    return fromMulti(clipping.intersection([ring], clip));
  });
}
