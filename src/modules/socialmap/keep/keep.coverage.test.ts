/**
 * The coordinator's view over HTTP: the coverage matrix with white spots in words and symbols,
 * duplicates, the two CSV downloads (parsed back), access, and the ontmoeten section of the
 * neighbourhood page.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { refreshAreaSummaries } from '../../../../test/helpers/summaries.ts';
import { createLocation } from '../records/locations.service.ts';
import { createService } from '../records/services.service.ts';
import { systemActor } from '../actor.ts';
import { FUNCTIE } from '../taxonomy/taxonomy.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { KRIMPEN, keepFixture, type KeepFixture } from './keep.test-support.ts';
import { houseNumberOf } from './keep.coverage.ts';
import { buildApp } from '../../../app.ts';
import { testConfig } from '../../../platform/config.ts';
import { fixedClock } from '../../../platform/clock.ts';

const cov = `/${KRIMPEN.slug}/sociale-kaart/dekking`;

describe('socialmap keep: coverage view', () => {
  const ctx = useTestApp();
  let f: KeepFixture;
  let coordinator: TestBrowser;
  let provider: TestBrowser;

  before(async () => {
    const db = ctx.database.db;
    f = await keepFixture(db, ctx.clock.now());
    const actor = systemActor(ctx.clock.now());
    // A duplicate by name (never checked: stale) and a second location at the same address.
    await createService(
      db,
      KRIMPEN.id,
      { organization_id: f.orgY, name: 'De open eettafel!', location_ids: [f.locationX], term_codes: [FUNCTIE.signalering] },
      actor,
    );
    await createLocation(
      db,
      KRIMPEN.id,
      {
        organization_id: f.orgY,
        name: 'Kerkzaal',
        latitude: f.point.lat,
        longitude: f.point.lon,
        address: { address_1: 'Ankerweg 1', postal_code: '2922AB', city: 'Krimpen aan den IJssel' },
      },
      actor,
    );
    coordinator = new TestBrowser(ctx.app);
    provider = new TestBrowser(ctx.app);
    await signInAs(ctx, coordinator, { tenantId: KRIMPEN.id, role: 'coordinator' });
    await signInAs(ctx, provider, { tenantId: KRIMPEN.id, role: 'professional', organisationId: f.peopleX });
  });

  it('is for coordinators and administrators only', async () => {
    assert.equal((await provider.get(cov)).statusCode, 403);
    assert.equal((await provider.get(`${cov}/dekking.csv`)).statusCode, 403);
    assert.equal((await ctx.app.inject({ method: 'GET', url: `${cov}/aanbod.csv` })).statusCode, 401);
  });

  it('shows the matrix as tables with headers, white spots in words and symbols', async () => {
    const res = await coordinator.get(cov);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<caption>Antwoorden op de vragen/);
    // Krimpen's page says where the questions come from without naming another municipality's programme.
    assert.match(html, /De vragen gaan over de basisvoorzieningen die elke buurt nodig heeft/);
    assert.doesNotMatch(html, /Vitale buurten|van Groningen/);
    assert.match(html, /<th scope="col">Is er een plek om elkaar te ontmoeten\?<\/th>/);
    assert.match(html, /<th scope="col">Zorgondersteuning<\/th>/);
    assert.match(html, /<th scope="row"/);
    // The fixture's wijk has a meeting place (accessible) and an information point; other wijken are white spots.
    const wijkRow = new RegExp(`wijken/${f.wijk}"[\\s\\S]*?</tr>`).exec(html)![0];
    assert.match(wijkRow, /✓ ja \(1\)/);
    assert.match(wijkRow, /✗ witte vlek/);
    assert.match(html, /! verouderd \(1\)/, 'the never-checked signalling entry counts as stale only');
    assert.match(html, /Verouderd aanbod \(9 maanden of langer niet gecontroleerd\): 1\./);
  });

  it('lists likely duplicates by name and by address', async () => {
    const html = (await coordinator.get(cov)).body;
    assert.match(html, /Zelfde naam \(aanbod\): open eettafel/);
    assert.match(html, /Zelfde adres \(locaties\): 2922AB 1/);
  });

  it('downloads the matrix as CSV', async () => {
    const res = await coordinator.get(`${cov}/dekking.csv`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="dekking-krimpen-aan-den-ijssel.csv"/);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    const wijk = rows.find((r) => r.gebiedscode === f.wijk)!;
    assert.equal(wijk.niveau, 'wijk');
    assert.equal(wijk.aantal_ontmoeting, '1');
    assert.equal(wijk.vraag_meetingPlace, 'ja');
    assert.equal(wijk.vraag_signallingNetwork, 'verouderd');
    assert.equal(wijk.vraag_disabilitySupport, 'witte vlek');
    assert.match(wijk.witte_vlekken!, /hulp bij een beperking/);
    const buurt = rows.find((r) => r.gebiedscode === f.buurt)!;
    assert.equal(buurt.niveau, 'buurt');
    assert.equal(buurt.wijkcode, f.wijk);
    const audit = await ctx.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'socialmap_coverage').execute();
    assert.ok(audit.some((a) => a.action === 'export'));
  });

  it('downloads all entries as CSV with last checked and the stale flag', async () => {
    const res = await coordinator.get(`${cov}/aanbod.csv`);
    assert.equal(res.statusCode, 200);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!), [
      'id',
      'naam',
      'organisatie',
      'status',
      'functies',
      'doelgroepen',
      'locaties',
      'adressen',
      'buurtcodes',
      'wijkcodes',
      'laatst_gecontroleerd',
      'verouderd',
      'demo',
    ]);
    const eettafel = rows.find((r) => r.naam === 'Open eettafel')!;
    assert.equal(eettafel.laatst_gecontroleerd, '2026-11-23T10:00:00.000Z');
    assert.equal(eettafel.verouderd, 'nee');
    assert.equal(eettafel.buurtcodes, f.buurt);
    assert.match(eettafel.functies!, /functie\.ontmoeting/);
    assert.equal(rows.find((r) => r.naam === 'De open eettafel!')!.verouderd, 'ja');
    assert.ok(!rows.some((r) => (r.naam ?? '').startsWith('Koffie-inloop')), 'nothing of another tenant');
  });

  it('reads house numbers', () => {
    assert.equal(houseNumberOf('Ankerweg 12a'), '12a');
    assert.equal(houseNumberOf('Ankerweg 12 - 3'), '12-3');
    assert.equal(houseNumberOf('Postbus'), null);
  });

  it("counts the section's week from the moment the summaries job ran, and says when", async () => {
    // A second app on the same database, a week later: the week counts from the job's clock, not the request's.
    const later = await buildApp({ config: testConfig(), database: ctx.database, clock: fixedClock('2026-11-30T10:00:00Z') });
    await later.ready();
    try {
      await refreshAreaSummaries(ctx.app, KRIMPEN.id);
      const ours = await ctx.app.inject({ method: 'GET', url: `/${KRIMPEN.slug}/wijken/${f.buurt}` });
      assert.match(ours.body, /dinsdag 24 november.*12:00/);
      assert.match(ours.body, /Bijgewerkt om 11:00\./);
      await refreshAreaSummaries(later, KRIMPEN.id);
      const theirs = await ctx.app.inject({ method: 'GET', url: `/${KRIMPEN.slug}/wijken/${f.buurt}` });
      assert.match(theirs.body, /dinsdag 1 december.*12:00/);
      assert.doesNotMatch(theirs.body, /dinsdag 24 november/);
    } finally {
      await later.close();
    }
  });

  it('shows the coming 7 days on a Sunday too (Tuesday is in them; "deze week" used to be empty)', async () => {
    const sunday = await buildApp({ config: testConfig(), database: ctx.database, clock: fixedClock('2026-11-29T15:00:00Z') });
    await sunday.ready();
    try {
      await refreshAreaSummaries(sunday, KRIMPEN.id);
      const res = await sunday.inject({ method: 'GET', url: `/${KRIMPEN.slug}/wijken/${f.buurt}` });
      assert.match(res.body, /De komende 7 dagen/);
      assert.match(res.body, /dinsdag 1 december.*12:00/);
      assert.doesNotMatch(res.body, /Er staan de komende 7 dagen geen activiteiten/);
    } finally {
      await sunday.close();
    }
  });

  it('shows the ontmoeten section on the neighbourhood page', async () => {
    await refreshAreaSummaries(ctx.app, KRIMPEN.id);
    const res = await ctx.app.inject({ method: 'GET', url: `/${KRIMPEN.slug}/wijken/${f.buurt}` });
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /Ontmoeten in /);
    assert.match(html, /dinsdag 24 november.*12:00/, "this week's Tuesday eettafel");
    assert.match(html, /Buurthuis Het Anker/);
    assert.match(html, /Wat ontbreekt nog in .*: hulp bij een beperking/);
    assert.match(html, /9 maanden of langer niet is gecontroleerd: 1\./);
    assert.match(html, new RegExp(`/sociale-kaart/folder/${f.buurt}`));
    const other = (await listAreas(ctx.database.db, KRIMPEN.id, { level: 'neighbourhood' })).find((a) => a.code !== f.buurt)!;
    const empty = await ctx.app.inject({ method: 'GET', url: `/${KRIMPEN.slug}/wijken/${other.code}` });
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /Er staat nog geen ontmoetingsplek op de sociale kaart/);
  });
});
