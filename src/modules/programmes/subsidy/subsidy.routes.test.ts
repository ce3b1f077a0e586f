import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { GRONINGEN, buildOrganisation, buildTenant } from '../../../../test/helpers/factories.ts';

const BASE = `/${GRONINGEN.slug}/beheer/subsidies`;

describe('programmes: subsidy pages (no JavaScript)', () => {
  const ctx = useTestApp();
  let orgA = '';
  let orgB = '';
  let goal = '';
  before(async () => {
    const db = ctx.database.db;
    await buildTenant(db, GRONINGEN);
    orgA = (await buildOrganisation(db, { tenantId: GRONINGEN.id, name: 'Welzijn A' })).id;
    orgB = (await buildOrganisation(db, { tenantId: GRONINGEN.id, name: 'Zorg B' })).id;
    const p = await db
      .insertInto('programmes')
      .values({ tenant_id: GRONINGEN.id, slug: 'vitale-buurten', title_nl: 'Vitale buurten', start_year: 2010 })
      .returning('id')
      .executeTakeFirstOrThrow();
    goal = (
      await db
        .insertInto('programme_goals')
        .values({ tenant_id: GRONINGEN.id, programme_id: p.id, number: '2', title_nl: 'Preventie' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('a professional submits a proposal (422 beside the fields first), the coordinator decides it, another organisation cannot see it', async () => {
    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: GRONINGEN.id, role: 'professional', organisationId: orgA });
    const form = await pro.get(`${BASE}/nieuw`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Vitale buurten · 2\. Preventie/);
    assert.doesNotMatch(form.body, /Zorg B/, 'only their own organisation to choose');

    const bad = await pro.post(BASE, {
      organisationId: orgA,
      title: 'Buurtprogramma',
      startYear: '2013',
      endYear: '2011',
      requested: '-5',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Schrijf een bedrag in euro/);
    const wrongOrg = await pro.post(BASE, {
      organisationId: orgB,
      title: 'Buurtprogramma',
      startYear: '2011',
      endYear: '2014',
      requested: '',
      goalIds: goal,
    });
    assert.equal(wrongOrg.statusCode, 422);
    assert.match(wrongOrg.body, /Kies een van uw eigen organisaties/);

    const ok = await pro.post(BASE, {
      organisationId: orgA,
      title: 'Buurtprogramma',
      startYear: '2011',
      endYear: '2014',
      requested: '125.000',
      goalIds: goal,
    });
    assert.equal(ok.statusCode, 303);
    const page = await pro.get(ok.headers.location as string);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Het voorstel is ingediend/);
    assert.match(page.body, /Gevraagd: € 125\.000/);
    assert.match(page.body, /nog niet beoordeeld/);
    assert.doesNotMatch(page.body, /\/besluit"/, 'no decision form for the professional');
    const id = (ok.headers.location as string).split('/').pop()!.split('?')[0]!;

    const other = new TestBrowser(ctx.app);
    await signInAs(ctx, other, { tenantId: GRONINGEN.id, role: 'professional', organisationId: orgB });
    assert.equal((await other.get(`${BASE}/${id}`)).statusCode, 403);
    assert.doesNotMatch((await other.get(BASE)).body, /Buurtprogramma/);

    const coordinator = new TestBrowser(ctx.app);
    await signInAs(ctx, coordinator, { tenantId: GRONINGEN.id, role: 'coordinator' });
    assert.match((await coordinator.get(BASE)).body, /Buurtprogramma/);
    const judged = Object.fromEntries(
      [1, 2, 3, 4, 5, 6].flatMap((c) => [
        [`met${c}`, c === 5 ? 'no' : 'yes'],
        [`evidence${c}`, `Bewijs ${c}`],
      ]),
    );
    assert.match((await coordinator.get(`${BASE}/${id}`)).body, /De instellingen vragen regelmatig hun cliënten/);
    const noReason = await coordinator.post(`${BASE}/${id}/besluit`, { ...judged, decision: 'granted', granted: '', reasons: '' });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /Een voorwaarde is niet voldaan: schrijf waarom u toch toekent/);
    const notAll = await coordinator.post(`${BASE}/${id}/besluit`, {
      ...judged,
      met3: '',
      decision: 'refused',
      granted: '',
      reasons: 'Geen afstemming',
    });
    assert.equal(notAll.statusCode, 422);
    assert.match(notAll.body, /Beoordeel deze voorwaarde/);
    const decided = await coordinator.post(`${BASE}/${id}/besluit`, {
      ...judged,
      decision: 'partly',
      granted: '100.000',
      reasons: 'Tevredenheidsonderzoek ontbreekt',
    });
    assert.equal(decided.statusCode, 303);
    const after = await pro.get(`${BASE}/${id}`);
    assert.match(after.body, /deels toegekend op 2026-11-23/);
    assert.match(after.body, /Toegekend: € 100\.000/);
    assert.match(after.body, /Tevredenheidsonderzoek ontbreekt/);
    assert.match(after.body, /niet voldaan/);
  });

  it('keeps residents out', async () => {
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: GRONINGEN.id, role: 'resident' });
    assert.equal((await resident.get(BASE)).statusCode, 403);
  });
});
