import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../platform/config.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { configureAreaCache, TENANT_TTL_MS } from './areas.cache.ts';
import { createTenant, findTenantBySlug, importAreas, importDemoAreas } from './areas.service.ts';
import * as store from './areas.store.ts';
import { insertTenant } from '../../platform/tenants/tenants.service.ts';

/** A wijk as a GeoJSON feature: a small square whose south-west corner is (lon, lat). */
const wijk = (code: string, name: string, lon: number, lat: number) => ({
  type: 'Feature',
  properties: { wijkcode: code, wijknaam: name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + 0.01, lat],
        [lon + 0.01, lat + 0.01],
        [lon, lat + 0.01],
        [lon, lat],
      ],
    ],
  },
});
const districts = (tenantId: string, features: unknown[]) =>
  ({ tenantId, level: 'district', year: 2024, source: 'test', features, now: new Date('2026-11-23T10:00:00Z') }) as const;

/** Links to neighbourhood pages in a page, in order. */
const links = (html: string) => [...html.matchAll(/href="\/[a-z-]+\/wijken\/([A-Z0-9]+)"/g)].map((m) => m[1]);

describe('areas caches', () => {
  const ctx = useTestApp();
  // The cache's own clock: it only moves when a test moves it, so the tenant TTL is under test control.
  let now = 0;

  before(async () => {
    configureAreaCache(ctx.app.db, { now: () => now });
    const db = ctx.database.db;
    await createTenant(db, { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' });
    await createTenant(db, { id: 'GM0014', slug: 'groningen', name: 'Groningen' });
    await importAreas(db, districts('GM0542', [wijk('WK054200', 'Oud Krimpen', 4.6, 51.9)]));
    await importAreas(db, districts('GM0014', [wijk('WK001400', 'Centrum', 6.56, 53.21)]));
  });

  it('shows newly imported or renamed areas at once, on the home and on the area pages', async () => {
    const browser = new TestBrowser(ctx.app);
    const first = await browser.get('/krimpen-aan-den-ijssel/');
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /Oud Krimpen/);
    assert.doesNotMatch(first.body, /Lansingh/);
    assert.equal((await browser.get('/krimpen-aan-den-ijssel/wijken/WK054201')).statusCode, 404);

    await importAreas(
      ctx.database.db,
      districts('GM0542', [wijk('WK054201', 'Lansingh-Zuid', 4.61, 51.9), wijk('WK054200', 'Oud Krimpen-Centrum', 4.6, 51.9)]),
    );
    const home = await browser.get('/krimpen-aan-den-ijssel/');
    assert.match(home.body, /<title>Lansingh-Zuid<\/title>/, 'the new wijk is on the map');
    assert.match(home.body, /<title>Oud Krimpen-Centrum<\/title>/, 'the renamed wijk is on the map');
    assert.deepEqual(links(home.body).sort(), ['WK054200', 'WK054200', 'WK054201', 'WK054201'], 'map and table link both wijken');
    const page = await browser.get('/krimpen-aan-den-ijssel/wijken/WK054201');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1[^>]*>Lansingh-Zuid<\/h1>/);
    const municipality = await browser.get('/krimpen-aan-den-ijssel/wijken/GM0542');
    assert.equal(municipality.statusCode, 404, 'no municipality area was imported');
  });

  it('drops the caches when the demo areas are loaded', async () => {
    const browser = new TestBrowser(ctx.app);
    assert.equal((await browser.get('/krimpen-aan-den-ijssel/wijken/GM0542')).statusCode, 404);
    await importDemoAreas(ctx.database.db, {
      now: new Date('2026-11-23T10:00:00Z'),
      tenants: [{ id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' }],
      dataDir: 'seed-data/cbs',
    });
    const res = await browser.get('/krimpen-aan-den-ijssel/wijken/GM0542');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<dt>Inwoners<\/dt><dd>29\.626<\/dd>/);
  });

  it('never serves the areas or maps of another tenant', async () => {
    const browser = new TestBrowser(ctx.app);
    // Warm every cache of Krimpen first, then ask Groningen for the same kinds of pages.
    for (const url of ['/krimpen-aan-den-ijssel/', '/krimpen-aan-den-ijssel/wijken/WK054200', '/krimpen-aan-den-ijssel/wijken/GM0542']) {
      assert.equal((await browser.get(url)).statusCode, 200, url);
    }
    const home = await browser.get('/groningen/');
    assert.equal(home.statusCode, 200);
    assert.deepEqual(links(home.body), ['WK001400', 'WK001400']);
    assert.doesNotMatch(home.body, /Krimpen|WK0542/);
    assert.equal((await browser.get('/groningen/wijken/WK054200')).statusCode, 404, 'a cached wijk of another tenant');
    assert.equal((await browser.get('/groningen/wijken/GM0542')).statusCode, 404, 'another municipality');
    assert.equal((await browser.get('/krimpen-aan-den-ijssel/wijken/WK001400')).statusCode, 404);
    const centrum = await browser.get('/groningen/wijken/WK001400');
    assert.equal(centrum.statusCode, 200);
    assert.doesNotMatch(centrum.body, /Krimpen|WK0542/);
  });

  it('keeps two databases in one process apart, even for the same slug', async () => {
    const other = await createTestDatabase();
    try {
      await createTenant(other.db, { id: 'GM0014', slug: 'groningen', name: 'Groningen Test' });
      await importAreas(other.db, districts('GM0014', [wijk('WK001499', 'Elders', 6.5, 53.2)]));
      const app2 = await buildApp({ config: testConfig(), database: other });
      try {
        const a = new TestBrowser(ctx.app);
        const b = new TestBrowser(app2);
        for (let round = 0; round < 2; round++) {
          const mine = await a.get('/groningen/');
          const theirs = await b.get('/groningen/');
          assert.deepEqual(links(mine.body), ['WK001400', 'WK001400']);
          assert.deepEqual(links(theirs.body), ['WK001499', 'WK001499']);
          assert.match(theirs.body, /<h1[^>]*>Groningen Test<\/h1>/);
          assert.doesNotMatch(mine.body, /Groningen Test/);
        }
      } finally {
        await app2.close();
      }
    } finally {
      await other.close();
    }
  });

  it('sees writes of another process within the tenant TTL, through the areas version', async () => {
    const browser = new TestBrowser(ctx.app);
    assert.doesNotMatch((await browser.get('/groningen/')).body, /Oosterpoort/);
    // What another process does: write areas (which bumps the version) and rename the tenant,
    // without touching this process's caches.
    await inTransaction(ctx.database.db, async (trx) => {
      await store.upsertAreas(
        trx,
        'GM0014',
        [
          {
            code: 'WK001401',
            level: 'district',
            name: 'Oosterpoort',
            parentCode: 'GM0014',
            year: 2024,
            geometry: null,
            bbox: null,
            label: null,
            approximate: false,
            source: 'test',
            stats: {},
          },
        ],
        new Date(),
      );
      await trx.updateTable('tenants').set({ name: 'Gemeente Groningen' }).where('id', '=', 'GM0014').execute();
    });
    const cached = await browser.get('/groningen/');
    assert.doesNotMatch(cached.body, /Oosterpoort/, 'within the TTL this process may still show what it had');
    now += TENANT_TTL_MS + 1;
    const fresh = await browser.get('/groningen/');
    assert.match(fresh.body, /<h1[^>]*>Gemeente Groningen<\/h1>/);
    assert.match(fresh.body, /href="\/groningen\/wijken\/WK001401">Oosterpoort</);
    assert.equal((await browser.get('/groningen/wijken/WK001401')).statusCode, 200);
  });

  it('finds a new tenant at once: unknown slugs are not remembered', async () => {
    const browser = new TestBrowser(ctx.app);
    assert.equal((await browser.get('/nieuwegein/')).statusCode, 404);
    assert.equal(await findTenantBySlug(ctx.app.db, 'nieuwegein'), null);
    // As another process would: no in-process invalidation.
    await insertTenant(ctx.database.db, { id: 'GM0356', slug: 'nieuwegein', name: 'Nieuwegein' });
    const res = await browser.get('/nieuwegein/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1[^>]*>Nieuwegein<\/h1>/);
  });

  it('reads inside a transaction from the transaction, not from the cache', async () => {
    await findTenantBySlug(ctx.app.db, 'groningen'); // cached
    await inTransaction(ctx.database.db, async (trx) => {
      await trx.updateTable('tenants').set({ name: 'Groningen (tijdelijk)' }).where('id', '=', 'GM0014').execute();
      assert.equal((await findTenantBySlug(trx, 'groningen'))?.name, 'Groningen (tijdelijk)');
      await trx.updateTable('tenants').set({ name: 'Gemeente Groningen' }).where('id', '=', 'GM0014').execute();
    });
  });
});
