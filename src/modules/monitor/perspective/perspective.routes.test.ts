import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs, signInWithRoles } from '../../../../test/helpers/people.ts';
import { buildOrganisation } from '../../../../test/helpers/factories.ts';
import { importDemoAreas } from '../../areas/areas.service.ts';
import { ensureIndicators, upsertMeasurements } from '../core/core.store.ts';

const HHW = { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' };
const WIJK = 'WK198016'; // Molenwijk
const PAGE = `/heerhugowaard/wijken/${WIJK}/wijkperspectief`;

/** The text of one part of the page (a section by its heading id), up to the next part. */
const part = (body: string, id: string) =>
  new RegExp(`<section class="wp-part[^"]*" aria-labelledby="${id}"[\\s\\S]*?(?=<section class="wp-(?:part|noprint)|</article>)`).exec(
    body,
  )?.[0] ?? '';

describe('wijkperspectief pages', () => {
  const ctx = useTestApp();
  let kern8 = '';
  let woonwaard = '';
  before(async () => {
    const db = ctx.database.db;
    await importDemoAreas(db, { now: ctx.clock.now(), tenants: [HHW], dataDir: 'seed-data/cbs' });
    kern8 = (await buildOrganisation(db, { tenantId: HHW.id, name: 'Kern 8' })).id;
    woonwaard = (await buildOrganisation(db, { tenantId: HHW.id, name: 'Woonwaard' })).id;
    const def = (code: string, unit: 'count' | 'per1000', theme: 'meet' | 'help') => ({
      code,
      nameNl: `Naam ${code}`,
      nameEn: `Name ${code}`,
      unit,
      direction: 'up' as const,
      source: 'platform' as const,
      theme,
    });
    await ensureIndicators(db, HHW.id, [
      def('sm_meeting_places', 'count', 'meet'),
      def('sm_meeting_places_accessible', 'count', 'meet'),
      def('sm_info_points', 'count', 'meet'),
      def('sig_received', 'count', 'help'),
      def('sm_disability_support', 'count', 'help'),
      def('help_requests', 'count', 'help'),
    ]);
    await upsertMeasurements(
      db,
      HHW.id,
      [
        { indicatorCode: 'sm_meeting_places', areaCode: WIJK, period: '2026-Q2', value: 3 },
        { indicatorCode: 'sm_meeting_places', areaCode: WIJK, period: '2026-Q3', value: 7 },
        { indicatorCode: 'sm_meeting_places_accessible', areaCode: WIJK, period: '2026-Q3', value: 5 },
        { indicatorCode: 'sm_info_points', areaCode: WIJK, period: '2026-Q3', value: 2 },
        { indicatorCode: 'sig_received', areaCode: WIJK, period: '2026-Q3', value: 41 },
        { indicatorCode: 'sm_disability_support', areaCode: WIJK, period: '2026-Q3', value: 9, isDemo: true },
        { indicatorCode: 'help_requests', areaCode: WIJK, period: '2026-Q3', value: 12 },
        // Another wijk's figure never shows here.
        { indicatorCode: 'sm_info_points', areaCode: 'WK198017', period: '2026-Q3', value: 99 },
      ],
      ctx.clock.now(),
    );
  });

  it('says "nog niet opgesteld" to the public before anything is agreed, and shows the working view to staff', async () => {
    const res = await new TestBrowser(ctx.app).get(PAGE);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1[^>]*>Wijkperspectief Molenwijk<\/h1>/);
    assert.match(res.body, /Het wijkperspectief voor Molenwijk is nog niet opgesteld\./);
    assert.doesNotMatch(res.body, /action="[^"]*\/bijdrage"/, 'no form for the public');
    assert.match(res.body, /href="\/heerhugowaard\/wijken\/WK198016"/, 'links back to the neighbourhood page');

    const staff = new TestBrowser(ctx.app);
    await signInAs(ctx, staff, { tenantId: HHW.id, role: 'professional', organisationId: kern8 });
    const live = await staff.get(PAGE);
    assert.equal(live.statusCode, 200);
    assert.match(live.body, /Werkversie: de cijfers en bijdragen van vandaag/);
    assert.match(live.body, /action="\/heerhugowaard\/wijken\/WK198016\/wijkperspectief\/bijdrage"/);
    assert.doesNotMatch(live.body, /action="[^"]*\/versie"/, 'only the coordinator saves versions');
  });

  it('shows the data answers from the measurements, and which questions need a person', async () => {
    const staff = new TestBrowser(ctx.app);
    await signInAs(ctx, staff, { tenantId: HHW.id, role: 'coordinator' });
    const { body } = await staff.get(PAGE);
    const supply = part(body, 'wp-supply');
    const question = /<div class="wp-question" id="vraag-(\d+)">[\s\S]*?(?=<div class="wp-question"|<\/section>)/g;
    const q = new Map<number, string>();
    for (const m of supply.matchAll(question)) q.set(Number(m[1]), m[0]);
    assert.equal(q.size, 10, 'ten questions');
    // Q1: the latest quarter of meeting places (7, not 3), with its period.
    assert.match(q.get(1)!, /De gegevens geven het antwoord\./);
    assert.match(q.get(1)!, /<th scope="row"[^>]*>Naam sm_meeting_places<\/th><td class="num"[^>]*>7<\/td><td[^>]*>2026-Q3<\/td>/);
    assert.match(q.get(2)!, /De gegevens geven een deel van het antwoord: of een plek toegankelijk is met een rolstoel/);
    assert.match(q.get(2)!, />5</);
    assert.match(q.get(4)!, />2</);
    assert.doesNotMatch(q.get(4)!, />99</, "another wijk's figure");
    assert.match(q.get(6)!, />41</);
    assert.match(q.get(8)!, />9<span class="wp-demo"> \(demo-waarde, verzonnen\)<\/span>/, 'an invented figure is labelled');
    for (const n of [3, 5, 7, 9, 10]) {
      assert.match(q.get(n)!, /De gegevens geven hier geen antwoord op\. Een persoon moet het vertellen\./, `question ${n}`);
      assert.doesNotMatch(q.get(n)!, /<table/, `question ${n} has no figures`);
    }
    const demand = part(body, 'wp-demand');
    assert.match(demand, /<dt>Inwoners<\/dt><dd>2\.710<\/dd>/, 'CBS figures through the areas module');
    assert.match(demand, /<dt>65 jaar en ouder<\/dt><dd>21 %<\/dd>/);
    assert.match(demand, /Naam sig_received<\/th><td class="num"[^>]*>41<\/td><td[^>]*>2026-Q3/);
    assert.match(demand, /Naam help_requests<\/th><td class="num"[^>]*>12</);
  });

  it('lets a partner add a SWOT entry with their organisation, and refuses a resident', async () => {
    const partner = new TestBrowser(ctx.app);
    await signInAs(ctx, partner, { tenantId: HHW.id, role: 'professional', organisationId: kern8 });
    await partner.get(PAGE);
    const res = await partner.post(`${PAGE}/bijdrage`, { kind: 'strength', question: '', text: 'Actieve speeltuinvereniging' });
    assert.equal(res.statusCode, 303);
    const after = await partner.get(res.headers.location as string);
    assert.match(after.body, /Uw bijdrage staat in het wijkperspectief\./);
    assert.match(part(after.body, 'wp-swot'), /Actieve speeltuinvereniging <span class="wp-by">— Kern 8<\/span>/);

    // An answer needs its question; the form comes back with the message beside the field.
    const bad = await partner.post(`${PAGE}/bijdrage`, { kind: 'answer', question: '', text: 'Bij het wijkteam' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Kies bij welke vraag uw antwoord hoort\./);
    const answer = await partner.post(`${PAGE}/bijdrage`, { kind: 'answer', question: '9', text: 'Bij het wijkteam' });
    assert.equal(answer.statusCode, 303);
    const withAnswer = await partner.get(PAGE);
    assert.match(/id="vraag-9"[\s\S]*?(?=id="vraag-10")/.exec(withAnswer.body)![0], /Bij het wijkteam <span class="wp-by">— Kern 8/);

    // Not as another organisation than one's own.
    const other = await partner.post(`${PAGE}/bijdrage`, { kind: 'threat', question: '', text: 'X', organisation: woonwaard });
    assert.equal(other.statusCode, 422);
    assert.match(other.body, /Kies een van uw eigen organisaties\./);

    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: HHW.id, role: 'resident' });
    await resident.get(PAGE);
    const refused = await resident.post(`${PAGE}/bijdrage`, { kind: 'strength', question: '', text: 'Mag ik ook?' });
    assert.equal(refused.statusCode, 403);
    const anon = new TestBrowser(ctx.app);
    await anon.get(PAGE);
    assert.notEqual((await anon.post(`${PAGE}/bijdrage`, { kind: 'strength', question: '', text: 'Anoniem' })).statusCode, 303);
    const page = await new TestBrowser(ctx.app).get(PAGE);
    assert.doesNotMatch(page.body, /Mag ik ook\?|Anoniem/);
    const staff = new TestBrowser(ctx.app);
    await signInAs(ctx, staff, { tenantId: HHW.id, role: 'coordinator' });
    assert.doesNotMatch((await staff.get(PAGE)).body, /Mag ik ook\?|Anoniem|>X </);
    // A professional cannot save a version.
    assert.equal((await partner.post(`${PAGE}/versie`, { priorities: 'A', changeNote: 'x' })).statusCode, 403);
  });

  it('keeps versions: the coordinator saves and agrees; the public reads only agreed versions, earlier ones stay readable', async () => {
    const code = 'WK198017'; // Rivierenwijk: a page of its own
    const page = `/heerhugowaard/wijken/${code}/wijkperspectief`;
    const coordinator = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, coordinator, [{ tenantId: HHW.id, role: 'coordinator' }]);
    await coordinator.get(page);
    await coordinator.post(`${page}/bijdrage`, { kind: 'knelpunt', question: '', text: 'Te weinig ontmoetingsplekken' });

    const v1 = await coordinator.post(`${page}/versie`, {
      priorities: 'Buurthuis vaker open\nSignaleringsnetwerk opzetten',
      changeNote: 'Eerste versie',
    });
    assert.equal(v1.statusCode, 303);
    assert.match(v1.headers.location as string, /\?klaar=bewaard&versie=1$/);
    assert.match((await coordinator.get(v1.headers.location as string)).body, /Versie 1 is bewaard als concept\./);
    // A draft is not public.
    const anon = new TestBrowser(ctx.app);
    assert.match((await anon.get(page)).body, /nog niet opgesteld/);
    assert.equal((await anon.get(`${page}?versie=1`)).statusCode, 404);

    const agreed1 = await coordinator.post(`${page}/versie/1/vaststellen`, {});
    assert.equal(agreed1.statusCode, 303);
    const public1 = await anon.get(page);
    assert.match(public1.body, /Versie 1 \(vastgesteld\)/);
    assert.match(
      part(public1.body, 'wp-priorities'),
      /<ol[^>]*><li>Buurthuis vaker open<\/li><li>Signaleringsnetwerk opzetten<\/li><\/ol>/,
    );
    assert.match(part(public1.body, 'wp-knelpunten'), /Te weinig ontmoetingsplekken/);

    // After version 1: a new contribution and new priorities, agreed with two organisations.
    await coordinator.get(page);
    await coordinator.post(`${page}/bijdrage`, { kind: 'opportunity', question: '', text: 'Nieuwe school wil ruimte delen' });
    // Two organisations: the checkbox field is sent twice, as a browser does.
    const payload = new URLSearchParams([
      ['_csrf', coordinator.csrf],
      ['priorities', 'Signaleringsnetwerk opzetten\nBuurthuis vaker open'],
      ['agreedWith', kern8],
      ['agreedWith', woonwaard],
      ['changeNote', 'Na de wijkavond'],
    ]).toString();
    const v2 = await coordinator.post(`${page}/versie`, {}, { payload });
    assert.equal(v2.statusCode, 303);
    assert.match(v2.headers.location as string, /versie=2$/);
    // Version 2 is a draft: the public still reads version 1.
    assert.match((await anon.get(page)).body, /Versie 1 \(vastgesteld\)/);
    assert.equal((await coordinator.post(`${page}/versie/2/vaststellen`, {})).statusCode, 303);
    const public2 = await anon.get(page);
    assert.match(public2.body, /Versie 2 \(vastgesteld\)/);
    const prio2 = part(public2.body, 'wp-priorities');
    assert.match(prio2, /<li>Signaleringsnetwerk opzetten<\/li><li>Buurthuis vaker open<\/li>/);
    assert.match(prio2, /Afgesproken met: (Kern 8, Woonwaard|Woonwaard, Kern 8)\./);
    assert.match(prio2, /Vastgesteld op 23 november 2026\./);
    assert.match(part(public2.body, 'wp-swot'), /Nieuwe school wil ruimte delen/);
    // The list of versions says what changed, in a line.
    assert.match(
      part(public2.body, 'wp-versions'),
      /Versie 2 \(vastgesteld\), 23 november 2026: Na de wijkavond; 1 nieuwe bijdragen; prioriteiten gewijzigd/,
    );
    // Version 1 stays readable as it was.
    const old = await anon.get(`${page}?versie=1`);
    assert.equal(old.statusCode, 200);
    assert.match(part(old.body, 'wp-priorities'), /<li>Buurthuis vaker open<\/li><li>Signaleringsnetwerk opzetten<\/li>/);
    assert.doesNotMatch(old.body, /Nieuwe school wil ruimte delen/);
    assert.match(old.body, /class="wp-footer">Wijkperspectief Rivierenwijk · versie 1 \(vastgesteld\) · 23 november 2026/);
    // Agreeing twice, or a version that does not exist, is a 404.
    assert.equal((await coordinator.post(`${page}/versie/2/vaststellen`, {})).statusCode, 404);
    assert.equal((await coordinator.post(`${page}/versie/9/vaststellen`, {})).statusCode, 404);
  });

  it("lists the wijken with their wijkperspectief's state for staff only", async () => {
    const anon = new TestBrowser(ctx.app);
    assert.notEqual((await anon.get('/heerhugowaard/beheer/monitor/wijkperspectieven')).statusCode, 200);
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: HHW.id, role: 'resident' });
    assert.equal((await resident.get('/heerhugowaard/beheer/monitor/wijkperspectieven')).statusCode, 403);
    const staff = new TestBrowser(ctx.app);
    await signInAs(ctx, staff, { tenantId: HHW.id, role: 'professional', organisationId: kern8 });
    await staff.get(PAGE);
    await staff.post(`${PAGE}/bijdrage`, { kind: 'weakness', question: '', text: 'Weinig bankjes' });
    const res = await staff.get('/heerhugowaard/beheer/monitor/wijkperspectieven');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /href="\/heerhugowaard\/beheer\/monitor\/wijkperspectieven"/, 'in the menu');
    const row =
      /<tr><th scope="row"[^>]*><a class="utrecht-link" href="\/heerhugowaard\/wijken\/WK198016\/wijkperspectief">Molenwijk<\/a><\/th>[\s\S]*?<\/tr>/.exec(
        res.body,
      )?.[0] ?? '';
    assert.ok(row, 'Molenwijk is listed and linked');
    assert.match(row, /<td class="num"[^>]*>[1-9]\d*<\/td>/, 'with its number of contributions');
    assert.equal((res.body.match(/<tr><th scope="row"/g) ?? []).length, 19, 'every wijk of Heerhugowaard');
  });

  it('is a 404 for an unknown area and for the municipality itself', async () => {
    const anon = new TestBrowser(ctx.app);
    assert.equal((await anon.get('/heerhugowaard/wijken/WK199999/wijkperspectief')).statusCode, 404);
    assert.equal((await anon.get('/heerhugowaard/wijken/GM1980/wijkperspectief')).statusCode, 404);
  });
});
