import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distanceMeters, EARTH_RADIUS_M, METRES_PER_DEGREE } from './geo.ts';

/**
 * Expected values computed by hand with the spherical law of cosines (a different formula from the
 * haversine in geo.ts), R = 6,371,000 m: d = R · acos(sin φ1 sin φ2 + cos φ1 cos φ2 cos Δλ).
 */
const KRIMPEN = { lat: 51.9167, lon: 4.6 };
const GRONINGEN = { lat: 53.2194, lon: 6.5665 };

describe('distanceMeters', () => {
  it('Krimpen aan den IJssel to Groningen is 196,574 m', () => {
    assert.ok(Math.abs(distanceMeters(KRIMPEN, GRONINGEN) - 196_574.45) < 0.5, String(distanceMeters(KRIMPEN, GRONINGEN)));
  });
  it('is symmetric and zero for the same point', () => {
    assert.equal(distanceMeters(KRIMPEN, GRONINGEN), distanceMeters(GRONINGEN, KRIMPEN));
    assert.equal(distanceMeters(KRIMPEN, KRIMPEN), 0);
  });
  it('takes latitude first: 0.0006° north of Krimpen is 66.7 m, 0.0006° east is less', () => {
    const north = distanceMeters(KRIMPEN, { lat: KRIMPEN.lat + 0.0006, lon: KRIMPEN.lon });
    const east = distanceMeters(KRIMPEN, { lat: KRIMPEN.lat, lon: KRIMPEN.lon + 0.0006 });
    assert.ok(Math.abs(north - 66.717) < 0.001, String(north));
    assert.ok(Math.abs(east - 66.717 * Math.cos((KRIMPEN.lat * Math.PI) / 180)) < 0.001, String(east));
  });
  it('a quarter of the equator is R·π/2, one degree of latitude is METRES_PER_DEGREE', () => {
    assert.ok(Math.abs(distanceMeters({ lat: 0, lon: 0 }, { lat: 0, lon: 90 }) - 10_007_543.398) < 0.01);
    assert.equal(EARTH_RADIUS_M, 6_371_000);
    assert.ok(Math.abs(METRES_PER_DEGREE - 111_194.927) < 0.001);
    assert.ok(Math.abs(distanceMeters({ lat: 52, lon: 4.6 }, { lat: 53, lon: 4.6 }) - METRES_PER_DEGREE) < 1e-6);
  });
});
