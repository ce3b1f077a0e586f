import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { createTenant, geocode, importDemoAreas, placeAddress } from '../areas.service.ts';
import { configurePdok, parsePoint, pdokCacheSize } from './geocode.pdok.ts';
import { suggestAddresses } from './geocode.service.ts';

/** A free-service document as Locatieserver v3.1 documents it (only the fields we read, plus a few we do not). */
function adres(straat: string, nr: number, postcode: string, lon: number, lat: number, gemeentecode = '0014') {
  return {
    bron: 'BAG',
    type: 'adres',
    id: `adr-${postcode}-${nr}`,
    weergavenaam: `${straat} ${nr}, ${postcode} Groningen`,
    straatnaam: straat,
    huisnummer: nr,
    huis_nlt: String(nr),
    postcode,
    woonplaatsnaam: 'Groningen',
    gemeentecode,
    gemeentenaam: 'Groningen',
    nummeraanduiding_id: '0014200000000000',
    centroide_ll: `POINT(${lon} ${lat})`,
    centroide_rd: 'POINT(234120.306 581870.814)',
  };
}

/** The stub: answers `free` and `suggest` like Locatieserver, by the q parameter; 'traag' never answers in time. */
function stub(): { server: Server; requests: string[]; url: () => string } {
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const u = new URL(req.url ?? '/', 'http://stub');
    requests.push(`${u.pathname} ${u.searchParams.getAll('q').join('|')} ${u.searchParams.getAll('fq').join('|')}`);
    const q = u.searchParams.get('q') ?? '';
    if (q.toLowerCase().includes('traag')) return void setTimeout(() => res.end('{}'), 4000);
    if (q.toLowerCase().includes('kapot')) {
      res.statusCode = 503;
      return void res.end('Service Unavailable');
    }
    let docs: unknown[] = [];
    if (u.pathname.endsWith('/free')) {
      if (q === '9712AB 12') docs = [adres('Noorderhaven NZ', 12, '9712AB', 6.5635, 53.2218)];
      else if (q === '9712AB 99') {
        docs = [{ type: 'postcode', weergavenaam: '9712AB', postcode: '9712AB', centroide_ll: 'POINT(6.5631 53.2216)' }];
      } else if (q === 'Oosterstraat 10 Groningen') docs = [adres('Oosterstraat', 10, '9711NV', 6.5717, 53.2176)];
    } else if (u.pathname.endsWith('/suggest')) {
      if (q.toLowerCase().startsWith('ooster')) {
        docs = [{ type: 'adres', id: 'adr-1', weergavenaam: 'Oosterstraat 10, 9711NV Groningen', score: 9.1 }];
      }
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ response: { numFound: docs.length, start: 0, maxScore: 10, numFoundExact: true, docs } }));
  });
  return { server, requests, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/bzk/locatieserver/search/v3_1/` };
}

describe('geocoder with PDOK Locatieserver (a local stub server)', () => {
  const ctx = useTestDb();
  const s = stub();
  const nl = translator('nl');

  before(async () => {
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    configurePdok({ enabled: true, url: s.url(), timeoutMs: 1000 });
    const db = ctx.database.db;
    await createTenant(db, GRONINGEN);
    await createTenant(db, KRIMPEN);
    await importDemoAreas(db, { now: TEST_NOW, tenants: [GRONINGEN, KRIMPEN], dataDir: 'seed-data/cbs' });
  });
  after(async () => {
    configurePdok({ enabled: false, url: s.url(), timeoutMs: 2000 });
    s.server.closeAllConnections();
    await new Promise((resolve) => s.server.close(resolve));
  });

  it('reads centroide_ll as lon, lat', () => {
    assert.deepEqual(parsePoint('POINT(6.5717 53.2176)'), { lon: 6.5717, lat: 53.2176 });
    assert.equal(parsePoint('POINT(600 53)'), null);
    assert.equal(parsePoint(undefined), null);
  });

  it('a hit: postcode + number becomes the exact address, asked with the documented parameters', async () => {
    const r = await geocode(ctx.database.db, GRONINGEN.id, { postcode: '9712 ab', houseNumber: '12' });
    assert.ok(r.ok);
    assert.deepEqual(r.hit, {
      lat: 53.2218,
      lon: 6.5635,
      precision: 'address',
      source: 'pdok',
      label: 'Noorderhaven NZ 12, 9712AB Groningen',
    });
    assert.equal(s.requests.at(-1), '/bzk/locatieserver/search/v3_1/free 9712AB 12 type:(adres OR postcode)');
    const text = await placeAddress(ctx.database.db, GRONINGEN.id, { text: 'Oosterstraat 10 Groningen' });
    assert.ok(text.ok && text.hit.source === 'pdok' && text.wijkCode?.startsWith('WK0014'), JSON.stringify(text));
  });

  it('no hit: an unknown postcode and a number that PDOK does not have on a known postcode', async () => {
    const none = await geocode(ctx.database.db, GRONINGEN.id, { postcode: '9999 ZZ', houseNumber: '1' });
    assert.ok(!none.ok && none.reason === 'unknown' && none.field === 'postcode');
    const number = await geocode(ctx.database.db, GRONINGEN.id, { postcode: '9712 AB', houseNumber: '99' });
    assert.ok(!number.ok && number.field === 'huisnummer' && number.reason === 'unknown');
    const text = await geocode(ctx.database.db, GRONINGEN.id, { text: 'Nergensstraat 1' });
    assert.ok(!text.ok && text.reason === 'unknown' && text.field === 'adres');
  });

  it('an address PDOK finds in another municipality is refused by placeAddress', async () => {
    const r = await placeAddress(ctx.database.db, KRIMPEN.id, { text: 'Oosterstraat 10 Groningen' });
    assert.ok(!r.ok && r.reason === 'outside' && r.field === 'adres');
    assert.equal(nl(r.messageKey, r.params), 'Dit adres ligt niet in de gemeente Krimpen aan den IJssel. Vul een adres in de gemeente in.');
  });

  it('geocode() alone refuses what PDOK finds only in another municipality, so "near me" never measures from there', async () => {
    const text = await geocode(ctx.database.db, KRIMPEN.id, { text: 'Oosterstraat 10 Groningen' });
    assert.ok(!text.ok && text.reason === 'outside' && text.field === 'adres', JSON.stringify(text));
    assert.equal(
      nl(text.messageKey, text.params),
      'Dit adres ligt niet in de gemeente Krimpen aan den IJssel. Vul een adres in de gemeente in.',
    );
    const postcode = await geocode(ctx.database.db, KRIMPEN.id, { postcode: '9712 AB', houseNumber: '12' });
    assert.ok(!postcode.ok && postcode.reason === 'outside' && postcode.field === 'postcode', JSON.stringify(postcode));
    assert.equal(
      nl(postcode.messageKey, postcode.params),
      'Postcode 9712 AB ligt niet in de gemeente Krimpen aan den IJssel. Vul een adres in de gemeente in.',
    );
    // The same questions in Groningen itself are found.
    const own = await geocode(ctx.database.db, GRONINGEN.id, { text: 'Oosterstraat 10 Groningen' });
    assert.ok(own.ok && own.hit.source === 'pdok', JSON.stringify(own));
  });

  it('a timeout or an error answer: the PC4 step still places a Groningen postcode; a typed address gets "unreachable"', async () => {
    const started = Date.now();
    const slow = await geocode(ctx.database.db, GRONINGEN.id, { text: 'Traagstraat 1' });
    assert.ok(Date.now() - started < 3500, 'gave up after the timeout, not after the answer');
    assert.ok(!slow.ok && slow.reason === 'unreachable' && slow.field === 'adres', JSON.stringify(slow));
    assert.equal(
      nl(slow.messageKey),
      'We kunnen adressen nu niet opzoeken: de adressendienst antwoordt niet. Vul uw postcode in, of probeer het over een paar minuten opnieuw.',
    );
    const broken = await geocode(ctx.database.db, GRONINGEN.id, { text: 'Kapotstraat 1' });
    assert.ok(!broken.ok && broken.reason === 'unreachable', JSON.stringify(broken));
    configurePdok({ enabled: true, url: 'http://127.0.0.1:9/none', timeoutMs: 1000 });
    try {
      const fallback = await geocode(ctx.database.db, GRONINGEN.id, { postcode: '9712 AB', houseNumber: '12' });
      assert.ok(fallback.ok && fallback.hit.source === 'pc4', JSON.stringify(fallback));
      const unknown = await geocode(ctx.database.db, GRONINGEN.id, { postcode: '9999 ZZ' });
      assert.ok(!unknown.ok && unknown.reason === 'unreachable', JSON.stringify(unknown));
    } finally {
      configurePdok({ enabled: true, url: s.url(), timeoutMs: 1000 });
    }
  });

  it('answers are cached: the same question does not reach the server twice; failures are not cached', async () => {
    const before = s.requests.length;
    await geocode(ctx.database.db, GRONINGEN.id, { postcode: '9712AB', houseNumber: '12' });
    await geocode(ctx.database.db, GRONINGEN.id, { postcode: '9712AB', houseNumber: '12' });
    assert.equal(s.requests.length, before + 1);
    assert.ok(pdokCacheSize() >= 1);
    await geocode(ctx.database.db, GRONINGEN.id, { text: 'Kapotstraat 1' });
    await geocode(ctx.database.db, GRONINGEN.id, { text: 'Kapotstraat 1' });
    assert.equal(s.requests.length, before + 3, s.requests.join('\n'));
  });

  it('suggestions come from PDOK suggest, filtered on the municipality, when the local table has none', async () => {
    const r = await suggestAddresses(ctx.database.db, GRONINGEN.id, 'Oosterstr');
    assert.deepEqual(r, [{ label: 'Oosterstraat 10, 9711NV Groningen', source: 'pdok' }]);
    assert.equal(s.requests.at(-1), '/bzk/locatieserver/search/v3_1/suggest Oosterstr type:adres|gemeentecode:0014');
  });
});
