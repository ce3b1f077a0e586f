import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { KRIMPEN, buildArea, buildOrganisation, buildTenant } from '../../../../test/helpers/factories.ts';
import { signInWithRoles } from '../../../../test/helpers/people.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { defineIndicator } from '../../monitor/monitor.service.ts';

const BASE = `/${KRIMPEN.slug}/programmas/oog-en-oor`;

describe('programmes: programme and card pages (no JavaScript)', () => {
  const ctx = useTestApp();
  const coordinator = () => new TestBrowser(ctx.app);
  let coord: TestBrowser;
  let orgB = '';
  let goalId = '';

  before(async () => {
    const db = ctx.database.db;
    await buildTenant(db, KRIMPEN);
    await buildArea(db, {
      tenantId: KRIMPEN.id,
      level: 'district',
      code: 'WK054201',
      name: 'Oud-Krimpen',
      bbox: [4.58, 51.91, 4.6, 51.92],
    });
    await buildArea(db, {
      tenantId: KRIMPEN.id,
      level: 'district',
      code: 'WK054202',
      name: 'Lansingh-Zuid',
      bbox: [4.6, 51.91, 4.62, 51.92],
    });
    orgB = (await buildOrganisation(db, { tenantId: KRIMPEN.id, name: 'Seniorenplatform' })).id;
    coord = coordinator();
    await signInWithRoles(ctx, coord, [{ tenantId: KRIMPEN.id, role: 'coordinator' }]);
    await coord.get(`/${KRIMPEN.slug}/beheer/programmas/nieuw`);
    const made = await coord.post(`/${KRIMPEN.slug}/beheer/programmas/nieuw`, {
      titleNl: 'Oog en oor voor elkaar',
      slug: 'oog-en-oor',
      ownerRole: 'beleidsmedewerker Wmo',
      startYear: '2010',
      endYear: '2011',
      status: 'active',
    });
    assert.equal(made.statusCode, 303, made.body);
    const goal = await coord.post(`/${KRIMPEN.slug}/beheer/programmas/oog-en-oor/doelen`, {
      parentId: '',
      goalNumber: '1',
      goalTitle: 'Meer bewoners doen mee',
    });
    assert.equal(goal.statusCode, 303, goal.body);
    goalId = (await db.selectFrom('programme_goals').select('id').where('tenant_id', '=', KRIMPEN.id).executeTakeFirstOrThrow()).id;
  });

  const cardForm = (over: Record<string, string> = {}) => ({
    number: '6',
    titleNl: 'Versterken ontmoeting',
    goalIds: goalId,
    plannedStart: '2010-01-01',
    plannedEnd: '2011-12-31',
    lead0_role: 'opbouwwerker',
    lead0_area: 'WK054201',
    lead1_role: 'buurtcoach',
    lead1_area: 'WK054202',
    bl0_kind: 'cost',
    bl0_year: '2010',
    bl0_amount: '30.000',
    bl0_recurrence: 'per_year',
    bl2_kind: 'coverage',
    bl2_year: '2010',
    bl2_amount: '20.000',
    bl2_source: 'innovation_fund',
    ...over,
  });
  const withAreas = (form: Record<string, string>) => `${new URLSearchParams(form).toString()}&areaCodes=WK054201&areaCodes=WK054202`;

  it('shows the refusal beside the right budget row and keeps what was typed (422)', async () => {
    await coord.get(`${BASE}/projecten/nieuw`);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${BASE}/projecten/nieuw`,
      payload: `${withAreas(cardForm({ bl2_amount: '30.000,01' }))}&_csrf=${encodeURIComponent(coord.csrf)}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        cookie: [...coord.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="veld-bl2_amount-error"[^>]*>De dekking in dit jaar is hoger dan de kosten\./);
    assert.match(res.body, /value="buurtcoach"/);
    assert.equal((await ctx.database.db.selectFrom('programme_projects').select('id').execute()).length, 0);
  });

  it('saves a card with two areas and two leads and shows its computed missing coverage', async () => {
    await coord.get(`${BASE}/projecten/nieuw`);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${BASE}/projecten/nieuw`,
      payload: `${withAreas(cardForm())}&_csrf=${encodeURIComponent(coord.csrf)}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        cookie: [...coord.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    assert.equal(res.statusCode, 303, res.body);
    const page = await new TestBrowser(ctx.app).get(res.headers.location as string);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Project 6: Versterken ontmoeting/);
    assert.match(page.body, /Ontbreekt dekking:\s*(<!-- -->)?\s*<strong><span>€ 10\.000<\/span>/);
    assert.match(page.body, /opbouwwerker \(Oud-Krimpen\)/);
    assert.match(page.body, /buurtcoach \(Lansingh-Zuid\)/);
    const programme = await new TestBrowser(ctx.app).get(BASE);
    assert.match(programme.body, /nog geen indicator gekoppeld/);
    assert.match(programme.body, /€ 10\.000/);
  });

  it('edits a card with the same form, filled in; "meer regels" adds rows without saving', async () => {
    const card = await ctx.database.db.selectFrom('programme_projects').select('id').executeTakeFirstOrThrow();
    const edit = `${BASE}/projecten/${card.id}/bewerken`;
    const form = await coord.get(edit);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="bl0_amount"[^>]*value="30\.000"|value="30\.000"[^>]*name="bl0_amount"/);
    assert.match(form.body, /value="buurtcoach"/);
    const more = await coord.post(edit, { meer: '1', lineRows: '6', number: '6' });
    assert.equal(more.statusCode, 200);
    assert.match(more.body, /name="bl9_amount"/);
    assert.equal(
      (await ctx.database.db.selectFrom('programme_projects').select('title_nl').executeTakeFirstOrThrow()).title_nl,
      'Versterken ontmoeting',
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: edit,
      payload: `${withAreas(cardForm({ titleNl: 'Samen eten', bl2_amount: '25.000' }))}&_csrf=${encodeURIComponent(coord.csrf)}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        cookie: [...coord.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    assert.equal(res.statusCode, 303, res.body);
    const page = await new TestBrowser(ctx.app).get(res.headers.location as string);
    assert.match(page.body, /Project 6: Samen eten/);
    assert.match(page.body, /€ 5\.000/);
  });

  it('lets a professional of another organisation read the card but not open its edit form', async () => {
    const card = await ctx.database.db.selectFrom('programme_projects').select('id').executeTakeFirstOrThrow();
    const pro = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, pro, [{ tenantId: KRIMPEN.id, role: 'professional', organisationId: orgB }]);
    assert.equal((await pro.get(`${BASE}/projecten/${card.id}`)).statusCode, 200);
    assert.equal((await pro.get(`${BASE}/projecten/${card.id}/bewerken`)).statusCode, 403);
    assert.equal((await pro.post(`${BASE}/projecten/${card.id}/terug-naar-lijn`, {})).statusCode, 403);
  });

  it('lets the coordinator tie a goal to a monitor indicator; the goal then shows baseline, target and year', async () => {
    await defineIndicator(ctx.database.db, systemPrincipal(KRIMPEN.id, new Date()), KRIMPEN.id, {
      code: 'actief_in_wijk',
      nameNl: 'Actief in de wijk',
      nameEn: 'Active in the neighbourhood',
      unit: 'percent',
      direction: 'up',
      source: 'survey',
      theme: 'meet',
      minRespondents: 5,
    });
    const url = `/${KRIMPEN.slug}/beheer/programmas/oog-en-oor/indicatoren`;
    const form = {
      goalId,
      indicatorCode: 'actief_in_wijk',
      baselinePeriod: '2009',
      baselineValue: '15',
      comparator: 'at_least',
      targetValue: '20',
      targetYear: '2011',
    };
    await coord.get(BASE);
    const bad = await coord.post(url, { ...form, baselinePeriod: 'vorig jaar' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /id="veld-baselinePeriod-error"[^>]*>Schrijf de periode als 2009/);
    const ok = await coord.post(url, form);
    assert.equal(ok.statusCode, 303, ok.body);
    const page = await new TestBrowser(ctx.app).get(BASE);
    assert.match(page.body, /Actief in de wijk/);
    assert.match(page.body, /minimaal 20/);
    assert.match(page.body, /2011/);
    assert.match(page.body, /nog geen meting/);
  });
});
