import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { ensureTenant, signInAs } from '../../../../test/helpers/people.ts';
import { KRIMPEN } from '../../../../test/helpers/factories.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { initiativesDemoSeed } from '../demo/demo.ts';

describe('voting routes', () => {
  const ctx = useTestApp();
  let round = '';
  before(async () => {
    const db = ctx.database.db;
    await ensureTenant(db, KRIMPEN);
    await inTransaction(db, (trx) =>
      initiativesDemoSeed(trx, { tenants: [KRIMPEN], organisations: new Map(), users: new Map(), now: ctx.clock.now() }),
    );
    round = (await db.selectFrom('initiative_rounds').where('voting', '=', 'knapsack').select('id').executeTakeFirstOrThrow()).id;
  });

  it('lets only the coordinator print paper codes; shows them once, not cached, and they vote once', async () => {
    const codesUrl = `/${KRIMPEN.slug}/beheer/initiatieven/stemcodes/${round}`;
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: KRIMPEN.id, role: 'resident' });
    assert.equal((await resident.get(codesUrl)).statusCode, 403);
    assert.equal((await resident.post(codesUrl, { count: '2' })).statusCode, 403);

    const coordinator = new TestBrowser(ctx.app);
    await signInAs(ctx, coordinator, { tenantId: KRIMPEN.id, role: 'coordinator' });
    const page = await coordinator.get(codesUrl);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /11 codes gemaakt, 8 gebruikt\./, 'the demo: eight used and three to try');
    const bad = await coordinator.post(codesUrl, { count: '0' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Vul een aantal in van 1 tot en met 500\./);
    const printed = await coordinator.post(codesUrl, { count: '2', area: 'WK054200' });
    assert.equal(printed.statusCode, 200);
    assert.equal(printed.headers['cache-control'], 'no-store');
    const codes = [...printed.body.matchAll(/vote-code__code">([A-Z0-9-]{14})</g)].map((m) => m[1]!);
    assert.equal(codes.length, 2);
    assert.match((await coordinator.get(codesUrl)).body, /13 codes gemaakt, 8 gebruikt\./);
    assert.doesNotMatch((await coordinator.get(codesUrl)).body, new RegExp(codes[0]!), 'shown once');

    // A resident without an account votes with one of them; the form needs its CSRF token.
    const voter = new TestBrowser(ctx.app);
    const ballotUrl = `/${KRIMPEN.slug}/initiatieven/stemmen/${round}`;
    const ballot = await voter.get(ballotUrl);
    const choice = /name="choices" value="([0-9a-f-]{36})"/.exec(ballot.body)![1]!;
    assert.equal((await voter.post(ballotUrl, { choices: choice, code: codes[0]!, _csrf: '' })).statusCode, 403);
    const cast = await voter.post(ballotUrl, { choices: choice, code: codes[0]!.toLowerCase() });
    assert.equal(cast.statusCode, 303);
    const again = await voter.post(ballotUrl, { choices: choice, code: codes[0]! });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Met deze stemcode is al gestemd/);
    assert.match((await coordinator.get(codesUrl)).body, /13 codes gemaakt, 9 gebruikt\./);
  });

  it('answers 404 for a round that does not exist or has no voting', async () => {
    const browser = new TestBrowser(ctx.app);
    const missing = '33333333-3333-4333-8333-333333333333';
    assert.equal((await browser.get(`/${KRIMPEN.slug}/initiatieven/stemmen/${missing}`)).statusCode, 404);
    const rolling = (
      await ctx.database.db.selectFrom('initiative_rounds').where('voting', '=', 'none').select('id').executeTakeFirstOrThrow()
    ).id;
    assert.equal((await browser.get(`/${KRIMPEN.slug}/initiatieven/stemmen/${rolling}/uitslag`)).statusCode, 404);
    assert.equal((await browser.get(`/${KRIMPEN.slug}/initiatieven/stemmen/niet-een-id`)).statusCode, 404);
  });
});
