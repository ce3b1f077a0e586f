import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import type { DbOrTrx } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { createTenant, importDemoAreas, locatePoint, type PointLocation } from './areas.service.ts';
import * as store from './areas.store.ts';
import { pointInGeometry } from './geo.ts';
import type { GeoJsonGeometry } from './areas.tables.ts';

const KRIMPEN = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
const GRONINGEN = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };
const NOW = new Date('2026-11-23T10:00:00Z');

/**
 * The look-up as it was before the cache: bounding boxes in SQL, the exact test on every candidate.
 * The old query had no order, so on a border shared by two areas its pick followed the table's
 * physical order; both now take the lowest code (the cache keeps areas by level and code).
 */
async function oldScan(db: DbOrTrx, tenantId: string, lon: number, lat: number): Promise<PointLocation> {
  const candidates = await store.areasAroundPoint(db, tenantId, lon, lat);
  const hits = candidates
    .filter((a) => a.geometry && pointInGeometry(lon, lat, a.geometry))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const district = hits.find((a) => a.level === 'district') ?? null;
  const buurten = hits.filter((a) => a.level === 'neighbourhood');
  const neighbourhood = buurten.find((b) => district && b.parent_code === district.code) ?? buurten[0] ?? null;
  return {
    district: district ? { code: district.code, name: district.name } : null,
    neighbourhood: neighbourhood ? { code: neighbourhood.code, name: neighbourhood.name } : null,
  };
}

/** The first ring of an area's geometry. */
function ringOf(g: GeoJsonGeometry): [number, number][] {
  const c = g.coordinates as unknown;
  const ring = g.type === 'Polygon' ? (c as [number, number][][])[0] : (c as [number, number][][][])[0]![0];
  return ring!;
}

describe('point-in-area look-up (cached polygons)', () => {
  const ctx = useTestDb();

  it('finds the same wijk and buurt as the SQL scan: inside, on an edge or a corner, and outside', async () => {
    const db = ctx.database.db;
    await createTenant(db, KRIMPEN);
    await createTenant(db, GRONINGEN);
    await importDemoAreas(db, { now: NOW, tenants: [KRIMPEN, GRONINGEN], dataDir: 'seed-data/cbs' });
    for (const tenant of [KRIMPEN.id, GRONINGEN.id]) {
      const areas = (await store.listAreas(db, tenant, {})).filter((a) => a.geometry && a.min_lon !== null);
      assert.ok(areas.length > 0);
      const points: [number, number][] = [];
      for (const a of areas) {
        const ring = ringOf(a.geometry!);
        const [x0, y0] = ring[0]!;
        const [x1, y1] = ring[1]!;
        points.push([a.label_lon ?? x0, a.label_lat ?? y0]); // inside
        points.push([x0, y0]); // a corner
        points.push([(x0 + x1) / 2, (y0 + y1) / 2]); // on an edge
        points.push([a.max_lon! + 0.05, a.max_lat! + 0.05]); // beyond the box
      }
      // A grid over the municipality's box, so points near borders between buurten are covered too.
      const minLon = Math.min(...areas.map((a) => a.min_lon!));
      const maxLon = Math.max(...areas.map((a) => a.max_lon!));
      const minLat = Math.min(...areas.map((a) => a.min_lat!));
      const maxLat = Math.max(...areas.map((a) => a.max_lat!));
      for (let i = 0; i <= 12; i++) {
        for (let j = 0; j <= 12; j++) points.push([minLon + ((maxLon - minLon) * i) / 12, minLat + ((maxLat - minLat) * j) / 12]);
      }
      let found = 0;
      for (const [lon, lat] of points) {
        const expected = await oldScan(db, tenant, lon, lat);
        assert.deepEqual(await locatePoint(db, tenant, lon, lat), expected, `${tenant} at ${lon},${lat}`);
        // Inside a transaction the cache gives the same answer.
        assert.deepEqual(await inTransaction(db, (trx) => locatePoint(trx, tenant, lon, lat)), expected);
        if (expected.neighbourhood || expected.district) found++;
      }
      assert.ok(found > areas.length, 'most points lie in an area');
    }
    assert.deepEqual(
      await locatePoint(db, KRIMPEN.id, 6.56, 53.22),
      { district: null, neighbourhood: null },
      'Groningen is not in Krimpen',
    );
  });

  it('sees a new areas version at once, and never caches what a transaction has not committed', async () => {
    const db = ctx.database.db;
    const lon = 4.6;
    const lat = 51.915;
    const before = await locatePoint(db, KRIMPEN.id, lon, lat);
    assert.ok(before.neighbourhood, 'the point lies in a Krimpen buurt');
    const square: GeoJsonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [lon - 0.001, lat - 0.001],
          [lon + 0.001, lat - 0.001],
          [lon + 0.001, lat + 0.001],
          [lon - 0.001, lat + 0.001],
          [lon - 0.001, lat - 0.001],
        ],
      ],
    };
    const write = {
      code: before.neighbourhood.code,
      level: 'neighbourhood' as const,
      name: 'Verplaatste buurt',
      parentCode: before.district?.code ?? null,
      year: 2026,
      geometry: square,
      bbox: { minLon: lon - 0.001, minLat: lat - 0.001, maxLon: lon + 0.001, maxLat: lat + 0.001 },
      label: [lon, lat] as [number, number],
      approximate: true,
      source: 'test',
      stats: {},
    };
    // A rolled-back import: inside it the new polygon is seen, afterwards the old one again.
    await assert.rejects(
      inTransaction(db, async (trx) => {
        await store.upsertAreas(trx, KRIMPEN.id, [{ ...write, name: 'Nooit gezien' }], NOW);
        assert.equal((await locatePoint(trx, KRIMPEN.id, lon, lat)).neighbourhood?.name, 'Nooit gezien');
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.deepEqual(await locatePoint(db, KRIMPEN.id, lon, lat), before);
    // A committed import (a new areas version): the next look-up sees it, inside a transaction too.
    await store.upsertAreas(db, KRIMPEN.id, [write], NOW);
    assert.deepEqual((await locatePoint(db, KRIMPEN.id, lon, lat)).neighbourhood, { code: write.code, name: 'Verplaatste buurt' });
    assert.deepEqual(await inTransaction(db, (trx) => locatePoint(trx, KRIMPEN.id, lon, lat)), await oldScan(db, KRIMPEN.id, lon, lat));
    // Just outside the new, smaller polygon the buurt is no longer found.
    const outside = await locatePoint(db, KRIMPEN.id, lon + 0.0015, lat);
    assert.deepEqual(outside, await oldScan(db, KRIMPEN.id, lon + 0.0015, lat));
    assert.notEqual(outside.neighbourhood?.code, write.code);
  });
});
