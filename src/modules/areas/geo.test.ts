import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GeoJsonGeometry } from './areas.tables.ts';
import { bboxOf, isRdPosition, labelPoint, pointInGeometry, projectionFor, rdToWgs84, svgPath } from './geo.ts';
import { unionOf, voronoiCells } from './import/approximate.ts';

const square = (x0: number, y0: number, size: number) =>
  [
    [x0, y0],
    [x0 + size, y0],
    [x0 + size, y0 + size],
    [x0, y0 + size],
    [x0, y0],
  ] as [number, number][];

const withHole: GeoJsonGeometry = { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] };

describe('geo', () => {
  it('finds points inside a polygon and not in its hole', () => {
    assert.equal(pointInGeometry(1, 1, withHole), true);
    assert.equal(pointInGeometry(5, 5, withHole), false, 'inside the hole');
    assert.equal(pointInGeometry(11, 5, withHole), false, 'outside');
    assert.equal(pointInGeometry(-0.1, 5, withHole), false);
  });

  it('handles MultiPolygons', () => {
    const multi: GeoJsonGeometry = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] };
    assert.equal(pointInGeometry(5.5, 5.5, multi), true);
    assert.equal(pointInGeometry(0.5, 0.5, multi), true);
    assert.equal(pointInGeometry(3, 3, multi), false);
  });

  it('converts RD New to WGS84 (Amersfoort, the origin of RD)', () => {
    const [lon, lat] = rdToWgs84(155000, 463000);
    assert.ok(Math.abs(lon - 5.3872) < 0.0005, `lon ${lon}`);
    assert.ok(Math.abs(lat - 52.1552) < 0.0005, `lat ${lat}`);
    assert.equal(isRdPosition([155000, 463000]), true);
    assert.equal(isRdPosition([5.38, 52.15]), false);
  });

  it('puts the label point inside a U-shaped polygon', () => {
    const u: GeoJsonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const [x, y] = labelPoint(u);
    assert.equal(pointInGeometry(x, y, u), true, `label ${x},${y}`);
    assert.deepEqual(bboxOf(u), { minLon: 0, minLat: 0, maxLon: 3, maxLat: 3 });
  });

  it('projects north up with the cos(lat) correction', () => {
    const proj = projectionFor({ minLon: 4, minLat: 52, maxLon: 5, maxLat: 53 }, 600, 0);
    const [x0, y0] = proj.project([4, 53]);
    const [x1, y1] = proj.project([5, 52]);
    assert.equal(x0, 0);
    assert.equal(y0, 0);
    assert.equal(x1, 600);
    // One degree of latitude is longer than one of longitude at 52.5°N.
    assert.ok(y1 > 900 && y1 < 1000, `height ${y1}`);
    assert.match(svgPath(withHole, projectionFor(bboxOf(withHole))), /^M[\d.,L]+ZM[\d.,L]+Z$/);
  });

  it('cuts a polygon into Voronoi cells that cover it and contain their points', () => {
    const container: GeoJsonGeometry = { type: 'Polygon', coordinates: [square(4, 52, 0.1)] };
    const points: [number, number][] = [
      [4.02, 52.02],
      [4.08, 52.03],
      [4.05, 52.08],
    ];
    const cells = voronoiCells(container, points);
    assert.equal(cells.length, 3);
    cells.forEach((cell, i) => {
      assert.ok(cell, `cell ${i}`);
      assert.equal(pointInGeometry(points[i]![0], points[i]![1], cell), true);
      const b = bboxOf(cell);
      assert.ok(b.minLon >= 4 - 1e-9 && b.maxLon <= 4.1 + 1e-9 && b.minLat >= 52 - 1e-9 && b.maxLat <= 52.1 + 1e-9);
    });
    assert.equal(pointInGeometry(4.05, 52.08, cells[0]!), false);
    const union = unionOf(cells.filter((c): c is GeoJsonGeometry => c !== null));
    assert.ok(union);
    assert.deepEqual(bboxOf(union), { minLon: 4, minLat: 52, maxLon: 4.1, maxLat: 52.1 });
  });
});
