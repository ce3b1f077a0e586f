import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { createTenant, getArea, importAreas, listAreas } from '../areas.service.ts';
import { AppError } from '../../../platform/errors.ts';

const cbsWijken = JSON.parse(readFileSync('seed-data/cbs/cbs_wijken_2024_pilotgemeenten.geojson', 'utf8')) as {
  type: string;
  features: { properties: { gemeentecode: string; wijkcode: string } }[];
};
const feature = (code: string, name: string, coordinates: unknown, type = 'Polygon') => ({
  type: 'Feature',
  properties: { wijkcode: code, wijknaam: name },
  geometry: { type, coordinates },
});
const square = [
  [
    [4.6, 51.9],
    [4.61, 51.9],
    [4.61, 51.91],
    [4.6, 51.91],
    [4.6, 51.9],
  ],
];

describe('importAreas', () => {
  const ctx = useTestDb();

  it('imports the CBS wijken of a municipality with their key figures', async () => {
    const db = ctx.database.db;
    await createTenant(db, { id: 'GM0014', slug: 'groningen', name: 'Groningen' });
    const own = { ...cbsWijken, features: cbsWijken.features.filter((f) => f.properties.gemeentecode === 'GM0014') };
    const progress: number[] = [];
    const report = await importAreas(db, {
      now: new Date('2026-11-23T10:00:00Z'),
      tenantId: 'GM0014',
      geojson: own,
      level: 'district',
      year: 2024,
      source: 'CBS',
      onProgress: (d) => progress.push(d),
    });
    assert.deepEqual(report, { created: 20, updated: 0, rejected: [] });
    assert.equal(progress.at(-1), 20);
    const centrum = await getArea(db, 'GM0014', 'WK001400');
    assert.equal(centrum?.name, 'Centrum');
    assert.equal(centrum?.parentCode, 'GM0014');
    assert.equal(centrum?.stats.inhabitants, 24920);
    assert.equal(centrum?.stats.age65plus, 9);
    assert.equal(centrum?.geometry?.type, 'Polygon');
    const again = await importAreas(db, {
      now: new Date('2026-11-23T10:00:00Z'),
      tenantId: 'GM0014',
      geojson: JSON.stringify(own),
      level: 'district',
      year: 2024,
      source: 'CBS',
    });
    assert.deepEqual(again, { created: 0, updated: 20, rejected: [] });
    assert.equal((await listAreas(db, 'GM0014', { level: 'district' })).length, 20);
  });

  it('rejects non-polygons, wrong codes, codes of another municipality and missing names, and keeps the rest', async () => {
    const db = ctx.database.db;
    await createTenant(db, { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' });
    const report = await importAreas(db, {
      now: new Date('2026-11-23T10:00:00Z'),
      tenantId: 'GM0542',
      level: 'district',
      year: 2024,
      source: 'test',
      geojson: {
        type: 'FeatureCollection',
        features: [
          feature('WK054200', 'Krimpen', square),
          feature('WK054201', 'Punt', [4.6, 51.9], 'Point'),
          feature(
            'WK054202',
            'Lijn',
            [
              [4.6, 51.9],
              [4.7, 51.9],
            ],
            'LineString',
          ),
          feature('WK54200', 'Kort', square),
          feature('BU05420000', 'Buurt', square),
          feature('WK001400', 'Groningen', square),
          feature('WK054203', '', square),
          feature('WK054204', 'Kapot', [
            [
              [4.6, 51.9],
              [4.7, 51.9],
            ],
          ]),
          feature('WK054200', 'Dubbel', square),
        ],
      },
    });
    assert.equal(report.created, 1);
    const reasons = report.rejected.map((r) => `${r.code}: ${r.reason}`);
    assert.deepEqual(reasons, [
      'WK054201: geen vlak (polygoon)',
      'WK054202: geen vlak (polygoon)',
      'WK54200: code heeft niet de goede vorm, bijvoorbeeld WK054200',
      'BU05420000: code heeft niet de goede vorm, bijvoorbeeld WK054200',
      'WK001400: code hoort bij een andere gemeente (GM0014)',
      'WK054203: naam ontbreekt (veld wijknaam)',
      'WK054204: coördinaten kloppen niet',
      'WK054200: code komt meer dan één keer voor',
    ]);
    assert.equal(await getArea(db, 'GM0542', 'WK001400'), null);
  });

  it('accepts codes of an allowed former municipality', async () => {
    const db = ctx.database.db;
    await createTenant(db, { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' });
    const report = await importAreas(db, {
      now: new Date('2026-11-23T10:00:00Z'),
      tenantId: 'GM1980',
      level: 'district',
      year: 2014,
      source: 'test',
      allowedPrefixes: ['GM0398'],
      geojson: {
        type: 'FeatureCollection',
        features: [feature('WK039801', 'Schrijverswijk', square), feature('WK041601', 'Langedijk', square)],
      },
    });
    assert.equal(report.created, 1);
    assert.equal(report.rejected[0]?.code, 'WK041601');
  });

  it('converts RD New coordinates to WGS84', async () => {
    const db = ctx.database.db;
    const rd = [
      [
        [155000, 463000],
        [155100, 463000],
        [155100, 463100],
        [155000, 463100],
        [155000, 463000],
      ],
    ];
    const report = await importAreas(db, {
      now: new Date('2026-11-23T10:00:00Z'),
      tenantId: 'GM0542',
      level: 'neighbourhood',
      year: 2024,
      source: 'test',
      geojson: {
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
        features: [
          { type: 'Feature', properties: { buurtcode: 'BU05420001', buurtnaam: 'Test' }, geometry: { type: 'Polygon', coordinates: rd } },
        ],
      },
    });
    assert.equal(report.created, 1);
    const area = await getArea(db, 'GM0542', 'BU05420001');
    assert.equal(area?.parentCode, 'WK054200');
    const [lon, lat] = (area?.geometry as { coordinates: [number, number][][] }).coordinates[0]![0]!;
    assert.ok(Math.abs(lon - 5.3872) < 0.0005 && Math.abs(lat - 52.1552) < 0.0005, `${lon},${lat}`);
  });

  it('writes nothing when the file is not JSON or not a FeatureCollection', async () => {
    const db = ctx.database.db;
    const before = (await listAreas(db, 'GM0542')).length;
    await assert.rejects(
      importAreas(db, {
        now: new Date('2026-11-23T10:00:00Z'),
        tenantId: 'GM0542',
        geojson: '{"type":"FeatureCollection","features":[',
        level: 'district',
        year: 2024,
        source: 'x',
      }),
      (e: unknown) => e instanceof AppError && e.status === 422 && e.message === 'areas.import.notJson',
    );
    await assert.rejects(
      importAreas(db, {
        now: new Date('2026-11-23T10:00:00Z'),
        tenantId: 'GM0542',
        geojson: { type: 'Feature' },
        level: 'district',
        year: 2024,
        source: 'x',
      }),
      (e: unknown) => e instanceof AppError && e.status === 422 && e.message === 'areas.import.notFeatureCollection',
    );
    await assert.rejects(
      importAreas(db, {
        now: new Date('2026-11-23T10:00:00Z'),
        tenantId: 'GM9999',
        geojson: { type: 'FeatureCollection', features: [] },
        level: 'district',
        year: 2024,
        source: 'x',
      }),
      (e: unknown) => e instanceof AppError && e.status === 404,
    );
    assert.equal((await listAreas(db, 'GM0542')).length, before);
  });
});
