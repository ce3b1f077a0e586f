/**
 * The buurt, wijk and service feeds served by the app, parsed with ical.js (issue 12, item 11):
 * two services sharing one location's schedule, a date range, DTSTAMP in UTC and the final CRLF.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { importDemoAreas, listAreas } from '../../areas/areas.service.ts';
import { addService } from './find.test-support.ts';
import { searchServices } from './find.service.ts';

const HHW = 'GM1980';
const TENANTS = [{ id: HHW, slug: 'heerhugowaard', name: 'Heerhugowaard' }];

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    const d = e.startDate;
    return {
      uid: e.uid,
      summary: e.summary,
      date: `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
      hour: d.hour,
      start: d.toJSDate(),
      stamp: c.getFirstPropertyValue('dtstamp') as ICAL.Time,
    };
  });
}

describe('calendar feeds of the app', () => {
  const ctx = useTestApp();
  let buurt = '';
  let wijk = '';
  const ids = { koffie: '', biljart: '' };

  before(async () => {
    const db = ctx.database.db;
    await importDemoAreas(db, { now: new Date('2026-11-23T10:00:00Z'), tenants: TENANTS, dataDir: 'seed-data/cbs' });
    const b = (await listAreas(db, HHW, { level: 'neighbourhood' })).find((a) => a.label !== null)!;
    buurt = b.code;
    wijk = b.parentCode!;
    const koffie = await addService(db, HHW, {
      name: 'Koffie-inloop',
      location: {
        name: 'Buurthuis Het Hart',
        lat: b.label![1],
        lon: b.label![0],
        address_1: 'Hartweg 1',
        postal_code: '1701 AB',
        city: 'Heerhugowaard',
        buurt_code: buurt,
        wijk_code: wijk,
      },
    });
    const biljart = await addService(db, HHW, { name: 'Biljartclub' });
    await db
      .insertInto('socialmap_service_at_locations')
      .values({ tenant_id: HHW, service_id: biljart.serviceId, location_id: koffie.locationId! })
      .execute();
    // The opening hours of the building: one schedule of the location, shared by both services.
    await db
      .insertInto('socialmap_schedules')
      .values({ tenant_id: HHW, location_id: koffie.locationId!, freq: 'WEEKLY', byday: 'WE', opens_at: '14:00', closes_at: '16:00' })
      .execute();
    Object.assign(ids, { koffie: koffie.serviceId, biljart: biljart.serviceId });
    // Times in UTC (an HSDS import): 09:00Z–10:00Z is 10:00–11:00 in Amsterdam in winter.
    await addService(db, HHW, {
      name: 'Spreekuur UTC',
      location: {
        name: 'Loket',
        lat: b.label![1],
        lon: b.label![0],
        address_1: 'Loketweg 2',
        postal_code: '1701 AB',
        city: 'Heerhugowaard',
        // Not in the buurt: the area feeds above hold only the two services sharing a schedule.
        buurt_code: null,
        wijk_code: null,
      },
      schedules: [{ freq: 'WEEKLY', byday: 'MO', opens_at: '09:00Z', closes_at: '10:00Z' }],
    });
  });

  it('"open now" in the search uses the same instants as the feeds (times in UTC)', async () => {
    const open = async (at: string) =>
      (
        await searchServices(
          ctx.database.db,
          HHW,
          { text: '', functions: [], targetGroups: [], accessibility: [], when: 'nu', point: null, radius: 1000, page: 1, pageSize: 20 },
          new Date(at),
        )
      ).items.map((i) => i.name);
    // Monday 23 November 2026, 10:30 in Amsterdam = 09:30Z: open (the local clock says 10:30, after 10:00).
    assert.ok((await open('2026-11-23T09:30:00Z')).includes('Spreekuur UTC'));
    assert.ok(!(await open('2026-11-23T10:30:00Z')).includes('Spreekuur UTC'), 'closed at 11:30 local');
  });

  it('gives both services sharing a location schedule their own UID in the buurt and wijk feeds', async () => {
    ctx.clock.set('2026-11-23T10:00:00Z');
    const b = new TestBrowser(ctx.app);
    for (const code of [buurt, wijk]) {
      const res = await b.get(`/heerhugowaard/sociale-kaart/agenda/${code}.ics?van=2026-11-23&tot=2026-12-06`);
      assert.equal(res.statusCode, 200, code);
      assert.ok(res.body.endsWith('END:VCALENDAR\r\n'), 'ends with CRLF');
      const ev = events(res.body);
      assert.deepEqual(
        ev.map((e) => `${e.date} ${e.hour}:00 ${e.summary}`).sort(),
        [
          '2026-11-25 14:00 Biljartclub',
          '2026-11-25 14:00 Koffie-inloop',
          '2026-12-02 14:00 Biljartclub',
          '2026-12-02 14:00 Koffie-inloop',
        ],
        code,
      );
      assert.equal(new Set(ev.map((e) => e.uid)).size, 4, `unique UIDs in ${code}`);
      for (const e of ev) {
        assert.equal(e.stamp.zone?.tzid, 'UTC', 'DTSTAMP in UTC');
        assert.equal(e.stamp.toJSDate().toISOString(), '2026-11-23T10:00:00.000Z');
      }
      const again = events((await b.get(`/heerhugowaard/sociale-kaart/agenda/${code}.ics?van=2026-11-23&tot=2026-12-06`)).body);
      assert.deepEqual(
        again.map((e) => e.uid),
        ev.map((e) => e.uid),
        'stable across runs',
      );
    }
    const own = events((await b.get(`/heerhugowaard/sociale-kaart/aanbod/${ids.biljart}.ics?van=2026-11-23&tot=2026-12-06`)).body);
    assert.deepEqual(
      own.map((e) => e.summary),
      ['Biljartclub', 'Biljartclub'],
    );
  });

  it('takes van/tot and keeps 14:00 across the October and March changes', async () => {
    ctx.clock.set('2026-11-23T10:00:00Z');
    const b = new TestBrowser(ctx.app);
    const feed = async (q: string) => events((await b.get(`/heerhugowaard/sociale-kaart/aanbod/${ids.koffie}.ics?${q}`)).body);
    const march = await feed('van=2027-03-20&tot=2027-04-03');
    assert.deepEqual(
      march.map((e) => [e.date, e.hour, e.start.toISOString()]),
      [
        ['2027-03-24', 14, '2027-03-24T13:00:00.000Z'],
        ['2027-03-31', 14, '2027-03-31T12:00:00.000Z'],
      ],
    );
    const october = await feed('van=2027-10-20&tot=2027-11-03');
    assert.deepEqual(
      october.map((e) => [e.date, e.hour, e.start.toISOString()]),
      [
        ['2027-10-20', 14, '2027-10-20T12:00:00.000Z'],
        ['2027-10-27', 14, '2027-10-27T12:00:00.000Z'],
        ['2027-11-03', 14, '2027-11-03T13:00:00.000Z'],
      ],
      'summer time until the change on 31 October 2027, then winter time; tot is included',
    );
    const fromOnly = await feed('van=2027-06-01');
    assert.equal(fromOnly[0]!.date, '2027-06-02');
    assert.ok(fromOnly.length >= 30 && fromOnly.length <= 31, String(fromOnly.length));
    const byDefault = await feed('');
    assert.equal(byDefault[0]!.date, '2026-10-28', 'a month back');
  });

  it('answers 400 with a plain message for a wrong range, and the service page ignores the range', async () => {
    const b = new TestBrowser(ctx.app);
    const cases: [string, RegExp][] = [
      ['van=2027-01-01&tot=2028-06-01', /hoogstens een jaar/],
      ['van=2027-02-01&tot=2027-01-01', /op of na de datum bij &quot;van&quot;|op of na de datum bij "van"/],
      ['van=morgen', /jjjj-mm-dd/],
    ];
    for (const [q, message] of cases) {
      for (const url of [
        `/heerhugowaard/sociale-kaart/agenda/${buurt}.ics?${q}`,
        `/heerhugowaard/sociale-kaart/aanbod/${ids.koffie}.ics?${q}`,
      ]) {
        const res = await b.get(url);
        assert.equal(res.statusCode, 400, url);
        assert.match(res.body, message, url);
      }
    }
    const page = await b.get(`/heerhugowaard/sociale-kaart/aanbod/${ids.koffie}?van=2027-01-01`);
    assert.equal(page.statusCode, 200);
  });
});
