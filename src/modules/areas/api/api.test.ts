import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { importDemoAreas } from '../areas.service.ts';

describe('areas API', () => {
  const ctx = useTestApp();
  before(async () => {
    await importDemoAreas(ctx.database.db, {
      now: new Date('2026-11-23T10:00:00Z'),
      tenants: [
        { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' },
        { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' },
      ],
      dataDir: 'seed-data/cbs',
    });
  });
  const get = (url: string) => ctx.app.inject({ method: 'GET', url });

  it('lists the areas of a tenant, filtered by level', async () => {
    const res = await get('/heerhugowaard/api/areas?level=district');
    assert.equal(res.statusCode, 200);
    const { areas } = res.json() as { areas: { code: string; level: string; parentCode: string; year: number; approximate: boolean }[] };
    assert.equal(areas.length, 19);
    assert.ok(areas.every((a) => a.level === 'district' && a.parentCode === 'GM1980' && a.year === 2024 && !a.approximate));
    const all = (await get('/heerhugowaard/api/areas')).json() as { areas: { level: string }[] };
    assert.ok(all.areas.some((a) => a.level === 'neighbourhood'));
    assert.equal((await get('/heerhugowaard/api/areas?level=provincie')).statusCode, 400);
  });

  it('gives one area as a GeoJSON Feature with its key figures', async () => {
    const res = await get('/heerhugowaard/api/areas/WK198010');
    assert.equal(res.statusCode, 200);
    const f = res.json() as {
      type: string;
      id: string;
      geometry: { type: string };
      properties: { name: string; stats: Record<string, number> };
    };
    assert.equal(f.type, 'Feature');
    assert.equal(f.id, 'WK198010');
    assert.equal(f.geometry.type, 'Polygon');
    assert.equal(f.properties.name, 'Schrijverswijk');
    assert.equal(f.properties.stats.inhabitants, 2875);
    const missing = await get('/heerhugowaard/api/areas/WK054200');
    assert.equal(missing.statusCode, 404);
    assert.equal((missing.json() as { error: { code: string } }).error.code, 'not_found');
    assert.equal((await get('/heerhugowaard/api/areas/nonsense')).statusCode, 400);
  });

  it('finds the wijk and buurt of a point', async () => {
    const res = await get('/krimpen-aan-den-ijssel/api/areas/lookup?lat=51.915&lon=4.6');
    assert.equal(res.statusCode, 200);
    const body = res.json() as { district: { code: string; name: string }; neighbourhood: { code: string } | null };
    assert.deepEqual(body.district, { code: 'WK054200', name: 'Wijk 00 Krimpen aan den IJssel' });
    assert.match(body.neighbourhood?.code ?? '', /^BU0542/);
  });

  it('answers 404 for a point outside the municipality and 400 for bad coordinates', async () => {
    const outside = await get('/krimpen-aan-den-ijssel/api/areas/lookup?lat=53.22&lon=6.56');
    assert.equal(outside.statusCode, 404);
    assert.match((outside.json() as { error: { message: string } }).error.message, /ligt niet in een wijk of buurt van deze gemeente/);
    for (const q of ['lat=91&lon=4.6', 'lat=51.9&lon=-181', 'lat=abc&lon=4.6', 'lon=4.6']) {
      const res = await get(`/krimpen-aan-den-ijssel/api/areas/lookup?${q}`);
      assert.equal(res.statusCode, 400, q);
      assert.equal((res.json() as { error: { code: string } }).error.code, 'invalid', q);
    }
  });

  it('is described in the OpenAPI document under the tag areas', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    for (const path of ['/{tenant}/api/areas', '/{tenant}/api/areas/lookup', '/{tenant}/api/areas/{code}']) {
      assert.deepEqual(doc.paths[path]?.get?.tags, ['areas'], path);
    }
  });
});
