import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { importDemoAreas, listAreas } from '../../areas/areas.service.ts';
import { EMPTY_SEARCH, searchServices, type SearchInput } from './find.service.ts';
import { addService } from './find.test-support.ts';
import { geocodeAddress, geocodePostcode, normalisePostcode } from './geocode.ts';
import { DOELGROEP, FUNCTIE, TOEGANKELIJKHEID } from '../taxonomy/taxonomy.ts';

const HHW = 'GM1980';
const KRIMPEN = 'GM0542';
const TENANTS = [
  { id: KRIMPEN, slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' },
  { id: HHW, slug: 'heerhugowaard', name: 'Heerhugowaard' },
];
/** Metres per degree of latitude. */
const M_LAT = 111_320;

function haversine(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lon - a.lon) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

describe('resident search, service page, leaflet and feeds', () => {
  const ctx = useTestApp();
  const ids: Record<string, string> = {};
  let buurt = '';
  let wijk = '';
  let p0 = { lat: 0, lon: 0 };

  const search = (input: Partial<SearchInput>, now = '2026-11-23T10:00:00Z', tenantId = HHW) =>
    searchServices(ctx.database.db, tenantId, { ...EMPTY_SEARCH, radius: 1000, ...input }, new Date(now));
  const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name);

  before(async () => {
    const db = ctx.database.db;
    await importDemoAreas(db, { now: new Date('2026-11-23T10:00:00Z'), tenants: TENANTS, dataDir: 'seed-data/cbs' });
    const b = (await listAreas(db, HHW, { level: 'neighbourhood' })).find((a) => a.label !== null)!;
    buurt = b.code;
    wijk = b.parentCode!;
    p0 = { lon: b.label![0], lat: b.label![1] };
    const place = (name: string, north: number, extra: object = {}) => ({
      name,
      lat: p0.lat + north / M_LAT,
      lon: p0.lon,
      address_1: `${name.split(' ')[0]}weg 1`,
      postal_code: '1701 AB',
      city: 'Heerhugowaard',
      buurt_code: buurt,
      wijk_code: wijk,
      ...extra,
    });
    ids.eettafel = (
      await addService(db, HHW, {
        name: 'Open eettafel De Link',
        description: 'Samen eten met buren, elke eerste en derde dinsdag.',
        organisation: 'Buurthuis De Link',
        terms: [FUNCTIE.ontmoeting, DOELGROEP.ouderen],
        location: {
          ...place('De Link', 0),
          address_1: 'Middenweg 12',
          accessibility: [TOEGANKELIJKHEID.rolstoel, TOEGANKELIJKHEID.ringleiding],
          phone: '072 123 45 67',
        },
        schedules: [{ freq: 'MONTHLY', byday: '1TU,3TU', opens_at: '12:00', closes_at: '13:30', cancelled: ['2026-11-17', '2026-12-01'] }],
        lastCheckedAt: '2026-10-01T10:00:00Z',
      })
    ).serviceId;
    ids.stip = (
      await addService(db, HHW, {
        name: 'Koffieochtend Stip',
        description: 'Informatie en advies bij een kop koffie.',
        terms: [FUNCTIE.informatieAdvies, DOELGROEP.iedereen],
        location: { ...place('Stip Noord', 700), postal_code: '1701 AC', accessibility: [TOEGANKELIJKHEID.rolstoel] },
        schedules: [{ freq: 'WEEKLY', byday: 'MO', opens_at: '10:00', closes_at: '12:00' }],
      })
    ).serviceId;
    ids.fiets = (
      await addService(db, HHW, {
        name: 'Fietsmaatjes',
        description: 'Samen fietsen met een vrijwilliger.',
        terms: [FUNCTIE.bewegingGezondheid],
        location: { ...place('Fietspunt', 2500), postal_code: '1702 XY' },
      })
    ).serviceId;
    ids.zondag = (
      await addService(db, HHW, {
        name: 'Zondagsinloop',
        description: 'Koffie en een praatje op zondag.',
        terms: [FUNCTIE.ontmoeting],
        location: place('Kerk', 100),
        schedules: [{ freq: 'WEEKLY', byday: 'SU', opens_at: '12:00', closes_at: '13:00' }],
      })
    ).serviceId;
    ids.oud = (await addService(db, HHW, { name: 'Oude eettafel', status: 'inactive', location: place('Oud', 0) })).serviceId;
    ids.krimpen = (
      await addService(db, KRIMPEN, {
        name: 'Eettafel Krimpen',
        terms: [FUNCTIE.ontmoeting],
        location: {
          name: 'Tuinhuis',
          lat: 51.915,
          lon: 4.59,
          address_1: 'Raadhuisplein 1',
          postal_code: '2922 AD',
          city: 'Krimpen aan den IJssel',
        },
        schedules: [{ freq: 'WEEKLY', byday: 'MO', opens_at: '09:00', closes_at: '17:00' }],
      })
    ).serviceId;
  });

  describe('search', () => {
    it('finds "eettafel" when searching "eettafels" (Dutch stemming), only in its own tenant and only active', async () => {
      assert.deepEqual(names(await search({ text: 'eettafels' })), ['Open eettafel De Link']);
      assert.deepEqual(names(await search({ text: 'eettafels' }, undefined, KRIMPEN)), ['Eettafel Krimpen']);
      assert.deepEqual(names(await search({ text: 'fietsen' })), ['Fietsmaatjes'], 'description words are stemmed too');
      assert.equal((await search({ text: 'zwembad' })).total, 0);
      assert.equal((await search({ text: '"unbalanced & | !' })).total, 0, 'odd input is not an error');
    });

    it('filters on function, target group and all chosen accessibility features', async () => {
      assert.deepEqual(names(await search({ functions: [FUNCTIE.ontmoeting] })).sort(), ['Open eettafel De Link', 'Zondagsinloop']);
      assert.deepEqual(names(await search({ functions: [FUNCTIE.ontmoeting, FUNCTIE.bewegingGezondheid] })).sort(), [
        'Fietsmaatjes',
        'Open eettafel De Link',
        'Zondagsinloop',
      ]);
      assert.deepEqual(names(await search({ targetGroups: [DOELGROEP.ouderen] })), ['Open eettafel De Link']);
      assert.deepEqual(names(await search({ accessibility: [TOEGANKELIJKHEID.rolstoel] })).sort(), [
        'Koffieochtend Stip',
        'Open eettafel De Link',
      ]);
      assert.deepEqual(names(await search({ accessibility: [TOEGANKELIJKHEID.rolstoel, TOEGANKELIJKHEID.ringleiding] })), [
        'Open eettafel De Link',
      ]);
    });

    it('filters by walking and cycling distance and sorts nearest first with exact distances', async () => {
      assert.deepEqual(names(await search({ point: p0, radius: 500 })), ['Open eettafel De Link', 'Zondagsinloop']);
      assert.deepEqual(names(await search({ point: p0, radius: 1000 })), ['Open eettafel De Link', 'Zondagsinloop', 'Koffieochtend Stip']);
      const far = await search({ point: p0, radius: 3000 });
      assert.deepEqual(names(far), ['Open eettafel De Link', 'Zondagsinloop', 'Koffieochtend Stip', 'Fietsmaatjes']);
      const stip = far.items.find((i) => i.name === 'Koffieochtend Stip')!;
      const expected = haversine(p0, { lat: p0.lat + 700 / M_LAT, lon: p0.lon });
      assert.ok(Math.abs(stip.distance! - expected) < 1, `${stip.distance} vs ${expected}`);
      assert.ok(Math.abs(stip.distance! - 700) < 5);
      // From a point 800 m east, Stip (700 m north of p0) lies inside the 1 km bounding box but 1063 m away: the exact distance decides.
      const east = { lat: p0.lat, lon: p0.lon + 800 / (M_LAT * Math.cos((p0.lat * Math.PI) / 180)) };
      assert.deepEqual(names(await search({ point: east, radius: 1000 })), ['Open eettafel De Link', 'Zondagsinloop']);
      assert.deepEqual(names(await search({ point: east, radius: 3000 })).slice(0, 3), [
        'Open eettafel De Link',
        'Zondagsinloop',
        'Koffieochtend Stip',
      ]);
    });

    it('"nu open", "vandaag" and "deze week" in Amsterdam time', async () => {
      // Monday 23 Nov 2026, 11:00 local.
      assert.deepEqual(names(await search({ when: 'nu' })), ['Koffieochtend Stip']);
      assert.deepEqual(names(await search({ when: 'nu' }, '2026-11-23T11:30:00Z')), [], '12:30 local, the Stip closed at 12:00');
      assert.deepEqual(names(await search({ when: 'vandaag' })), ['Koffieochtend Stip']);
      assert.deepEqual(names(await search({ when: 'week' })).sort(), ['Koffieochtend Stip', 'Zondagsinloop']);
      // Tuesday 1 Dec is cancelled: on Monday 30 Nov "deze week" has no eettafel; on Monday 14 Dec it has.
      assert.ok(!names(await search({ when: 'week' }, '2026-11-30T08:00:00Z')).includes('Open eettafel De Link'));
      assert.ok(names(await search({ when: 'week' }, '2026-12-14T08:00:00Z')).includes('Open eettafel De Link'));
    });

    it('"de komende 7 dagen" (week) is today and six more days, also on a Sunday', async () => {
      // Sunday 29 Nov 2026, 14:00 local: the Sunday walk-in has ended; Monday's Stip is tomorrow (it was empty before).
      assert.deepEqual(names(await search({ when: 'week' }, '2026-11-29T13:00:00Z')), ['Koffieochtend Stip']);
      // Sunday 12:30 local: the walk-in is running now; next Sunday (day 8) does not count.
      assert.deepEqual(names(await search({ when: 'week' }, '2026-11-29T11:30:00Z')).sort(), ['Koffieochtend Stip', 'Zondagsinloop']);
      // Monday 30 Nov 13:00 local: Monday's Stip has ended, the next one is day 8 (7 Dec): not in the window.
      assert.deepEqual(names(await search({ when: 'week' }, '2026-11-30T12:00:00Z')), ['Zondagsinloop']);
    });

    it('"nu open" across the October daylight-saving change (last Sunday of October)', async () => {
      // 25 Oct 2026 is winter time again: 12:00 local = 11:00Z.
      assert.deepEqual(names(await search({ when: 'nu' }, '2026-10-25T10:30:00Z')), [], '11:30 local');
      assert.deepEqual(names(await search({ when: 'nu' }, '2026-10-25T11:30:00Z')), ['Zondagsinloop'], '12:30 local');
      assert.deepEqual(names(await search({ when: 'nu' }, '2026-10-18T10:30:00Z')), ['Zondagsinloop'], 'a week earlier, summer time');
    });

    it('"nu open" across the March daylight-saving change (last Sunday of March)', async () => {
      // 28 Mar 2027 is summer time: 12:00 local = 10:00Z.
      assert.deepEqual(names(await search({ when: 'nu' }, '2027-03-28T10:30:00Z')), ['Zondagsinloop'], '12:30 local');
      assert.deepEqual(names(await search({ when: 'nu' }, '2027-03-28T11:30:00Z')), [], '13:30 local');
      assert.deepEqual(names(await search({ when: 'nu' }, '2027-03-21T11:30:00Z')), ['Zondagsinloop'], 'a week earlier, winter time');
    });

    it('combines words, distance, function and "nu open", and pages', async () => {
      const r = await search({ text: 'koffie', point: p0, radius: 1000, functions: [FUNCTIE.informatieAdvies], when: 'nu' });
      assert.deepEqual(names(r), ['Koffieochtend Stip']);
      assert.equal(r.items[0]!.openNow, true);
      const p1 = await search({ pageSize: 2, page: 1 });
      const p2 = await search({ pageSize: 2, page: 2 });
      assert.equal(p1.total, 4);
      assert.equal(p2.total, 4);
      assert.deepEqual([...names(p1), ...names(p2)], ['Fietsmaatjes', 'Koffieochtend Stip', 'Open eettafel De Link', 'Zondagsinloop']);
      assert.equal((await search({ pageSize: 2, page: 9 })).total, 4);
    });
  });

  describe('geocoding without a postcode dataset', () => {
    it('finds an exact known address, else the postcode centre, else the PC4 centre', async () => {
      const exact = await geocodePostcode(ctx.database.db, HHW, '1701ab', '12');
      assert.ok(exact.ok && exact.precision === 'address');
      assert.ok(exact.ok && Math.abs(exact.lat - p0.lat) < 1e-9);
      const pc6 = await geocodePostcode(ctx.database.db, HHW, '1701 AB', '99');
      assert.ok(pc6.ok && pc6.precision === 'postcode');
      const pc4 = await geocodePostcode(ctx.database.db, HHW, '1701 ZZ');
      assert.ok(pc4.ok && pc4.precision === 'pc4');
      const street = await geocodeAddress(ctx.database.db, HHW, 'Middenweg 12, Heerhugowaard');
      assert.ok(street.ok && Math.abs(street.lat - p0.lat) < 1e-9);
    });

    it('gives a clear message for unknown or malformed postcodes, never a crash', async () => {
      assert.deepEqual(await geocodePostcode(ctx.database.db, HHW, '9999 ZZ'), {
        ok: false,
        field: 'postcode',
        messageKey: 'areas.geocode.postcodeUnknown',
        params: { postcode: '9999 ZZ' },
      });
      // Issue 12: a postcode of another municipality is named as such (the PC4 file knows 1701 is
      // in GM1980), and Krimpen's venues do not answer for it (tenant isolation).
      assert.deepEqual(
        await geocodePostcode(ctx.database.db, KRIMPEN, '1701 AB'),
        {
          ok: false,
          field: 'postcode',
          messageKey: 'areas.geocode.postcodeOutside',
          params: { postcode: '1701 AB', municipality: 'Krimpen aan den IJssel' },
        },
        'tenant isolation',
      );
      assert.equal((await geocodePostcode(ctx.database.db, HHW, '0123 AB')).ok, false);
      assert.equal(normalisePostcode('1234 SS'), null);
      assert.equal(normalisePostcode(' 1234ab '), '1234AB');
      const bad = await geocodePostcode(ctx.database.db, HHW, "1701'; drop", '1');
      assert.deepEqual(bad, { ok: false, field: 'postcode', messageKey: 'areas.geocode.postcodeMalformed' });
      assert.equal((await geocodeAddress(ctx.database.db, HHW, '100% _weg')).ok, false);
    });
  });

  describe('pages', () => {
    it('search page works without JavaScript: GET form, results, distance, errors as 422', async () => {
      ctx.clock.set('2026-11-23T10:00:00Z');
      const b = new TestBrowser(ctx.app);
      const home = await b.get('/heerhugowaard/sociale-kaart');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /<form method="get" action="\/heerhugowaard\/sociale-kaart"/);
      assert.match(home.body, /href="\/heerhugowaard\/sociale-kaart"[^>]*>Sociale kaart</, 'nav item');
      assert.doesNotMatch(home.body, /Eettafel Krimpen|Oude eettafel/);
      const r = await b.get(
        `/heerhugowaard/sociale-kaart?q=eettafels&functie=${FUNCTIE.ontmoeting}&postcode=1701+AB&huisnummer=12&afstand=500`,
      );
      assert.equal(r.statusCode, 200);
      assert.match(r.body, new RegExp(`href="/heerhugowaard/sociale-kaart/aanbod/${ids.eettafel}">Open eettafel De Link</a>`));
      assert.match(r.body, /1 resultaat gevonden/);
      assert.match(r.body, /Afstand gemeten vanaf Middenweg 12, Heerhugowaard/);
      assert.match(
        r.body,
        /<svg viewBox="0 0 320 320" role="img" aria-labelledby="sm-map-title sm-map-desc"/,
        'a small map beside the list',
      );
      assert.match(r.body, /<text x="160.0" y="164.0"[^>]*>1<\/text>/, 'result 1 sits on the search point');
      const unknown = await b.get('/heerhugowaard/sociale-kaart?postcode=9999+ZZ&huisnummer=1');
      assert.equal(unknown.statusCode, 422);
      assert.match(unknown.body, /We kennen postcode 9999 ZZ niet/);
      const malformed = await b.get('/heerhugowaard/sociale-kaart?postcode=hallo&wanneer=gisteren&functie=bestaat.niet');
      assert.equal(malformed.statusCode, 422);
      assert.match(malformed.body, /Dit is geen goede postcode/);
      assert.match(malformed.body, /Deze keuze kennen we niet/);
      const both = await b.get(
        `/heerhugowaard/sociale-kaart?toegankelijk=${TOEGANKELIJKHEID.rolstoel}&toegankelijk=${TOEGANKELIJKHEID.ringleiding}`,
      );
      assert.equal(both.statusCode, 200);
      assert.match(both.body, /1 resultaat gevonden/);
      assert.match(both.body, /checked[^>]*value="toegankelijkheid.ringleiding"|value="toegankelijkheid.ringleiding"[^>]*checked/);
      const none = await b.get('/heerhugowaard/sociale-kaart?q=zwembad');
      assert.match(none.body, /We hebben niets gevonden/);
      const mine = await b.get(`/heerhugowaard/sociale-kaart?lat=${p0.lat}&lon=${p0.lon}&afstand=500`);
      assert.match(mine.body, /Afstand gemeten vanaf uw locatie/);
      assert.equal((await b.get('/heerhugowaard/sociale-kaart?lat=abc&lon=4')).statusCode, 422);
    });

    it('service page shows what, when (cancelled dates marked), where, accessibility, contact and links', async () => {
      ctx.clock.set('2026-11-23T10:00:00Z');
      const res = await new TestBrowser(ctx.app).get(`/heerhugowaard/sociale-kaart/aanbod/${ids.eettafel}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h1[^>]*>Open eettafel De Link<\/h1>/);
      assert.match(res.body, /<del>dinsdag 1 december, 12:00–13:30<\/del> <strong>\(gaat niet door\)<\/strong>/);
      assert.match(res.body, /<li>dinsdag 15 december, 12:00–13:30<\/li>/);
      assert.match(res.body, /Rolstoeltoegankelijk/);
      assert.match(res.body, /Middenweg 12/);
      assert.match(res.body, /072 123 45 67/);
      assert.match(res.body, /Laatst gecontroleerd op 1 oktober 2026/);
      assert.ok(res.body.includes(`href="/heerhugowaard/sociale-kaart/aanbod/${ids.eettafel}/correctie"`));
      assert.ok(res.body.includes(`href="/heerhugowaard/sociale-kaart/aanbod/${ids.eettafel}.ics"`));
      assert.ok(res.body.includes(`href="/heerhugowaard/sociale-kaart/folder/${buurt}"`));
    });

    it("unknown, malformed, inactive and other tenants' ids are 404", async () => {
      const b = new TestBrowser(ctx.app);
      for (const path of [
        '/heerhugowaard/sociale-kaart/aanbod/00000000-0000-4000-8000-000000000000',
        '/heerhugowaard/sociale-kaart/aanbod/niet-een-id',
        `/heerhugowaard/sociale-kaart/aanbod/${ids.oud}`,
        `/heerhugowaard/sociale-kaart/aanbod/${ids.krimpen}`,
        `/heerhugowaard/sociale-kaart/aanbod/${ids.krimpen}.ics`,
        `/krimpen-aan-den-ijssel/sociale-kaart/aanbod/${ids.eettafel}`,
        `/krimpen-aan-den-ijssel/sociale-kaart/folder/${buurt}`,
        `/krimpen-aan-den-ijssel/sociale-kaart/agenda/${buurt}.ics`,
        '/heerhugowaard/sociale-kaart/folder/BU99999999',
        '/heerhugowaard/sociale-kaart/folder/GM1980',
        '/heerhugowaard/sociale-kaart/agenda/xyz.ics',
        '/heerhugowaard/sociale-kaart/agenda/WK198010',
        '/bestaat-niet/sociale-kaart',
      ]) {
        const res = await b.get(path);
        assert.equal(res.statusCode, 404, path);
      }
    });

    it('leaflet of a buurt and of its wijk: only coming dates (4 weeks), cancelled dates, places, phones; print-ready', async () => {
      ctx.clock.set('2026-11-23T10:00:00Z');
      for (const code of [buurt, wijk]) {
        const res = await new TestBrowser(ctx.app).get(`/heerhugowaard/sociale-kaart/folder/${code}`);
        assert.equal(res.statusCode, 200, code);
        assert.match(res.body, /Wat is er te doen in mijn buurt\?/);
        assert.match(res.body, /van 23 november 2026 tot en met 20 december 2026/);
        assert.match(res.body, /<li>di 15 dec, 12:00–13:30<\/li>/);
        assert.match(res.body, /<del>di 1 dec, 12:00–13:30<\/del> \(gaat niet door\)/);
        // Dates that have passed (3 and 17 November) are not on the leaflet; Monday's Stip runs now (10–12) and is.
        assert.doesNotMatch(res.body, /(?<!\d)(3|17) nov/);
        assert.match(res.body, /<li>ma 23 nov, 10:00–12:00<\/li>/);
        // A print button for JavaScript (hidden until the script shows it) and the Ctrl+P sentence without it.
        assert.match(res.body, /<button type="button"[^>]*id="sm-print" hidden>Folder afdrukken<\/button>/);
        assert.match(res.body, /Druk deze folder af met Ctrl\+P/);
        assert.match(res.body, /Fietsmaatjes/, 'a service without dates is listed too');
        assert.match(res.body, /De Link/);
        assert.match(res.body, /072 123 45 67/);
        assert.doesNotMatch(res.body, /Oude eettafel|Eettafel Krimpen/);
      }
    });

    it('iCalendar feeds per service and per buurt/wijk parse back with the right times', async () => {
      ctx.clock.set('2026-11-23T10:00:00Z');
      const b = new TestBrowser(ctx.app);
      const svc = await b.get(`/heerhugowaard/sociale-kaart/aanbod/${ids.zondag}.ics`);
      assert.equal(svc.statusCode, 200);
      assert.match(String(svc.headers['content-type']), /^text\/calendar; charset=utf-8/);
      const cal = new ICAL.Component(ICAL.parse(svc.body));
      for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      const starts = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).startDate);
      assert.ok(starts.length > 20);
      assert.ok(starts.every((s) => s.hour === 12 && s.minute === 0));
      const summer = starts.find((s) => s.toJSDate().toISOString() === '2027-03-28T10:00:00.000Z');
      const winter = starts.find((s) => s.toJSDate().toISOString() === '2026-11-29T11:00:00.000Z');
      assert.ok(summer && winter, 'both sides of the March change');
      const area = await b.get(`/heerhugowaard/sociale-kaart/agenda/${wijk}.ics`);
      assert.equal(area.statusCode, 200);
      const events = new ICAL.Component(ICAL.parse(area.body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      assert.ok(events.some((e) => e.summary === 'Open eettafel De Link'));
      assert.ok(events.some((e) => e.summary === 'Vervalt: Open eettafel De Link'));
      assert.ok(!events.some((e) => e.summary.includes('Krimpen')));
    });
  });
});
