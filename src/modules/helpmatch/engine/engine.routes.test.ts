import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs, signInUser } from '../../../../test/helpers/people.ts';
import { refreshAreaSummaries } from '../../../../test/helpers/summaries.ts';
import { type Actor } from '../actor.ts';
import { recordVog } from '../offers/offers.service.ts';
import { makeActor, seedAreas, T } from '../test-support.ts';
import { NOW, SECRET_ADDRESS, volunteerWithOffer, weeklyRequest } from './engine.test-support.ts';
import { runWave } from './waves.ts';
import { actorIn } from '../actor.ts';

const base = `/${T.slug}/hulp`;

describe('engine pages', () => {
  const ctx = useTestApp();
  let coordinator: Actor;
  let coordinatorBrowser: TestBrowser;
  let volunteer: { actor: Actor; offerId: string };
  let far: { actor: Actor; offerId: string };
  let incidental = '';
  let structural = '';

  before(async () => {
    const db = ctx.database.db;
    ctx.clock.set(NOW);
    await seedAreas(db);
    coordinatorBrowser = new TestBrowser(ctx.app);
    const coordinatorId = await signInAs(ctx, coordinatorBrowser, { tenantId: T.id, role: 'coordinator', name: 'Carla Coördinator' });
    coordinator = actorIn(T.id, coordinatorId, ['coordinator'], { now: NOW });
    volunteer = await volunteerWithOffer(db, 0.005, {}, 'Vera Vrijwilliger');
    far = await volunteerWithOffer(db, 0.02, { reach: 'municipality' }, 'Frank Ver');
    await recordVog(db, T.id, coordinator, volunteer.offerId, '2026-11-01', NOW);
    const requester = await makeActor(db, 'resident', 'Rita Hulpvrager');
    incidental = await weeklyRequest(db, requester);
    structural = await weeklyRequest(db, requester, { helpType: 'structural', summary: 'Elke week de tuin bijhouden' });
  });

  const as = async (actor: Actor, mfa = false) => {
    if (actor === coordinator) return coordinatorBrowser;
    const b = new TestBrowser(ctx.app);
    await signInUser(ctx, b, actor.userId, { mfa });
    return b;
  };

  it('shows a volunteer the requests near them with the explanation, the buurt and a distance band, never the address', async () => {
    const b = await as(volunteer.actor);
    const res = await b.get(`${base}/voor-u`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Hulpvragen bij u in de buurt/);
    assert.match(res.body, /Heg snoeien in de voortuin/);
    assert.match(res.body, /Westbuurt/);
    assert.match(res.body, /op 400 m van u, u heeft dinsdagmiddag tijd, past bij uw talent: snoeien/);
    assert.ok(!res.body.includes(SECRET_ADDRESS));
    assert.ok(!res.body.includes('Rita'));
    assert.ok(!res.body.includes('Bel twee keer aan'), 'remarks stay hidden before acceptance');
  });

  it("lets the volunteer respond from the list (a proposed match, then core's match page)", async () => {
    const b = await as(far.actor);
    await b.get(`${base}/voor-u`);
    const res = await b.post(`${base}/voor-u/${incidental}/helpen`, {});
    assert.equal(res.statusCode, 303);
    assert.match(res.headers.location as string, new RegExp(`^${base}/match/[0-9a-f-]{36}\\?melding=gereageerd$`));
    const after = await b.get(`${base}/voor-u`);
    assert.match(after.body, /Bekijk uw reactie/);
  });

  it("shows a wave suggestion on the volunteer's page with a link to the match", async () => {
    const db = ctx.database.db;
    // Frank said yes to the first request (test above): its waves pause while the asker chooses (waves.pause.test.ts).
    const paused = await runWave(db, { tenantId: T.id, requestId: incidental, wave: 1, now: NOW, baseUrl: 'http://test' });
    assert.equal(paused.kind, 'paused');
    // A request nobody said yes to yet goes out in a wave.
    const asker = await makeActor(db, 'resident', 'Wim Wachtend');
    const fresh = await weeklyRequest(db, asker, { summary: 'Lamp vervangen in de gang' });
    const outcome = await runWave(db, { tenantId: T.id, requestId: fresh, wave: 1, now: NOW, baseUrl: 'http://test' });
    assert.equal(outcome.kind, 'notified');
    assert.ok(outcome.kind === 'notified' && outcome.userIds.includes(volunteer.actor.userId));
    const b = await as(volunteer.actor);
    const res = await b.get(`${base}/voor-u`);
    assert.match(res.body, new RegExp(`href="${base}/match/[0-9a-f-]{36}">Bekijk de vraag en laat weten of u helpt`));
  });

  it('shows a coordinator ranked suggestions with explanations and lets them propose one', async () => {
    const b = await as(coordinator, true);
    const list = await b.get(`${base}/suggesties`);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(`${base}/suggesties/${incidental}`));
    const res = await b.get(`${base}/suggesties/${structural}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Vera Vrijwilliger/);
    assert.match(res.body, /woont op 400 m, heeft dinsdagmiddag tijd/);
    assert.match(res.body, /heeft een VOG/);
    const [ranked, misfits] = res.body.split('Waarom passen de andere vrijwilligers niet?');
    assert.ok(!ranked!.includes('Frank Ver'), 'no VOG: not suggested for structural help');
    // Why he does not fit, every reason, with a way to widen (issue 12).
    assert.ok(misfits!.includes('Frank Ver'), 'but listed with the reason');
    assert.match(misfits!, /voor deze vraag is een VOG nodig/);
    assert.match(misfits!, /Vraag de vrijwilliger om een VOG/);
    assert.match(misfits!, /Wat is een VOG\?/);
    const post = await b.post(`${base}/suggesties/${structural}`, { volunteer: volunteer.actor.userId });
    assert.equal(post.statusCode, 303);
    const m = await ctx.database.db.selectFrom('help_matches').selectAll().where('request_id', '=', structural).executeTakeFirstOrThrow();
    assert.equal(m.state, 'proposed');
    assert.equal(m.source, 'coordinator');
    assert.ok(m.explanation.length > 0);
  });

  it('refuses proposing someone who does not pass the filters (422), unknown requests (404) and non-coordinators (403)', async () => {
    const b = await as(coordinator, true);
    await b.get(`${base}/suggesties/${structural}`);
    const bad = await b.post(`${base}/suggesties/${structural}`, { volunteer: far.actor.userId });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /past niet \(meer\) bij deze hulpvraag/);
    assert.equal((await b.get(`${base}/suggesties/not-a-uuid`)).statusCode, 404);
    assert.equal((await b.get(`${base}/suggesties/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
    const v = await as(volunteer.actor);
    assert.equal((await v.get(`${base}/suggesties/${structural}`)).statusCode, 403);
    assert.equal((await v.get(`${base}/batch`)).statusCode, 403);
    assert.equal((await v.get(`${base}/dashboard`)).statusCode, 403);
  });

  it('runs the batch on request, shows pairs with explanations, and confirms them', async () => {
    const db = ctx.database.db;
    const requester = await makeActor(db, 'resident');
    const second = await weeklyRequest(db, requester, { helpType: 'structural', summary: 'Vaste hulp bij de moestuin' });
    const b = await as(coordinator, true);
    const intro = await b.get(`${base}/batch`);
    assert.equal(intro.statusCode, 200);
    assert.match(intro.body, /Voorstel nu berekenen/);
    const res = await b.get(`${base}/batch?berekenen=1`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Vaste hulp bij de moestuin/);
    assert.match(res.body, /Vera Vrijwilliger/);
    const pair = new RegExp(`name="pair" value="(${second}:[0-9a-f-]{36})"`).exec(res.body);
    assert.ok(pair, 'the new structural request has a proposed volunteer');
    const post = await b.post(`${base}/batch`, { pair: pair[1]! });
    assert.equal(post.statusCode, 200);
    assert.match(post.body, /1 voorstellen zijn verstuurd/);
    const m = await db.selectFrom('help_matches').select(['state', 'source']).where('request_id', '=', second).executeTakeFirstOrThrow();
    assert.deepEqual(m, { state: 'proposed', source: 'batch' });
    const none = await b.post(`${base}/batch`, {});
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /Kies minstens één koppel/);
  });

  it('shows the dashboard with accessible tables, exports CSV, and refuses unknown areas and periods', async () => {
    const b = await as(coordinator);
    const res = await b.get(`${base}/dashboard`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<caption>Cijfers voor Krimpen aan den IJssel<\/caption>/);
    // The four requests of this file (the wave test adds one).
    assert.match(res.body, /<th scope="row">Hulpvragen in deze periode<\/th><td>4<\/td>/);
    assert.match(res.body, /Krimpen Centrum/);
    assert.ok(res.body.includes(`href="${base}/batch"`) && res.body.includes(`href="${base}/suggesties"`));
    const wijk = await b.get(`${base}/dashboard?gebied=WK054200&periode=30`);
    assert.equal(wijk.statusCode, 200);
    assert.match(wijk.body, /Westbuurt/);
    const csv = await b.get(`${base}/dashboard.csv?gebied=WK054200&periode=30`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    const rows = parse(csv.body) as string[][];
    assert.equal(rows[0]![0], 'Code');
    assert.equal(rows[1]![0], 'WK054200');
    assert.equal(rows[1]![2], '4');
    assert.ok(!csv.body.includes(SECRET_ADDRESS) && !csv.body.includes('Vera'));
    assert.equal((await b.get(`${base}/dashboard?gebied=WK999999`)).statusCode, 400);
    assert.equal((await b.get(`${base}/dashboard?periode=7`)).statusCode, 400);
    assert.equal((await b.get(`${base}/dashboard?gebied=WK054200&gebied=BU05420000`)).statusCode, 400);
    assert.equal((await b.get(`${base}/dashboard.csv?periode=30&periode=90`)).statusCode, 400);
  });

  it('adds counts (no personal data) to the neighbourhood page', async () => {
    await refreshAreaSummaries(ctx.app, T.id);
    const res = await new TestBrowser(ctx.app).get(`/${T.slug}/wijken/WK054200`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h2 class="utrecht-heading-2" id="section-helpen">Helpen<\/h2>/);
    assert.match(res.body, /<th scope="row">Hulpvragen \(totaal\)<\/th><td>4<\/td>/);
    assert.match(res.body, /<th scope="row">Mensen die hulp aanbieden<\/th><td>2<\/td>/);
    assert.ok(!res.body.includes(SECRET_ADDRESS) && !res.body.includes('Vera') && !res.body.includes('Heg snoeien'));
  });
});
