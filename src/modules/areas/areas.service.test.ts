import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useTestDb } from '../../../test/helpers/app.ts';
import { AppError } from '../../platform/errors.ts';
import { createTenant, descendantCodes, findTenantById, getArea, importDemoAreas, listAreas, locatePoint } from './areas.service.ts';
import { pointInGeometry } from './geo.ts';

const DEMO = [
  { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' },
  { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' },
  { id: 'GM0014', slug: 'groningen', name: 'Groningen' },
];

describe('areas service', () => {
  const ctx = useTestDb();

  it('creates tenants, refusing bad codes, bad slugs and duplicates', async () => {
    const db = ctx.database.db;
    const t = await createTenant(db, { id: 'GM0599', slug: 'rotterdam', name: ' Rotterdam ' });
    assert.deepEqual(t, { id: 'GM0599', slug: 'rotterdam', name: 'Rotterdam' });
    assert.equal((await findTenantById(db, 'GM0599'))?.slug, 'rotterdam');
    await assert.rejects(
      createTenant(db, { id: 'GM599', slug: 'x', name: 'X' }),
      (e: unknown) => e instanceof AppError && e.status === 422 && 'id' in (e.fields ?? {}),
    );
    await assert.rejects(
      createTenant(db, { id: 'GM0598', slug: 'Bad Slug', name: 'X' }),
      (e: unknown) => e instanceof AppError && e.status === 422 && 'slug' in (e.fields ?? {}),
    );
    // A slug equal to a fixed page (/aanmelden, /api…) would make that municipality unreachable.
    for (const slug of ['aanmelden', 'api', 'beheer']) {
      await assert.rejects(
        createTenant(db, { id: 'GM0597', slug, name: 'X' }),
        (e: unknown) => e instanceof AppError && e.status === 422 && e.fields?.slug === 'areas.tenant.reservedSlug',
      );
    }
    await assert.rejects(
      createTenant(db, { id: 'GM0599', slug: 'other', name: 'X' }),
      (e: unknown) => e instanceof AppError && e.status === 409,
    );
    await assert.rejects(
      createTenant(db, { id: 'GM0597', slug: 'rotterdam', name: 'X' }),
      (e: unknown) => e instanceof AppError && e.status === 409,
    );
  });

  it('loads the demo areas: municipalities, CBS wijken and approximate buurten', async () => {
    const db = ctx.database.db;
    const messages: string[] = [];
    const result = await importDemoAreas(db, {
      now: new Date('2026-11-23T10:00:00Z'),
      tenants: DEMO,
      dataDir: 'seed-data/cbs',
      onProgress: (m) => messages.push(m),
    });
    assert.equal(messages.length, 3);
    const byId = Object.fromEntries(result.map((r) => [r.tenantId, r]));
    assert.equal(byId.GM0542?.districts, 1);
    assert.equal(byId.GM1980?.districts, 19);
    assert.equal(byId.GM0014?.districts, 20);
    for (const r of result) assert.ok(r.neighbourhoods > 0, `${r.tenantId} has buurten`);

    const krimpen = await getArea(db, 'GM0542', 'GM0542');
    assert.equal(krimpen?.level, 'municipality');
    assert.equal(krimpen?.stats.inhabitants, 29626, 'CBS municipality figure');
    const hhw = await getArea(db, 'GM1980', 'GM1980');
    const hhwWijken = await listAreas(db, 'GM1980', { level: 'district' });
    assert.ok(hhwWijken.every((w) => w.code >= 'WK198010' && w.code <= 'WK198028'));
    assert.equal(
      hhw?.stats.inhabitants,
      hhwWijken.reduce((n, w) => n + (w.stats.inhabitants ?? 0), 0),
      'sum of its wijken',
    );
    const schrijverswijk = await getArea(db, 'GM1980', 'WK198010');
    assert.equal(schrijverswijk?.stats.inhabitants, 2875);

    const buurten = await listAreas(db, 'GM0014', { level: 'neighbourhood' });
    const one = buurten[0]!;
    assert.equal(one.approximate, true);
    assert.equal(one.year, 2014);
    assert.equal(one.source, 'CBS 2014 labelpunten, benaderde grenzen');
    assert.deepEqual(one.stats, {});
    assert.ok(one.geometry && one.label && pointInGeometry(one.label[0], one.label[1], one.geometry));
    assert.match(one.parentCode ?? '', /^WK0014\d\d$/);
    const hhwBuurten = await listAreas(db, 'GM1980', { level: 'neighbourhood' });
    assert.ok(hhwBuurten.every((b) => b.code.startsWith('BU0398')));

    // Running it again updates in place.
    await importDemoAreas(db, { now: new Date('2026-11-23T10:00:00Z'), tenants: DEMO, dataDir: 'seed-data/cbs' });
    assert.equal((await listAreas(db, 'GM0014', { level: 'neighbourhood' })).length, buurten.length);
  });

  it('locates points in the Krimpen wijk and in a Groningen buurt', async () => {
    const db = ctx.database.db;
    const krimpen = await locatePoint(db, 'GM0542', 4.6, 51.915);
    assert.deepEqual(krimpen.district, { code: 'WK054200', name: 'Wijk 00 Krimpen aan den IJssel' });
    assert.ok(krimpen.neighbourhood?.code.startsWith('BU0542'));

    const csv = readFileSync('seed-data/cbs/cbs_wijken_buurten_2014_labels_pilotgemeenten.csv', 'utf8').split('\n');
    const known = new Set((await listAreas(db, 'GM0014', { level: 'neighbourhood' })).map((b) => b.code));
    const row = csv.map((l) => l.split(',')).find((c) => c[0] === 'buurt' && c[3] === 'GM0014' && known.has(c[1]!))!;
    const found = await locatePoint(db, 'GM0014', Number(row[4]), Number(row[5]));
    assert.equal(found.neighbourhood?.code, row[1]);
    assert.equal(found.neighbourhood?.name, row[2]);
    assert.match(found.district?.code ?? '', /^WK0014/);

    assert.deepEqual(await locatePoint(db, 'GM0542', 6.56, 53.22), { district: null, neighbourhood: null }, 'Groningen is not in Krimpen');
  });

  it('lists the codes below an area', async () => {
    const db = ctx.database.db;
    const buurten = await listAreas(db, 'GM0542', { parentCode: 'WK054200' });
    const codes = await descendantCodes(db, 'GM0542', 'WK054200');
    assert.deepEqual(codes.sort(), ['WK054200', ...buurten.map((b) => b.code)].sort());
    assert.deepEqual(await descendantCodes(db, 'GM0542', buurten[0]!.code), [buurten[0]!.code]);
    const all = await descendantCodes(db, 'GM0542', 'GM0542');
    assert.equal(all.length, 1 + 1 + buurten.length);
    await assert.rejects(descendantCodes(db, 'GM0542', 'WK001400'), (e: unknown) => e instanceof AppError && e.status === 404);
  });
});
