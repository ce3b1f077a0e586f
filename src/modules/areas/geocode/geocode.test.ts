import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { createTenant, geocode, geocodeNote, importDemoAreas, placeAddress, placePoint } from '../areas.service.ts';
import { importAddresses } from './geocode.import.ts';
import { parseAddressText, parseHouseNumber } from './geocode.parse.ts';
import { PC4_FILE, parsePc4Csv } from './geocode.pc4.ts';
import { suggestAddresses } from './geocode.service.ts';

describe('geocoder: local BAG table, then PC4 centroids (PDOK off)', () => {
  const ctx = useTestDb();
  const nl = translator('nl');

  before(async () => {
    const db = ctx.database.db;
    await createTenant(db, GRONINGEN);
    await createTenant(db, KRIMPEN);
    await importDemoAreas(db, { now: TEST_NOW, tenants: [GRONINGEN, KRIMPEN], dataDir: 'seed-data/cbs' });
  });

  it('parses typed addresses and house numbers', () => {
    assert.deepEqual(parseHouseNumber('12 a'), { number: 12, addition: 'a' });
    assert.deepEqual(parseHouseNumber('12-2'), { number: 12, addition: '2' });
    assert.equal(parseHouseNumber('0'), null);
    assert.equal(parseHouseNumber('twaalf'), null);
    const t = parseAddressText('Oosterstraat 10a, Groningen');
    assert.deepEqual([t.street, t.houseNumber, t.place, t.postcode], ['Oosterstraat', '10a', 'Groningen', null]);
    const u = parseAddressText('Oosterstraat 10, 9711 NV Groningen');
    assert.deepEqual([u.street, u.houseNumber, u.place, u.postcode], ['Oosterstraat', '10', 'Groningen', '9711NV']);
    assert.deepEqual(parseAddressText('9712 AB 12').houseNumber, '12');
  });

  it('a Groningen postcode that no table knows gets its PC4 centre from the shipped file, and says it is coarse', async () => {
    const r = await geocode(ctx.database.db, GRONINGEN.id, { postcode: '9712 AB', houseNumber: '12' });
    assert.ok(r.ok);
    assert.deepEqual(r.hit, { lat: 53.2216, lon: 6.5631, precision: 'pc4', source: 'pc4', label: '9712' });
    const note = geocodeNote(r.hit)!;
    assert.equal(nl(note.key, note.params), 'We zoeken vanaf het midden van postcodegebied 9712.');
    assert.equal(translator('en')(note.key, note.params), 'We search from the middle of postcode area 9712.');
  });

  it('every Groningen PC4 of the shipped file is found and lies in a Groningen wijk', async () => {
    const rows = [...parsePc4Csv(readFileSync(PC4_FILE, 'utf8')).values()].flat().filter((r) => r.municipality === GRONINGEN.id);
    assert.equal(rows.length, 50);
    for (const row of rows) {
      const r = await placeAddress(ctx.database.db, GRONINGEN.id, { postcode: `${row.pc4} AA` });
      assert.ok(r.ok, `${row.pc4}: ${JSON.stringify(r)}`);
      assert.equal(r.hit.source, 'pc4');
      assert.match(r.wijkCode ?? '', /^WK0014/, row.pc4);
    }
  });

  it('bad input: malformed, unknown and another municipality’s postcode each get their own message', async () => {
    const db = ctx.database.db;
    assert.deepEqual(await geocode(db, GRONINGEN.id, { postcode: 'hallo' }), {
      ok: false,
      field: 'postcode',
      reason: 'malformed',
      messageKey: 'areas.geocode.postcodeMalformed',
    });
    assert.deepEqual(await geocode(db, GRONINGEN.id, { postcode: '9712 AB', houseNumber: 'x1' }), {
      ok: false,
      field: 'huisnummer',
      reason: 'malformed',
      messageKey: 'areas.geocode.houseNumberMalformed',
    });
    const unknown = await geocode(db, GRONINGEN.id, { postcode: '9999 ZZ' });
    assert.ok(!unknown.ok && unknown.reason === 'unknown');
    assert.equal(nl(unknown.messageKey, unknown.params), 'We kennen postcode 9999 ZZ niet. Kijk of de postcode goed is.');
    const other = await geocode(db, KRIMPEN.id, { postcode: '9712 AB' });
    assert.ok(!other.ok && other.reason === 'outside');
    assert.equal(
      nl(other.messageKey, other.params),
      'Postcode 9712 AB ligt niet in de gemeente Krimpen aan den IJssel. Vul een adres in de gemeente in.',
    );
    const text = await geocode(db, GRONINGEN.id, { text: 'Nergensstraat 1' });
    assert.ok(!text.ok && text.field === 'adres' && text.reason === 'unknown');
    assert.equal((await geocode(db, GRONINGEN.id, { text: '!' })).ok, false);
  });

  it('a pin in the sea or in another municipality is refused; one in Groningen gets its wijk', async () => {
    const db = ctx.database.db;
    const sea = await placePoint(db, GRONINGEN.id, 53.5, 5.0);
    assert.ok(!sea.ok && sea.reason === 'outside' && sea.field === 'adres');
    assert.equal(nl(sea.messageKey, sea.params), 'Deze plek ligt niet in de gemeente Groningen. Kies een plek in de gemeente.');
    const krimpen = await placePoint(db, GRONINGEN.id, 51.915, 4.6);
    assert.ok(!krimpen.ok && krimpen.reason === 'outside');
    const bad = await placePoint(db, GRONINGEN.id, Number.NaN, 6.5);
    assert.ok(!bad.ok && bad.reason === 'malformed');
    const here = await placePoint(db, GRONINGEN.id, 53.2176, 6.5717);
    assert.ok(here.ok && here.wijkCode?.startsWith('WK0014'), JSON.stringify(here));
  });

  describe('with the municipality’s BAG addresses imported', () => {
    before(async () => {
      const report = await importAddresses(ctx.database.db, {
        tenantId: GRONINGEN.id,
        csv: readFileSync('test/fixtures/bag-adressen-groningen.csv', 'utf8'),
        now: TEST_NOW,
      });
      assert.equal(report.created, 6);
    });

    it('postcode + number: the exact address (letter and addition too), before PC4', async () => {
      const db = ctx.database.db;
      const r = await geocode(db, GRONINGEN.id, { postcode: '9711nv', houseNumber: '10' });
      assert.ok(r.ok);
      assert.deepEqual(r.hit, {
        lat: 53.2176,
        lon: 6.5717,
        precision: 'address',
        source: 'addresses',
        label: 'Oosterstraat 10, 9711 NV Groningen',
      });
      const a = await geocode(db, GRONINGEN.id, { postcode: '9711 NV', houseNumber: '10A' });
      assert.ok(a.ok && a.hit.label === 'Oosterstraat 10A, 9711 NV Groningen');
      const b = await geocode(db, GRONINGEN.id, { postcode: '9711 NV', houseNumber: '12-2' });
      assert.ok(b.ok && b.hit.label === 'Oosterstraat 12-2, 9711 NV Groningen');
      const pc = await geocode(db, GRONINGEN.id, { postcode: '9711 NV' });
      assert.ok(pc.ok && pc.hit.precision === 'postcode' && pc.hit.label === '9711 NV Groningen');
      assert.equal(geocodeNote(pc.hit)?.key, 'areas.geocode.note.postcode');
      assert.equal(geocodeNote(r.hit), null, 'an exact address needs no note');
    });

    it('a house number that is not on a known postcode is named, not guessed', async () => {
      const r = await geocode(ctx.database.db, GRONINGEN.id, { postcode: '9711 NV', houseNumber: '99' });
      assert.ok(!r.ok && r.field === 'huisnummer' && r.reason === 'unknown');
      assert.equal(nl(r.messageKey, r.params), 'Huisnummer 99 hoort niet bij postcode 9711 NV. Kijk of het huisnummer goed is.');
      const wrongLetter = await geocode(ctx.database.db, GRONINGEN.id, { postcode: '9711 NV', houseNumber: '10 Z' });
      assert.ok(!wrongLetter.ok && wrongLetter.field === 'huisnummer');
    });

    it('street + number, street alone, and a typed line with a postcode', async () => {
      const db = ctx.database.db;
      const r = await placeAddress(db, GRONINGEN.id, { text: 'oosterstraat 14, Groningen' });
      assert.ok(r.ok && r.hit.precision === 'address' && r.hit.label === 'Oosterstraat 14, 9711 NW Groningen');
      assert.match(r.wijkCode ?? '', /^WK0014/);
      const street = await geocode(db, GRONINGEN.id, { text: 'Oosterstraat' });
      assert.ok(street.ok && street.hit.precision === 'street' && street.hit.label === 'Oosterstraat, Groningen');
      const line = await geocode(db, GRONINGEN.id, { text: 'Noorderhaven NZ 3, 9712 AB Groningen' });
      assert.ok(line.ok && line.hit.source === 'addresses' && line.hit.precision === 'address');
      const missing = await geocode(db, GRONINGEN.id, { text: 'Oosterstraat 999' });
      assert.ok(!missing.ok && missing.field === 'adres');
      assert.equal(
        nl(missing.messageKey, missing.params),
        'Huisnummer 999 kennen we niet in de Oosterstraat. Kijk of het huisnummer goed is.',
      );
    });

    it('suggests addresses by street prefix and by postcode', async () => {
      const db = ctx.database.db;
      assert.deepEqual(
        (await suggestAddresses(db, GRONINGEN.id, 'ooster')).map((s) => s.label),
        [
          'Oosterstraat 10, 9711 NV Groningen',
          'Oosterstraat 10A, 9711 NV Groningen',
          'Oosterstraat 12-2, 9711 NV Groningen',
          'Oosterstraat 14, 9711 NW Groningen',
        ],
      );
      assert.deepEqual(
        (await suggestAddresses(db, GRONINGEN.id, 'Oosterstraat 14')).map((s) => s.label),
        ['Oosterstraat 14, 9711 NW Groningen'],
      );
      assert.deepEqual(
        (await suggestAddresses(db, GRONINGEN.id, '9711 NV 12')).map((s) => s.label),
        ['Oosterstraat 12-2, 9711 NV Groningen'],
      );
      assert.deepEqual(await suggestAddresses(db, GRONINGEN.id, 'o'), []);
      assert.deepEqual(await suggestAddresses(db, GRONINGEN.id, '100%_'), [], 'LIKE wildcards are text');
      assert.deepEqual(await suggestAddresses(db, KRIMPEN.id, 'ooster'), [], 'another municipality’s addresses stay there');
    });
  });
});
