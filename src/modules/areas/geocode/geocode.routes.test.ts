import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { GRONINGEN, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { createTenant, importDemoAreas } from '../areas.service.ts';
import { importAddresses } from './geocode.import.ts';

describe('address autocomplete and the social map "near me" with the geocoder', () => {
  // PDOK "on" but unreachable (nothing listens on port 9): the chain must still answer.
  const ctx = useTestApp({ geocoder: { pdok: true, pdokUrl: 'http://127.0.0.1:9/locatieserver', timeoutMs: 500 } });

  before(async () => {
    const db = ctx.database.db;
    await createTenant(db, GRONINGEN);
    await importDemoAreas(db, { now: TEST_NOW, tenants: [GRONINGEN], dataDir: 'seed-data/cbs' });
    await importAddresses(db, {
      tenantId: GRONINGEN.id,
      csv: readFileSync('test/fixtures/bag-adressen-groningen.csv', 'utf8'),
      now: TEST_NOW,
    });
  });

  it('GET /{tenant}/adressen/zoek suggests local addresses as JSON; a bad query is a 400, an unknown tenant a 404', async () => {
    const r = await ctx.app.inject({ method: 'GET', url: '/groningen/adressen/zoek?q=oosterstraat%2012' });
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['content-type'] as string, /application\/json/);
    assert.deepEqual(r.json(), { suggestions: [{ label: 'Oosterstraat 12-2, 9711 NV Groningen', source: 'addresses' }] });
    assert.deepEqual((await ctx.app.inject({ method: 'GET', url: '/groningen/adressen/zoek?q=o' })).json(), { suggestions: [] });
    assert.deepEqual((await ctx.app.inject({ method: 'GET', url: '/groningen/adressen/zoek' })).json(), { suggestions: [] });
    const long = await ctx.app.inject({ method: 'GET', url: `/groningen/adressen/zoek?q=${'a'.repeat(101)}` });
    assert.equal(long.statusCode, 400);
    assert.equal((await ctx.app.inject({ method: 'GET', url: '/bestaat-niet/adressen/zoek?q=ooster' })).statusCode, 404);
  });

  it('a Groningen resident’s own postcode 9712 (any house number) finds a starting point, said to be coarse', async () => {
    const b = new TestBrowser(ctx.app);
    // (9712 AB is in the test's address table; 9712 CD is not, so the PC4 step answers.)
    const r = await b.get('/groningen/sociale-kaart?postcode=9712+CD&huisnummer=12&wanneer=week');
    assert.equal(r.statusCode, 200, /error-summary-title[\s\S]{0,400}/.exec(r.body)?.[0]);
    assert.match(r.body, /We zoeken vanaf het midden van postcodegebied 9712\./);
    assert.doesNotMatch(r.body, /We kennen deze postcode niet/);
    const address = await b.get('/groningen/sociale-kaart?adres=Oosterstraat+10');
    assert.equal(address.statusCode, 200, /error-summary-title[\s\S]{0,400}/.exec(address.body)?.[0]);
    assert.match(address.body, /Afstand gemeten vanaf Oosterstraat 10, 9711 NV Groningen\./);
  });

  it('the address field carries the autocomplete island; without JavaScript it is a plain field', async () => {
    const page = await new TestBrowser(ctx.app).get('/groningen/sociale-kaart');
    assert.match(page.body, /<input[^>]*name="adres"[^>]*data-address-autocomplete="\/groningen\/adressen\/zoek"/);
    assert.match(page.body, /<script src="\/static\/address-autocomplete.js" defer><\/script>/);
    const js = await ctx.app.inject({ method: 'GET', url: '/static/address-autocomplete.js' });
    assert.equal(js.statusCode, 200);
    assert.match(js.body, /role', 'combobox'/);
  });

  it('bad input gets a message beside the field: unknown number, unknown address, PDOK unreachable', async () => {
    const b = new TestBrowser(ctx.app);
    const number = await b.get('/groningen/sociale-kaart?postcode=9711+NV&huisnummer=99');
    assert.equal(number.statusCode, 422);
    assert.match(number.body, /Huisnummer 99 hoort niet bij postcode 9711 NV/);
    const down = await b.get('/groningen/sociale-kaart?adres=Nergensstraat+5');
    assert.equal(down.statusCode, 422);
    assert.match(down.body, /We kunnen adressen nu niet opzoeken: de adressendienst antwoordt niet/);
    const outside = await b.get('/groningen/sociale-kaart?postcode=2921+AA&huisnummer=1');
    assert.equal(outside.statusCode, 422);
    assert.match(outside.body, /Postcode 2921 AA ligt niet in de gemeente Groningen/);
  });

  it('rate-limits the autocomplete like the other public lookups', async () => {
    let last = 0;
    for (let i = 0; i < 61; i++) last = (await ctx.app.inject({ method: 'GET', url: `/groningen/adressen/zoek?q=ooster${i}` })).statusCode;
    assert.equal(last, 429);
  });
});
