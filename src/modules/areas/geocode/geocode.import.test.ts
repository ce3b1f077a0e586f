import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { testConfig } from '../../../platform/config.ts';
import { addressImportSummary, importAddressesCommand } from '../../../cli/import-addresses.ts';
import { createTenant, importDemoAreas } from '../areas.service.ts';
import { importAddresses } from './geocode.import.ts';
import { countAddresses, addressesAtPostcode } from './geocode.store.ts';
import { readHeader, splitCsvLine } from './geocode.import.ts';
import initSqlJs from 'sql.js';
import { geoPackageToCsv, gpkgPoint, isSqlite } from './geocode.gpkg.ts';

const FIXTURE = 'test/fixtures/bag-adressen-groningen.csv';

/** A GeoPackage geometry: "GP" header (little-endian, no envelope) + WKB point. */
function gpBlob(x: number, y: number, srs = 28992): Uint8Array {
  const b = new Uint8Array(8 + 21);
  const v = new DataView(b.buffer);
  b.set([0x47, 0x50, 0, 0b0000_0001]);
  v.setInt32(4, srs, true);
  b[8] = 1;
  v.setUint32(9, 1, true);
  v.setFloat64(13, x, true);
  v.setFloat64(21, y, true);
  return b;
}

/** A small GeoPackage in the layout of PDOK's bag-light.gpkg: a `pand` layer and a `verblijfsobject` point layer (RD New). */
async function bagLightGpkg(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`
    create table gpkg_contents (table_name text primary key, data_type text not null, identifier text, srs_id integer);
    create table gpkg_geometry_columns (table_name text, column_name text, geometry_type_name text, srs_id integer, z integer, m integer);
    create table pand (fid integer primary key, geom blob, identificatie text);
    create table verblijfsobject (fid integer primary key, geom blob, identificatie text, openbare_ruimte_naam text, huisnummer integer,
      huisletter text, toevoeging text, postcode text, woonplaats_naam text, nummeraanduiding_hoofdadres_identificatie text);
    insert into gpkg_contents values ('pand', 'features', 'pand', 28992), ('verblijfsobject', 'features', 'verblijfsobject', 28992);
    insert into gpkg_geometry_columns values ('pand', 'geom', 'POLYGON', 28992, 0, 0), ('verblijfsobject', 'geom', 'POINT', 28992, 0, 0);`);
  const ins = db.prepare(
    'insert into verblijfsobject (geom, identificatie, openbare_ruimte_naam, huisnummer, huisletter, toevoeging, postcode, woonplaats_naam, nummeraanduiding_hoofdadres_identificatie) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  ins.run([gpBlob(234120.306, 581870.814), '0014010000000020', 'Poelestraat', 20, null, null, '9711PK', 'Groningen', '0014200000000020']);
  ins.run([gpBlob(234153.336, 581893.619), '0014010000000022', 'Poelestraat', 22, 'B', '1', '9711PK', 'Groningen', '0014200000000022']);
  ins.run([
    gpBlob(100839.486, 436572.069),
    '0542010000000001',
    'Raadhuisplein',
    1,
    null,
    null,
    '2921AA',
    'Krimpen aan den IJssel',
    '0542200000000001',
  ]);
  ins.free();
  const bytes = db.export();
  db.close();
  return bytes;
}

describe('BAG address import', () => {
  const ctx = useTestDb();
  const csv = readFileSync(FIXTURE, 'utf8');

  before(async () => {
    const db = ctx.database.db;
    await createTenant(db, GRONINGEN);
    await createTenant(db, KRIMPEN);
    await importDemoAreas(db, { now: TEST_NOW, tenants: [GRONINGEN, KRIMPEN], dataDir: 'seed-data/cbs' });
  });

  it('reads the BAG CSV layouts: separator and columns from the header, quoted fields', () => {
    const h = readHeader(csv.split('\n')[0]!);
    assert.equal(h.sep, ';');
    assert.deepEqual(h.missing, []);
    assert.equal(h.at.street, 0);
    assert.equal(h.at.x, 18);
    assert.deepEqual(splitCsvLine('"Noorderhaven NZ";3;"a ""b""";', ';'), ['Noorderhaven NZ', '3', 'a "b"', '']);
    // The short NLExtract layout and a comma-separated export with other names work too.
    assert.deepEqual(
      readHeader(
        'openbareruimte;huisnummer;huisletter;huisnummertoevoeging;postcode;woonplaats;gemeente;provincie;object_id;object_type;nevenadres;x;y;lon;lat',
      ).missing,
      [],
    );
    assert.deepEqual(readHeader('straat,huisnummer,toevoeging,postcode,woonplaats,latitude,longitude').missing, []);
    assert.deepEqual(readHeader('straat;postcode').missing, ['huisnummer', 'woonplaats', 'x/y (of lon/lat)']);
  });

  it('imports the good rows (RD New converted), reports each bad row with its line and reason', async () => {
    const db = ctx.database.db;
    const progress: string[] = [];
    const report = await importAddresses(db, {
      tenantId: GRONINGEN.id,
      csv,
      now: TEST_NOW,
      onProgress: (p, d, t) => progress.push(`${p} ${d}/${t}`),
    });
    assert.equal(report.created, 6);
    assert.equal(report.updated, 0);
    assert.equal(report.checkedInside, true);
    assert.deepEqual(
      report.rejected.map((r) => [r.row, r.reason]),
      [
        [8, 'areas.geocode.reject.postcode'],
        [9, 'areas.geocode.reject.number'],
        [10, 'areas.geocode.reject.coordinates'],
        [11, 'areas.geocode.reject.outside'],
        [12, 'areas.geocode.reject.duplicate'],
      ],
    );
    assert.equal(report.rejected[3]!.params?.address, 'Raadhuisplein 1, Krimpen aan den IJssel');
    assert.ok(progress.includes('check 11/11') && progress.includes('write 6/6'), progress.join(','));
    const at = await addressesAtPostcode(db, GRONINGEN.id, '9711NV');
    assert.deepEqual(
      at.map((a) => [a.street, a.house_number, a.house_letter, a.house_addition, a.bag_id]),
      [
        ['Oosterstraat', 10, '', '', '0014200000000010'],
        ['Oosterstraat', 10, 'A', '', '0014200000000011'],
        ['Oosterstraat', 12, '', '2', '0014200000000012'],
      ],
    );
    // x/y (RD New) were converted: within a few centimetres of the lon/lat the file also gives.
    assert.ok(Math.abs(at[0]!.lat - 53.2176) < 1e-6 && Math.abs(at[0]!.lon - 6.5717) < 1e-6, `${at[0]!.lat} ${at[0]!.lon}`);
    const here = await addressesAtPostcode(db, GRONINGEN.id, '9711LA');
    assert.equal(here[0]!.lat, 53.215, 'lon/lat used when x/y are empty');
    assert.equal(await countAddresses(db, KRIMPEN.id), 0);
  });

  it('a second import updates instead of duplicating', async () => {
    const report = await importAddresses(ctx.database.db, { tenantId: GRONINGEN.id, csv, now: TEST_NOW });
    assert.equal(report.created, 0);
    assert.equal(report.updated, 6);
    assert.equal(await countAddresses(ctx.database.db, GRONINGEN.id), 6);
  });

  it('is all-or-nothing: a failure while writing leaves the table as it was', async () => {
    const db = ctx.database.db;
    const before = await countAddresses(db, GRONINGEN.id);
    const fresh = ['openbareruimte;huisnummer;postcode;woonplaats;lon;lat', 'Nieuwstraat;1;9711AA;Groningen;6.5717;53.2176'];
    // 1,001 rows: the first batch of 1,000 is written, then the second fails in the database (a NUL byte in a text).
    for (let i = 2; i <= 1000; i++) fresh.push(`Nieuwstraat;${i};9711AA;Groningen;6.5717;53.2176`);
    fresh.push('Nieuw\u0000straat;1001;9711AA;Groningen;6.5717;53.2176');
    await assert.rejects(importAddresses(db, { tenantId: GRONINGEN.id, csv: fresh.join('\n'), now: TEST_NOW }));
    assert.equal(await countAddresses(db, GRONINGEN.id), before, 'nothing of the failed import stays');
  });

  it('a file without the needed columns writes nothing and says which columns are missing', async () => {
    const report = await importAddresses(ctx.database.db, { tenantId: GRONINGEN.id, csv: 'straat;postcode\nA;9711AA\n', now: TEST_NOW });
    assert.equal(report.created + report.updated, 0);
    assert.deepEqual(report.rejected, [
      { row: 1, reason: 'areas.geocode.reject.columns', params: { columns: 'huisnummer, woonplaats, x/y (of lon/lat)' } },
    ]);
  });

  it('reads the BAG GeoPackage (bag-light layout): the verblijfsobject layer, RD points converted', async () => {
    const bytes = await bagLightGpkg();
    assert.equal(isSqlite(bytes), true);
    assert.equal(isSqlite(new TextEncoder().encode(csv)), false);
    const gpkg = await geoPackageToCsv(bytes);
    assert.ok(gpkg.ok && gpkg.layer === 'verblijfsobject');
    const report = await importAddresses(ctx.database.db, { tenantId: GRONINGEN.id, csv: gpkg.csv, now: TEST_NOW });
    assert.deepEqual([report.created, report.updated], [2, 0]);
    assert.deepEqual(
      report.rejected.map((r) => [r.row, r.reason]),
      [[4, 'areas.geocode.reject.outside']],
    );
    const at = await addressesAtPostcode(ctx.database.db, GRONINGEN.id, '9711PK');
    assert.deepEqual(
      at.map((a) => [a.street, a.house_number, a.house_letter, a.house_addition, a.bag_id]),
      [
        ['Poelestraat', 20, '', '', '0014200000000020'],
        ['Poelestraat', 22, 'B', '1', '0014200000000022'],
      ],
    );
    assert.ok(Math.abs(at[0]!.lat - 53.2176) < 1e-6 && Math.abs(at[0]!.lon - 6.5717) < 1e-6);
    // A polygon with an envelope gives the envelope's centre; an empty geometry none.
    const env = new Uint8Array(8 + 32);
    env.set([0x47, 0x50, 0, 0b0000_0011]);
    [0, 10, 100, 120].forEach((n, i) => new DataView(env.buffer).setFloat64(8 + i * 8, n, true));
    assert.deepEqual(gpkgPoint(env), [5, 110]);
    assert.equal(gpkgPoint(new Uint8Array([0x47, 0x50, 0, 0b0001_0001, 0, 0, 0, 0])), null);
    // Through the command: a .gpkg file is recognised by its bytes.
    const dir = mkdtempSync(join(tmpdir(), 'sh-gpkg-'));
    writeFileSync(join(dir, 'bag-light.gpkg'), bytes);
    const code = await importAddressesCommand({
      config: testConfig(),
      database: { ...ctx.database, close: async () => undefined },
      clock: fixedClock(TEST_NOW.toISOString()),
      args: [join(dir, 'bag-light.gpkg'), '--tenant', 'GM0014'],
      parseArgs,
    });
    assert.equal(code, 0);
    const empty = new (await initSqlJs()).Database();
    writeFileSync(join(dir, 'leeg.gpkg'), empty.export());
    empty.close();
    assert.equal(
      await importAddressesCommand({
        config: testConfig(),
        database: { ...ctx.database, close: async () => undefined },
        clock: fixedClock(TEST_NOW.toISOString()),
        args: [join(dir, 'leeg.gpkg'), '--tenant', 'GM0014'],
        parseArgs,
      }),
      2,
      'an SQLite file that is no GeoPackage',
    );
  });

  it('samenhang import-addresses: by slug, summary with rejected rows; exit 2 on bad input', async () => {
    // (stdout is the test runner's channel: the command's output is checked through its summary function.)
    const run = (...args: string[]) =>
      importAddressesCommand({
        config: testConfig(),
        database: { ...ctx.database, close: async () => undefined },
        clock: fixedClock(TEST_NOW.toISOString()),
        args,
        parseArgs,
      });
    assert.equal(await run(FIXTURE, '--tenant', 'groningen'), 0);
    assert.equal(await countAddresses(ctx.database.db, GRONINGEN.id), 8, 'the 6 of the CSV and the 2 of the GeoPackage');
    const text = addressImportSummary(await importAddresses(ctx.database.db, { tenantId: GRONINGEN.id, csv, now: TEST_NOW }));
    assert.match(text, /^Nieuw: 0\nBijgewerkt: 6\nAfgewezen: 5\n/);
    assert.match(text, /regel 8: postcode klopt niet \(0711AB\)/);
    assert.match(text, /regel 11: ligt niet in de gemeente \(Raadhuisplein 1, Krimpen aan den IJssel\)/);
    assert.equal(await run(FIXTURE), 2, 'no tenant');
    assert.equal(await run(FIXTURE, '--tenant', 'bestaat-niet'), 2);
    assert.equal(await run('/does/not/exist.csv', '--tenant', 'groningen'), 2);
    const dir = mkdtempSync(join(tmpdir(), 'sh-addr-'));
    writeFileSync(join(dir, 'a.csv'), 'x');
    assert.equal(await run(join(dir, 'a.csv'), join(dir, 'b.csv'), '--tenant', 'groningen'), 2, 'two files');
  });
});
