/**
 * The fund pages over HTTP (issue 15): a coordinator makes a fund, sets a budget and a round; a
 * budget whose total differs is refused on the page (422, message beside the field, nothing saved);
 * a resident cannot reach the coordinator's pages; the public page shows the rules and budget left.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { T, WIJK, setupAreas } from '../apply/apply.test-support.ts';

describe('initiatives: fund pages', () => {
  const ctx = useTestApp();
  const s = {} as { coordinator: TestBrowser; resident: TestBrowser };
  const base = `/${T.slug}/beheer/samen-doen`;

  before(async () => {
    await setupAreas(ctx.database.db, ctx.clock.now());
    s.coordinator = new TestBrowser(ctx.app);
    s.resident = new TestBrowser(ctx.app);
    await signInAs(ctx, s.coordinator, { tenantId: T.id, role: 'coordinator' });
    await signInAs(ctx, s.resident, { tenantId: T.id, role: 'resident' });
  });

  it('a coordinator makes a fund with rules, a budget and a round; the public page shows them', async () => {
    assert.equal((await s.coordinator.get(base)).statusCode, 200);
    const made = await s.coordinator.post(base, { nameNl: 'Buurtfonds', slug: 'buurtfonds' });
    assert.equal(made.statusCode, 303);
    assert.equal((await s.coordinator.get(`${base}/buurtfonds`)).statusCode, 200);
    const rules = await s.coordinator.post(`${base}/buurtfonds/regels`, {
      nameNl: 'Buurtfonds',
      maxPerInitiativeCents: '2.500',
      minCosigners: '2',
      ownContribution: 'money_or_kind',
      leadTimeDays: '14',
    });
    assert.equal(rules.statusCode, 303);
    await s.coordinator.get(`${base}/buurtfonds`);
    const budget = await s.coordinator.post(`${base}/buurtfonds/budget`, {
      year: '2026',
      total: '€ 12.000',
      'lines.0.label': 'Centrum',
      'lines.0.amount': '10.000',
      'lines.0.areas': WIJK,
      'lines.1.label': 'Sociale projecten',
      'lines.1.amount': '2.000',
    });
    assert.equal(budget.statusCode, 303);
    await s.coordinator.get(`${base}/buurtfonds`);
    const round = await s.coordinator.post(`${base}/buurtfonds/ronde`, { nameNl: 'Doorlopend', kind: 'rolling', opensOn: '2026-01-01' });
    assert.equal(round.statusCode, 303);
    const page = await new TestBrowser(ctx.app).get(`/${T.slug}/samen-doen/buurtfonds`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Per initiatief ten hoogste € 2\.500\./);
    assert.match(page.body, /€ 10\.000/);
    assert.match(page.body, /Doorlopend/);
    // The overview leads residents to the fund, their applications, voting and the youth channel.
    const overview = await new TestBrowser(ctx.app).get(`/${T.slug}/samen-doen`);
    for (const href of ['/samen-doen/buurtfonds', '/samen-doen/mijn-aanvragen', '/initiatieven/stemmen', '/jongeren']) {
      assert.match(overview.body, new RegExp(`href="/${T.slug}${href}"`));
    }
  });

  it('refuses a budget whose total differs, with the message beside the field and nothing saved', async () => {
    await s.coordinator.get(`${base}/buurtfonds`);
    const r = await s.coordinator.post(`${base}/buurtfonds/budget`, {
      year: '2026',
      total: '12.001',
      'lines.0.label': 'Centrum',
      'lines.0.amount': '12.000',
      'lines.0.areas': WIJK,
    });
    assert.equal(r.statusCode, 422);
    assert.match(r.body, /Het totaal is niet gelijk aan de optelsom van de delen\./);
    const rows = await ctx.database.db.selectFrom('initiative_budgets').select('amount_cents').orderBy('amount_cents').execute();
    assert.deepEqual(
      rows.map((x) => x.amount_cents),
      [200_000, 1_000_000],
    );
  });

  it('a resident cannot reach the coordinator pages', async () => {
    assert.equal((await s.resident.get(base)).statusCode, 403);
    assert.equal((await s.resident.get(`${base}/buurtfonds`)).statusCode, 403);
  });
});
