/**
 * Provider maintenance over HTTP: provider isolation (other organisation, other tenant), editing a
 * service, a location and times, cancelling a date, and the bad-input cases — each refused with a
 * clear Dutch message and nothing written.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { getServiceDetail } from '../records/detail.service.ts';
import { getArea } from '../../areas/areas.service.ts';
import { HHW, KRIMPEN, keepFixture, type KeepFixture } from './keep.test-support.ts';

const NOT_YOURS = /Dit aanbod is van een andere organisatie/;
const base = `/${KRIMPEN.slug}/sociale-kaart/beheer`;
/** The error summary of a page (short assertion messages). */
const errorsIn = (html: string) => /error-summary[\s\S]*?<\/ul>/.exec(html)?.[0] ?? html.slice(0, 200);

describe('socialmap keep: provider maintenance', () => {
  const ctx = useTestApp();
  let f: KeepFixture;
  let provX: TestBrowser;
  let provY: TestBrowser;
  let coordinator: TestBrowser;
  let resident: TestBrowser;
  let adminHhw: TestBrowser;
  let coordHhw: TestBrowser;

  before(async () => {
    const db = ctx.database.db;
    f = await keepFixture(db, ctx.clock.now());
    provX = new TestBrowser(ctx.app);
    provY = new TestBrowser(ctx.app);
    coordinator = new TestBrowser(ctx.app);
    resident = new TestBrowser(ctx.app);
    adminHhw = new TestBrowser(ctx.app);
    coordHhw = new TestBrowser(ctx.app);
    await signInAs(ctx, provX, { tenantId: KRIMPEN.id, role: 'professional', organisationId: f.peopleX, email: 'prof-x@example.nl' });
    await signInAs(ctx, provY, { tenantId: KRIMPEN.id, role: 'volunteer', organisationId: f.peopleY, email: 'vrijw-y@example.nl' });
    await signInAs(ctx, coordinator, { tenantId: KRIMPEN.id, role: 'coordinator', email: 'coord@example.nl' });
    await signInAs(ctx, resident, { tenantId: KRIMPEN.id, role: 'resident', email: 'bewoner@example.nl' });
    await signInAs(ctx, adminHhw, { tenantId: HHW.id, role: 'admin', email: 'admin-hhw@example.nl' });
    await signInAs(ctx, coordHhw, { tenantId: HHW.id, role: 'coordinator', email: 'coord-hhw@example.nl' });
    for (const b of [provX, provY, coordinator, resident, adminHhw, coordHhw]) assert.equal((await b.get('/account')).statusCode, 200);
  });

  /** Post a form with repeated fields (checkbox groups), as a browser does. */
  const postPairs = (b: TestBrowser, url: string, pairs: [string, string][]) =>
    ctx.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams([['_csrf', b.csrf], ...pairs]).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
  const detail = (id: string) => getServiceDetail(ctx.database.db, KRIMPEN.id, id);
  const count = async (table: 'socialmap_schedules' | 'socialmap_locations' | 'socialmap_schedule_exceptions' | 'socialmap_services') =>
    Number(
      (
        await ctx.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lists only the entries of the provider’s own organisation, with "laatst gecontroleerd"', async () => {
    const res = await provX.get(base);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Open eettafel/);
    assert.doesNotMatch(res.body, /Inloop in de kerk/);
    assert.match(res.body, /Klopt nog/);
    const all = await coordinator.get(base);
    assert.match(all.body, /Open eettafel/);
    assert.match(all.body, /Inloop in de kerk/);
    assert.doesNotMatch(all.body, /Koffie-inloop De Link/, 'nothing of another tenant');
  });

  it('a provider edits their own activity; the change is audited', async () => {
    const page = await provX.get(`${base}/aanbod/${f.serviceX}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Laatst gecontroleerd op 23 november 2026/);
    const res = await provX.post(`${base}/aanbod/${f.serviceX}`, {
      name: 'Open eettafel Het Anker',
      description: 'Samen eten op dinsdag.',
      status: 'active',
      functions: 'functie.ontmoeting',
      groups: 'doelgroep.ouderen',
      email: '',
      url: '',
    });
    assert.equal(res.statusCode, 303, errorsIn(res.body));
    const d = (await detail(f.serviceX))!;
    assert.equal(d.service.name, 'Open eettafel Het Anker');
    assert.deepEqual(d.terms.map((t) => t.code).sort(), ['doelgroep.ouderen', 'functie.ontmoeting']);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity_id', '=', f.serviceX)
      .where('action', '=', 'update')
      .execute();
    assert.ok(audit.length >= 1);
  });

  it("a provider cannot see the edit form of another organisation's entry, nor change it", async () => {
    const before = (await detail(f.serviceY))!;
    const page = await provX.get(`${base}/aanbod/${f.serviceY}`);
    assert.equal(page.statusCode, 403);
    assert.match(page.body, NOT_YOURS);
    assert.doesNotMatch(page.body, /name="name"/);
    const posts: [string, Record<string, string>][] = [
      [`${base}/aanbod/${f.serviceY}`, { name: 'Overgenomen', status: 'active' }],
      [`${base}/aanbod/${f.serviceY}/klopt`, {}],
      [`${base}/aanbod/${f.serviceY}/locatie`, { name: 'X', latitude: String(f.point.lat), longitude: String(f.point.lon) }],
      [`${base}/aanbod/${f.serviceY}/tijden`, { kind: 'weekly', days: 'MO', opens_at: '10:00' }],
      [`${base}/aanbod/${f.serviceY}/tijden/${f.scheduleY}/afgelast`, { index: '0', 'date-0': '2026-11-26' }],
      [`${base}/aanbod/${f.serviceY}/tijden/${f.scheduleY}/verwijderen`, {}],
      // Y's schedule through X's own service: not X's time.
      [`${base}/aanbod/${f.serviceX}/tijden/${f.scheduleY}/verwijderen`, {}],
    ];
    const counts = {
      s: await count('socialmap_schedules'),
      l: await count('socialmap_locations'),
      e: await count('socialmap_schedule_exceptions'),
    };
    for (const [path, form] of posts) {
      const res = await provX.post(path, form);
      assert.ok(res.statusCode === 403 || res.statusCode === 404, `${path}: ${res.statusCode}`);
    }
    const after = (await detail(f.serviceY))!;
    assert.equal(after.service.name, before.service.name);
    assert.equal(after.service.last_checked_at?.getTime(), before.service.last_checked_at?.getTime());
    assert.deepEqual(
      { s: await count('socialmap_schedules'), l: await count('socialmap_locations'), e: await count('socialmap_schedule_exceptions') },
      counts,
    );
  });

  it('a provider cannot edit the shared place of another organisation', async () => {
    const res = await provY.get(`${base}/aanbod/${f.serviceY}/locatie/${f.locationX}`);
    assert.equal(res.statusCode, 403);
    assert.match(res.body, NOT_YOURS);
  });

  it('a resident without an organisation sees no entries and cannot open one', async () => {
    const list = await resident.get(base);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /nog geen lid van een organisatie/);
    assert.equal((await resident.get(`${base}/aanbod/${f.serviceX}`)).statusCode, 403);
    assert.equal((await resident.get(`${base}/nieuw`)).statusCode, 403);
  });

  it('another tenant cannot reach the entries, not even by id under its own address', async () => {
    for (const b of [adminHhw, coordHhw]) {
      assert.equal((await b.get(`${base}/aanbod/${f.serviceX}`)).statusCode, 403);
      assert.equal((await b.post(`${base}/aanbod/${f.serviceX}/klopt`, {})).statusCode, 403);
    }
    const own = await coordHhw.get(`/${HHW.slug}/sociale-kaart/beheer/aanbod/${f.serviceX}`);
    assert.equal(own.statusCode, 404);
    // The administrator has no rights on the entries, not even of its own municipality.
    for (const id of [f.serviceX, f.serviceHhw]) {
      const res = await adminHhw.get(`/${HHW.slug}/sociale-kaart/beheer/aanbod/${id}`);
      assert.equal(res.statusCode, 403);
      assert.doesNotMatch(res.body, /Open eettafel|Koffie-inloop De Link/);
    }
    assert.equal((await adminHhw.post(`/${HHW.slug}/sociale-kaart/beheer/aanbod/${f.serviceHhw}/klopt`, {})).statusCode, 403);
    assert.doesNotMatch(own.body, /Open eettafel/);
    assert.equal((await coordinator.get(`${base}/aanbod/${f.serviceHhw}`)).statusCode, 404);
    const anonymous = await ctx.app.inject({ method: 'GET', url: `${base}/aanbod/${f.serviceX}`, headers: { accept: 'text/html' } });
    assert.equal(anonymous.statusCode, 401);
  });

  it('a coordinator may edit every entry of the tenant', async () => {
    const res = await coordinator.post(`${base}/aanbod/${f.serviceY}/klopt`, {});
    assert.equal(res.statusCode, 303);
  });

  it('adds a new entry for the own organisation only', async () => {
    const form = await provX.get(`${base}/nieuw`);
    assert.equal(form.statusCode, 200);
    assert.doesNotMatch(form.body, /Kerk De Ark/, 'only own organisations to choose from');
    const refused = await provX.post(`${base}/nieuw`, { organization_id: f.orgY, name: 'Stiekem', status: 'active' });
    assert.equal(refused.statusCode, 403);
    const res = await postPairs(provX, `${base}/nieuw`, [
      ['organization_id', f.orgX],
      ['name', 'Valpreventie'],
      ['status', 'active'],
      ['functions', 'functie.beweging-gezondheid'],
      ['functions', 'functie.informatie-advies'],
    ]);
    assert.equal(res.statusCode, 303, errorsIn(res.body));
    const id = /aanbod\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
    const d = (await detail(id))!;
    assert.equal(d.service.last_checked_at?.toISOString(), ctx.clock.now().toISOString(), 'a new entry counts as checked');
    assert.deepEqual(d.terms.map((t) => t.code).sort(), ['functie.beweging-gezondheid', 'functie.informatie-advies']);
  });

  it('refuses an unknown taxonomy term with a clear message, nothing written', async () => {
    const res = await provX.post(`${base}/aanbod/${f.serviceX}`, {
      name: 'Andere naam',
      status: 'active',
      functions: 'functie.bestaat-niet',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Deze categorie kennen we niet/);
    assert.equal((await detail(f.serviceX))!.service.name, 'Open eettafel Het Anker');
  });

  it('refuses an empty name', async () => {
    const res = await provX.post(`${base}/aanbod/${f.serviceX}`, { name: '', status: 'active' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Vul dit veld in/);
  });

  it('adds a location inside the municipality and derives its buurt and wijk', async () => {
    const res = await provX.post(`${base}/aanbod/${f.serviceX}/locatie`, {
      name: 'Huiskamer Langeland',
      address_1: 'Langeland 12a',
      postal_code: '2922ab',
      city: 'Krimpen aan den IJssel',
      latitude: String(f.point.lat).replace('.', ','),
      longitude: String(f.point.lon),
      accessibility: 'toegankelijkheid.prikkelarm',
    });
    assert.equal(res.statusCode, 303, errorsIn(res.body));
    const loc = (await detail(f.serviceX))!.locations.find((l) => l.location.name === 'Huiskamer Langeland')!;
    assert.equal(loc.location.buurt_code, f.buurt);
    assert.equal(loc.location.wijk_code, f.wijk);
    assert.equal(loc.address?.postal_code, '2922 AB');
    // The maintenance page names the accessibility term in the page's language.
    const nl = await provX.get(`${base}/aanbod/${f.serviceX}`);
    assert.match(nl.body, /Huiskamer Langeland[^<]*<\/strong>[^<]*Prikkelarm/);
    // …and its buurt and wijk by name, not by CBS code.
    const buurtName = (await getArea(ctx.database.db, KRIMPEN.id, f.buurt))!.name;
    assert.ok(nl.body.includes(`Buurt ${buurtName}, wijk `), 'the buurt by name');
    assert.ok(!nl.body.includes(`Buurt ${f.buurt}`), 'not by code');
    await provX.get(`/taal/en?terug=${base}`);
    const en = await provX.get(`${base}/aanbod/${f.serviceX}`);
    assert.match(en.body, /Huiskamer Langeland[^<]*<\/strong>[^<]*Quiet \(low stimulus\)/);
    assert.doesNotMatch(en.body, /Prikkelarm/);
    await provX.get(`/taal/nl?terug=${base}`);
  });

  it('refuses coordinates outside the municipality, a wrong postcode and text as a number; nothing written', async () => {
    const n = await count('socialmap_locations');
    const outside = await provX.post(`${base}/aanbod/${f.serviceX}/locatie`, {
      name: 'Groningen',
      latitude: '53.2194',
      longitude: '6.5665',
    });
    assert.equal(outside.statusCode, 422);
    assert.match(outside.body, /ligt niet in deze gemeente/);
    const postcode = await provX.post(`${base}/aanbod/${f.serviceX}/locatie`, {
      name: 'X',
      address_1: 'Dorpsstraat 1',
      postal_code: '123',
      city: 'Krimpen',
    });
    assert.equal(postcode.statusCode, 422);
    assert.match(postcode.body, /Nederlandse postcode/);
    const text = await provX.post(`${base}/aanbod/${f.serviceX}/locatie`, { name: 'X', latitude: 'noord', longitude: '4.6' });
    assert.equal(text.statusCode, 422);
    assert.match(text.body, /breedtegraad/);
    assert.equal(await count('socialmap_locations'), n);
  });

  it('adds times, refusing a time that ends when it starts, 25:00 and a period that ends before it starts', async () => {
    const n = await count('socialmap_schedules');
    const bad: [Record<string, string | string[]>, RegExp][] = [
      // Ending before the start means after midnight (issue 12): only the same time is a mistake.
      [{ kind: 'weekly', days: 'TU', opens_at: '14:00', closes_at: '14:00' }, /eindtijd mag niet gelijk zijn aan de begintijd/],
      [{ kind: 'weekly', days: 'TU', opens_at: '25:00', closes_at: '26:00' }, /tussen 00:00 en 23:59/],
      [
        { kind: 'weekly', days: 'TU', opens_at: '10:00', valid_from: '2026-12-01', valid_to: '2026-11-01' },
        /einddatum mag niet voor de begindatum/,
      ],
      [{ kind: 'monthly', days: 'TU', opens_at: '10:00' }, /minstens één week/],
      [{ kind: 'weekly', opens_at: '10:00' }, /minstens één dag/],
      [{ kind: 'once', date: '2026-02-30', opens_at: '10:00' }, /datum/],
      [{ kind: 'elke dag', days: 'TU', opens_at: '10:00' }, /Kies hoe vaak/],
    ];
    for (const [form, message] of bad) {
      const res = await provX.post(`${base}/aanbod/${f.serviceX}/tijden`, form as Record<string, string>);
      assert.equal(res.statusCode, 422, JSON.stringify(form));
      assert.match(res.body, message);
    }
    assert.equal(await count('socialmap_schedules'), n);
    const ok = await postPairs(provX, `${base}/aanbod/${f.serviceX}/tijden`, [
      ['kind', 'monthly'],
      ['days', 'TU'],
      ['weeks', '1'],
      ['weeks', '3'],
      ['opens_at', '12:00'],
      ['closes_at', '13:30'],
    ]);
    assert.equal(ok.statusCode, 303, errorsIn(ok.body));
    const s = (await detail(f.serviceX))!.schedules.find((x) => x.freq === 'MONTHLY')!;
    assert.equal(s.byday, '1TU,3TU');
    const page = await provX.get(`${base}/aanbod/${f.serviceX}`);
    assert.match(page.body, /Elke maand: eerste week en derde week dinsdag, 12:00 tot 13:30/);
  });

  it('cancels one date of a weekly activity; a date without activity is refused', async () => {
    const wrong = await provX.post(`${base}/aanbod/${f.serviceX}/tijden/${f.scheduleX}/afgelast`, { index: '0', 'date-0': '2026-12-02' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /geen activiteit/);
    const res = await provX.post(`${base}/aanbod/${f.serviceX}/tijden/${f.scheduleX}/afgelast`, {
      index: '0',
      'date-0': '2026-12-01',
      'note-0': 'Kerstmarkt',
    });
    assert.equal(res.statusCode, 303, errorsIn(res.body));
    assert.deepEqual(
      (await detail(f.serviceX))!.exceptions.map((e) => e.date),
      ['2026-12-01'],
    );
    const page = await provX.get(`${base}/aanbod/${f.serviceX}?melding=afgelast`);
    assert.match(page.body, /Afgelast: 2026-12-01/);
    assert.match(page.body, /De datum is afgelast/);
  });

  it('"Klopt nog" records the check with the app clock', async () => {
    ctx.clock.advance(60 * 1000);
    const res = await provX.post(`${base}/aanbod/${f.serviceX}/klopt`, { terug: 'lijst' });
    assert.equal(res.statusCode, 303);
    assert.match(res.headers.location as string, /melding=gecontroleerd/);
    assert.equal((await detail(f.serviceX))!.service.last_checked_at?.toISOString(), ctx.clock.now().toISOString());
  });
});
