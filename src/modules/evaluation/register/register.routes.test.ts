import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, TEST_NOW, buildArea, buildTenant } from '../../../../test/helpers/factories.ts';
import { signInWithRoles } from '../../../../test/helpers/people.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { defineIndicator, recordMeasurements } from '../../monitor/monitor.service.ts';
import { getEvaluation } from '../evaluation.service.ts';

const BASE = `/${KRIMPEN.slug}/evaluaties`;
const ACT: Record<string, number> = { WK054201: 40, WK054202: 50, WK054203: 41, WK054204: 60 };

/** Post a form with repeated fields (checkbox groups), with the browser's CSRF token unless given. */
async function postPairs(b: TestBrowser, url: string, pairs: [string, string][], csrf = true) {
  if (!b.csrf) await b.get('/toegankelijkheid');
  const params = new URLSearchParams(csrf ? [['_csrf', b.csrf], ...pairs] : pairs);
  return b.post(url, {}, { payload: params.toString() });
}

const SINGLE = new Set(['titleNl', 'questionNl', 'startDay', 'status', 'method']);
/** The base form with extra pairs; a single-value field in `over` replaces the base one. */
const form = (over: [string, string][] = []): [string, string][] => [
  ...(
    [
      ['titleNl', 'Buurtkamer'],
      ['questionNl', 'Zijn bewoners actiever?'],
      ['startDay', '2023-03-01'],
      ['indicatorCodes', 'act'],
      ['interventionCodes', 'WK054201'],
      ['status', 'draft'],
      ['method', 'did'],
    ] as [string, string][]
  ).filter(([k]) => !(SINGLE.has(k) && over.some(([o]) => o === k))),
  ...over,
];

describe('evaluation: the register form and list (no JavaScript)', () => {
  const ctx = useTestApp();
  let coord: TestBrowser;

  before(async () => {
    const db = ctx.database.db;
    await buildTenant(db, KRIMPEN);
    await buildTenant(db, GRONINGEN);
    for (const [i, code] of Object.keys(ACT).entries()) {
      await buildArea(db, {
        tenantId: KRIMPEN.id,
        level: 'district',
        code,
        name: `Wijk ${i + 1}`,
        bbox: [4.5 + i * 0.01, 51.9, 4.51 + i * 0.01, 51.91],
      });
    }
    const system = systemPrincipal(KRIMPEN.id, TEST_NOW);
    await defineIndicator(db, system, KRIMPEN.id, {
      code: 'act',
      nameNl: 'Actief in de wijk',
      nameEn: 'Active',
      source: 'survey',
      unit: 'percent',
      direction: 'up',
      theme: 'together',
      minRespondents: 5,
    });
    await recordMeasurements(
      db,
      system,
      KRIMPEN.id,
      Object.entries(ACT).map(([areaCode, value]) => ({ indicatorCode: 'act', areaCode, period: '2022', value, respondents: 100 })),
      TEST_NOW,
    );
    coord = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, coord, [{ tenantId: KRIMPEN.id, role: 'coordinator' }]);
  });

  it('suggests comparison wijken with their distance in words and the figures, without JavaScript', async () => {
    const page = await coord.get(`${BASE}/nieuw`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Stel vergelijkingswijken voor/);
    const res = await postPairs(coord, `${BASE}/nieuw`, form([['actie', 'voorstel']]));
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Voorgestelde vergelijkingswijken/);
    // Wijk 3 (41) is nearest to wijk 1 (40): first, "lijkt sterk"; the figures table shows 41.
    assert.match(res.body, /Neem Wijk 3 \(lijkt sterk, afstand [0-9,]+\)/);
    assert.ok(res.body.indexOf('Neem Wijk 3') < res.body.indexOf('Neem Wijk 2'));
    assert.match(res.body, /Actief in de wijk \(vóór de start\)/);
    assert.match(res.body, /<td[^>]*>41<\/td>/);
    // What was typed stays.
    assert.match(res.body, /value="Buurtkamer"/);
  });

  it('refuses with messages beside the fields (422) and stores nothing', async () => {
    const res = await postPairs(coord, `${BASE}/nieuw`, form([['actie', 'opslaan']]));
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="veld-comparisonCodes-error"[^>]*>Kies minstens één vergelijkingswijk/);
    const overlap = await postPairs(
      coord,
      `${BASE}/nieuw`,
      form([
        ['comparisonCodes', 'WK054201'],
        ['actie', 'opslaan'],
      ]),
    );
    assert.equal(overlap.statusCode, 422);
    assert.match(overlap.body, /id="veld-comparisonCodes-error"[^>]*>Een wijk kan niet tegelijk projectwijk en vergelijkingswijk zijn/);
    const noBefore = await postPairs(
      coord,
      `${BASE}/nieuw`,
      form([
        ['comparisonCodes', 'WK054202'],
        ['startDay', '2022-01-01'],
        ['actie', 'opslaan'],
      ]),
    );
    assert.equal(noBefore.statusCode, 422);
    assert.match(noBefore.body, /id="veld-indicatorCodes-error"[^>]*>Voor een gekozen uitkomst zijn er geen cijfers van vóór de start/);
    const list = await coord.get(BASE);
    assert.match(list.body, /Er zijn nog geen evaluaties/);
  });

  it('refuses a post without the CSRF token', async () => {
    const res = await postPairs(
      coord,
      `${BASE}/nieuw`,
      form([
        ['comparisonCodes', 'WK054203'],
        ['actie', 'opslaan'],
      ]),
      false,
    );
    assert.equal(res.statusCode, 403);
  });

  it('saves with a taken suggestion, lists it and lets the coordinator edit and publish it', async () => {
    const res = await postPairs(
      coord,
      `${BASE}/nieuw`,
      form([
        ['comparisonCodes', 'WK054202'],
        ['suggestedCodes', 'WK054203'],
        ['actie', 'opslaan'],
      ]),
    );
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `${BASE}?opgeslagen=EVA-2023-0001`);
    const list = await coord.get(res.headers.location!);
    assert.match(list.body, /Evaluatie EVA-2023-0001 is opgeslagen/);
    assert.match(list.body, /href="\/krimpen-aan-den-ijssel\/evaluaties\/EVA-2023-0001"/);
    assert.match(list.body, /Concept/);
    // Shown right after saving, not blocking: fewer than two comparison areas is not the case here, so no warning.
    assert.doesNotMatch(list.body, /Let op/);
    const system = systemPrincipal(KRIMPEN.id, TEST_NOW);
    const stored = await getEvaluation(ctx.database.db, system, KRIMPEN.id, 'EVA-2023-0001');
    assert.deepEqual(
      stored.areas.map((a) => [a.areaCode, a.role, a.chosen]),
      [
        ['WK054201', 'intervention', 'coordinator'],
        ['WK054202', 'comparison', 'coordinator'],
        ['WK054203', 'comparison', 'suggested'],
      ],
    );
    assert.equal(typeof stored.areas[2]!.similarity, 'number');

    const edit = await coord.get(`${BASE}/EVA-2023-0001/bewerken`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /value="Buurtkamer"/);
    assert.match(edit.body, /name="keptSuggested" value="WK054203"/);
    const changed = await postPairs(
      coord,
      `${BASE}/EVA-2023-0001/bewerken`,
      form([
        ['comparisonCodes', 'WK054202'],
        ['comparisonCodes', 'WK054203'],
        ['keptSuggested', 'WK054203'],
        ['status', 'running'],
        ['published', '1'],
        ['actie', 'opslaan'],
      ]),
    );
    assert.equal(changed.statusCode, 303, changed.body);
    const after = await getEvaluation(ctx.database.db, system, KRIMPEN.id, 'EVA-2023-0001');
    // The wijk taken from the suggestion stays "suggested" with its distance after an edit.
    assert.deepEqual(after.areas[2], stored.areas[2]);
    assert.equal(after.evaluation.status, 'running');
    assert.equal(after.evaluation.published, true);

    // Anonymous visitors see only published evaluations in the list, and no edit links.
    const anon = await new TestBrowser(ctx.app).get(BASE);
    assert.equal(anon.statusCode, 200);
    assert.match(anon.body, /EVA-2023-0001/);
    assert.doesNotMatch(anon.body, /bewerken/);
  });

  it('shows the warnings of what was just saved', async () => {
    const res = await postPairs(
      coord,
      `${BASE}/nieuw`,
      form([
        ['comparisonCodes', 'WK054204'],
        ['titleNl', 'Eén vergelijking'],
        ['actie', 'opslaan'],
      ]),
    );
    assert.equal(res.statusCode, 303, res.body);
    const list = await coord.get(res.headers.location!);
    assert.match(list.body, /Let op/);
    assert.match(list.body, /U heeft maar één vergelijkingswijk/);
  });

  it('keeps other municipalities out and answers 404 for an unknown reference', async () => {
    const other = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, other, [{ tenantId: GRONINGEN.id, role: 'coordinator' }]);
    assert.equal((await other.get(`${BASE}/nieuw`)).statusCode, 403);
    assert.equal((await other.get(`${BASE}/EVA-2023-0001/bewerken`)).statusCode, 403);
    assert.equal((await coord.get(`${BASE}/EVA-2099-0001/bewerken`)).statusCode, 404);
  });

  it('keeps the form for coordinators: a professional sees the list, not the form', async () => {
    const pro = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, pro, [{ tenantId: KRIMPEN.id, role: 'professional' }]);
    assert.equal((await pro.get(BASE)).statusCode, 200);
    assert.equal((await pro.get(`${BASE}/nieuw`)).statusCode, 403);
  });
});
