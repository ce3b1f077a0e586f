/**
 * Security review, finding 6 (issue 11): a line break in a service name ended up as extra lines
 * in the public .ics feeds (an `ATTENDEE:` line was injected). Attacked three ways: through the
 * provider's edit form and the HSDS import (both refuse control characters in one-line fields),
 * and with bad rows already in the database (the feeds escape every value regardless).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { addService } from './find.test-support.ts';
import { importHsds } from '../hsds/import.ts';
import { getServiceDetail } from '../records/detail.service.ts';
import { systemActor } from '../actor.ts';
import { KRIMPEN, keepFixture, type KeepFixture } from '../keep/keep.test-support.ts';

const INJECT = '\r\nATTENDEE;CN=Aanvaller:mailto:aanvaller@example.org\r\nX-INJECTED:1';
const ONE_LINE = /Hier mag maar één regel tekst staan/;

/** Every line a property of ours or a folded continuation; nothing injected; parsed without attendees. */
function assertNoInjection(ics: string, label: string): ICAL.Component {
  assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/, `${label}: no bare CR or LF`);
  const starts = ics.split('\r\n').filter((l) => l !== '' && !l.startsWith(' '));
  for (const l of starts) assert.doesNotMatch(l, /^(ATTENDEE|X-INJECTED)/, `${label}: injected line ${l}`);
  const cal = new ICAL.Component(ICAL.parse(ics));
  const all = [cal, ...cal.getAllSubcomponents()];
  for (const c of all) {
    assert.deepEqual(c.getAllProperties('attendee'), [], `${label}: no ATTENDEE in ${c.name}`);
    assert.deepEqual(c.getAllProperties('x-injected'), [], `${label}: no X-INJECTED in ${c.name}`);
  }
  return cal;
}

describe('socialmap: no iCalendar injection through names (finding 6)', () => {
  const ctx = useTestApp();
  let f: KeepFixture;
  let provider: TestBrowser;
  const base = `/${KRIMPEN.slug}/sociale-kaart`;

  before(async () => {
    f = await keepFixture(ctx.database.db, ctx.clock.now());
    provider = new TestBrowser(ctx.app);
    await signInAs(ctx, provider, { tenantId: KRIMPEN.id, role: 'professional', organisationId: f.peopleX, email: 'prof-ics@example.nl' });
  });

  it('the edit form refuses a line break in a service name, with a clear message; nothing changes', async () => {
    const before = await getServiceDetail(ctx.database.db, KRIMPEN.id, f.serviceX);
    for (const name of [`Open eettafel${INJECT}`, 'Open\reettafel', 'Open\u2028eettafel', 'Open\u0000eettafel']) {
      const res = await provider.post(`${base}/beheer/aanbod/${f.serviceX}`, {
        name,
        description: 'Samen eten.',
        status: 'active',
        functions: 'functie.ontmoeting',
        email: '',
        url: '',
      });
      assert.equal(res.statusCode, 422, JSON.stringify(name));
      assert.match(res.body, name.includes('\u0000') ? /klopt niet|Hier mag maar één regel/ : ONE_LINE);
    }
    const res = await provider.post(`${base}/beheer/aanbod/${f.serviceX}`, {
      name: 'Open eettafel',
      description: 'Samen eten.',
      status: 'active',
      functions: 'functie.ontmoeting',
      email: '',
      url: `https://example.nl/${INJECT}`,
    });
    assert.equal(res.statusCode, 422, 'a URL with a line break');
    const after = await getServiceDetail(ctx.database.db, KRIMPEN.id, f.serviceX);
    assert.equal(after!.service.name, before!.service.name);
    assert.equal(after!.service.url, before!.service.url);
  });

  it('the edit form keeps line breaks in a description (as \\n) but they stay inside the feed’s value', async () => {
    const res = await provider.post(`${base}/beheer/aanbod/${f.serviceX}`, {
      name: 'Open eettafel',
      description: `Samen eten.${INJECT}`,
      status: 'active',
      functions: 'functie.ontmoeting',
      email: '',
      url: '',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const stored = await getServiceDetail(ctx.database.db, KRIMPEN.id, f.serviceX);
    assert.equal(stored!.service.description, 'Samen eten.\nATTENDEE;CN=Aanvaller:mailto:aanvaller@example.org\nX-INJECTED:1');
    const ics = await new TestBrowser(ctx.app).get(`${base}/aanbod/${f.serviceX}.ics`);
    assert.equal(ics.statusCode, 200);
    const cal = assertNoInjection(ics.body, 'description');
    const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    assert.equal(ev.description, stored!.service.description);
  });

  it('the HSDS import refuses control characters in one-line fields of every kind; nothing is written', async () => {
    const org = '5a0e0000-0000-4000-8000-0000000000a1';
    const svc = '5a0e0000-0000-4000-8000-0000000000a2';
    const dataset = {
      id: org,
      name: 'Stichting Import',
      description: 'Regel een\r\nRegel twee',
      services: [
        {
          id: svc,
          name: `Inloop${INJECT}`,
          status: 'active',
          description: 'Mag\nmeer regels hebben',
          phones: [{ id: '5a0e0000-0000-4000-8000-0000000000a3', number: '0180\u0007 123 456' }],
          schedules: [
            {
              id: '5a0e0000-0000-4000-8000-0000000000a4',
              freq: 'WEEKLY',
              byday: 'MO',
              opens_at: '10:00',
              closes_at: '11:00',
              attending_type: 'in\nperson',
            },
          ],
        },
      ],
    };
    const report = await importHsds(ctx.database.db, KRIMPEN.id, dataset, systemActor(ctx.clock.now()));
    assert.equal(report.written, false);
    const problems = report.rejected.map((p) => `${p.kind}.${p.field}: ${p.message}`).sort();
    assert.deepEqual(problems, [
      'phone.number: socialmap.error.controlChars',
      'schedule.attending_type: socialmap.error.controlChars',
      'service.name: socialmap.error.controlChars',
    ]);
    const written = await ctx.database.db.selectFrom('socialmap_services').select('id').where('id', '=', svc).execute();
    assert.deepEqual(written, []);
  });

  it('feeds escape names already in the database: service feed and buurt/wijk agenda feed', async () => {
    const db = ctx.database.db;
    // Bad rows written past the forms (older data, another path): straight into the tables.
    const { serviceId } = await addService(db, KRIMPEN.id, {
      name: `Koffie-inloop${INJECT}`,
      description: `Welkom${INJECT}`,
      location: {
        name: `Buurthuis${INJECT}`,
        lat: f.point.lat,
        lon: f.point.lon,
        address_1: `Dorpsstraat 1${INJECT}`,
        postal_code: '2922 AB',
        city: 'Krimpen aan den IJssel',
        buurt_code: f.buurt,
        wijk_code: f.wijk,
      },
      schedules: [{ freq: 'WEEKLY', byday: 'WE', opens_at: '10:00', closes_at: '11:00' }],
    });
    await db
      .updateTable('areas')
      .set({ name: `De Buurt${INJECT}` })
      .where('tenant_id', '=', KRIMPEN.id)
      .where('code', 'in', [f.buurt, f.wijk])
      .execute();

    const browser = new TestBrowser(ctx.app);
    const svc = await browser.get(`${base}/aanbod/${serviceId}.ics`);
    assert.equal(svc.statusCode, 200);
    const cal = assertNoInjection(svc.body, 'service feed');
    // X-WR-CALNAME is an x-property: ical.js leaves its TEXT escapes (\;) as they are.
    assert.equal(
      cal.getFirstPropertyValue('x-wr-calname'),
      'Koffie-inloop ATTENDEE\\;CN=Aanvaller:mailto:aanvaller@example.org X-INJECTED:1',
    );
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    assert.ok(events.length > 20);
    assert.ok(events.every((e) => e.summary === 'Koffie-inloop ATTENDEE;CN=Aanvaller:mailto:aanvaller@example.org X-INJECTED:1'));
    assert.match(events[0]!.location, /^Buurthuis ATTENDEE.* X-INJECTED:1, Dorpsstraat 1 ATTENDEE/);
    assert.match(String(svc.headers['content-disposition']), /^inline; filename="[a-z0-9-]+\.ics"$/);

    for (const code of [f.buurt, f.wijk]) {
      const area = await browser.get(`${base}/agenda/${code}.ics`);
      assert.equal(area.statusCode, 200, code);
      const areaCal = assertNoInjection(area.body, `agenda ${code}`);
      assert.equal(
        areaCal.getFirstPropertyValue('x-wr-calname'),
        'De Buurt ATTENDEE\\;CN=Aanvaller:mailto:aanvaller@example.org X-INJECTED:1',
      );
      assert.ok(areaCal.getAllSubcomponents('vevent').some((e) => new ICAL.Event(e).summary.startsWith('Koffie-inloop ATTENDEE')));
    }
  });
});
