/**
 * Issue 12 through the routes: the sign-in link on /hulp, the request form in two steps (one-off or
 * weekly first, no coordinates, the buurt from the postcode; a place that cannot be found gives the
 * form again with the message beside the field and everything kept, nothing stored), and hours for
 * a week both sides confirmed (a clear message beside the week, nothing half-stored).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { EAST, seedAreas, T } from '../test-support.ts';
import { saveOffer } from '../offers/offers.service.ts';
import { actorIn } from '../actor.ts';

const base = `/${T.slug}/hulp`;

function weeklyFields(over: Record<string, string> = {}): [string, string][] {
  const fields: Record<string, string> = {
    scheduleKind: 'weekly',
    category: 'boodschappen',
    helpType: 'incidental',
    summary: 'Elke donderdag boodschappen',
    postcode: '2922 AB',
    address: 'Weekstraat 4',
    radius: 'gemeente',
    urgency: 'normal',
    ...over,
  };
  return [...Object.entries(fields), ['slots', '4-ochtend']];
}

describe('helpmatch routes: issue 12 (form, place, weekly hours)', () => {
  const ctx = useTestApp();
  let resident: TestBrowser;
  let volunteer: TestBrowser;
  let volunteerId: string;
  const post = (b: TestBrowser, url: string, fields: [string, string][]) =>
    b.post(url, {}, { payload: new URLSearchParams([['_csrf', b.csrf], ...fields]).toString() });
  const requestCount = async () => (await ctx.database.db.selectFrom('help_requests').select('id').execute()).length;

  before(async () => {
    await seedAreas(ctx.database.db);
    resident = new TestBrowser(ctx.app);
    volunteer = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: T.id, role: 'resident', name: 'Rosa Route' });
    volunteerId = await signInAs(ctx, volunteer, { tenantId: T.id, role: 'volunteer', name: 'Victor Route' });
    await saveOffer(
      ctx.database.db,
      T.id,
      actorIn(T.id, volunteerId, ['volunteer'], { now: ctx.clock.now() }),
      {
        talents: '',
        categories: ['boodschappen'],
        slots: [{ weekday: 4, from: '09:00', to: '12:00' }],
        reach: 'municipality',
        maxPerMonth: 8,
        languages: ['nl'],
        lon: EAST[0],
        lat: EAST[1],
        active: true,
      },
      ctx.clock.now(),
    );
    for (const b of [resident, volunteer]) await b.get(`${base}/vacatures`);
  });

  it('"Log in om hulp te vragen" on /hulp is a link to sign in (and back)', async () => {
    const res = await new TestBrowser(ctx.app).get(base);
    assert.equal(res.statusCode, 200);
    assert.ok(
      res.body.includes(`<a class="utrecht-link" href="/aanmelden?terug=${encodeURIComponent(base)}">Log in om hulp te vragen`),
      'a link, not plain text',
    );
  });

  it('asks one-off or weekly first, never for coordinates; the weekly step shows the slot grid and hides the one-off fields', async () => {
    const step1 = await resident.get(`${base}/vragen/nieuw`);
    assert.equal(step1.statusCode, 200);
    assert.match(step1.body, /Is het één keer, of elke week\?/);
    assert.ok(!step1.body.includes('name="summary"'), 'step 1 asks only the kind');
    const none = await resident.get(`${base}/vragen/nieuw?verder=1`);
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /Kies of het één keer is of elke week/);
    const weekly = await resident.get(`${base}/vragen/nieuw?soort=wekelijks`);
    assert.equal(weekly.statusCode, 200);
    assert.match(weekly.body, /<fieldset class="utrecht-form-fieldset" data-show-if="scheduleKind=once" hidden>/);
    assert.match(weekly.body, /<div data-show-if="scheduleKind=weekly">/);
    assert.ok(!/Breedtegraad|Lengtegraad/.test(weekly.body), 'no coordinate fields');
    assert.ok(!/<select[^>]*name="buurt"/.test(weekly.body), 'no buurt picked from CBS names');
    assert.ok(!/name="lat"(?![^>]*type="hidden")[^>]*>/.test(weekly.body.replace(/<input type="hidden"[^>]*>/g, '')));
    assert.match(weekly.body, /Ik ben kwetsbaar\./, 'phrased for someone asking for themselves');
    assert.ok(!weekly.body.includes('De bewoner is kwetsbaar'));
    assert.match(weekly.body, /Wat is een VOG\?/);
  });

  it('places the request by its postcode (the buurt from the address); a postcode that cannot be placed keeps everything typed', async () => {
    await resident.get(`${base}/vragen/nieuw?soort=wekelijks`);
    const before = await requestCount();
    const unknown = await post(resident, `${base}/vragen/nieuw`, weeklyFields({ postcode: '9999 ZZ' }));
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /id="veld-postcode-error"[^>]*>[^<]*9999/, 'the message beside the postcode field');
    assert.ok(unknown.body.includes('value="Elke donderdag boodschappen"'), 'the summary is kept');
    assert.ok(unknown.body.includes('value="Weekstraat 4"'), 'the address is kept');
    assert.match(unknown.body, /value="4-ochtend" checked/, 'the chosen slot is kept');
    const outside = await post(resident, `${base}/vragen/nieuw`, weeklyFields({ postcode: '9712 AB' }));
    assert.equal(outside.statusCode, 422);
    assert.match(outside.body, /ligt niet in de gemeente/);
    assert.equal(await requestCount(), before, 'nothing stored');
    const ok = await post(resident, `${base}/vragen/nieuw`, weeklyFields());
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 1500));
    const id = /vragen\/([0-9a-f-]{36})/.exec(ok.headers.location as string)![1]!;
    const row = await ctx.database.db.selectFrom('help_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.buurt_code, 'BU05420000', 'the buurt of postcode area 2922');
    assert.equal(row.address, 'Weekstraat 4');
    const page = await resident.get(ok.headers.location as string);
    assert.match(page.body, /We zoeken vanaf het midden van postcodegebied 2922/, 'a coarse place is said so');
  });

  it('hours for a week both sides confirmed: a clear message beside the week, nothing half-stored', async () => {
    await resident.get(`${base}/vragen/nieuw?soort=wekelijks`);
    const res = await post(resident, `${base}/vragen/nieuw`, weeklyFields({ summary: 'Vaste hulp, route' }));
    const requestId = /vragen\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
    await volunteer.get(`${base}/vragen/${requestId}`);
    const yes = await volunteer.post(`${base}/vragen/${requestId}/reageren`, {});
    const matchId = /match\/([0-9a-f-]{36})/.exec(yes.headers.location as string)![1]!;
    await resident.get(`${base}/match/${matchId}`);
    assert.equal((await resident.post(`${base}/match/${matchId}/kiezen`, {})).statusCode, 303);
    const week = '2026-11-23';
    await volunteer.get(`${base}/match/${matchId}`);
    assert.equal((await volunteer.post(`${base}/match/${matchId}/uren`, { week, hours: '2' })).statusCode, 303);
    assert.equal((await resident.post(`${base}/match/${matchId}/week-bevestigen`, { week })).statusCode, 303);
    const again = await volunteer.post(`${base}/match/${matchId}/uren`, { week, hours: '5' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /id="veld-week-error"[^>]*>De uren van deze week zijn al door u allebei bevestigd/);
    const sessions = await ctx.database.db.selectFrom('help_match_sessions').selectAll().where('match_id', '=', matchId).execute();
    assert.deepEqual(
      sessions.map((s) => [s.week_start, Number(s.hours)]),
      [[week, 2]],
    );
    const m = await ctx.database.db.selectFrom('help_matches').selectAll().where('id', '=', matchId).executeTakeFirstOrThrow();
    assert.equal(m.state, 'accepted', 'weekly help goes on');
    assert.equal(Number(m.hours), 2);
    const twice = await resident.post(`${base}/match/${matchId}/week-bevestigen`, { week });
    assert.equal(twice.statusCode, 409);
  });
});
