/**
 * Distances on the earth, one way for every module: WGS84 points as `{ lat, lon }` (never tuples,
 * never lon first), a sphere of one radius, metres. Pure: no Fastify, no database.
 */

/** Mean earth radius in metres used for every distance, in JS and in SQL. */
export const EARTH_RADIUS_M = 6_371_000;

/** Metres in one degree of latitude on that sphere (for bounding boxes and flat projections at city scale). */
export const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

/** A WGS84 point in degrees. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** Great-circle distance in metres between two points (haversine), unrounded. */
export function distanceMeters(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
