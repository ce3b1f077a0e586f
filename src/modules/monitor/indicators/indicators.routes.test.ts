import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { ensureTenant, signInAs } from '../../../../test/helpers/people.ts';
import { KRIMPEN } from '../../../../test/helpers/factories.ts';
import { upsertMeasurements } from '../core/core.store.ts';

const BASE = `/${KRIMPEN.slug}/beheer/monitor`;
const indicator = {
  code: 'wm09_active',
  nameNl: 'Actief in de wijk',
  nameEn: 'Active in the neighbourhood',
  descriptionNl: '',
  descriptionEn: '',
  unit: 'percent',
  direction: 'up',
  source: 'survey',
  theme: 'together',
  formula: '',
  minRespondents: '30',
  decimals: '0',
};

describe('monitor pages: indicators and targets', () => {
  const ctx = useTestApp();

  it('a coordinator defines an indicator, is told what is wrong beside the fields, adds and removes a target', async () => {
    await ensureTenant(ctx.database.db, KRIMPEN);
    const browser = new TestBrowser(ctx.app);
    await signInAs(ctx, browser, { tenantId: KRIMPEN.id, role: 'coordinator' });

    const empty = await browser.get(BASE);
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /Er zijn nog geen indicatoren/);
    assert.match(empty.body, /href="\/krimpen-aan-den-ijssel\/beheer\/monitor\/indicatoren\/nieuw"/);

    // A threshold below 5 and a code over 50 characters: 422, the form again with messages beside the fields.
    const bad = await browser.post(`${BASE}/indicatoren`, { ...indicator, code: 'x'.repeat(51), minRespondents: '4' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Een code is hoogstens 50 tekens lang/);
    assert.match(bad.body, /id="veld-minRespondents-error"[^>]*>De drempel moet een heel getal van minimaal 5 zijn/);
    assert.match(bad.body, /value="Actief in de wijk"/, 'what was typed stays');

    const created = await browser.post(`${BASE}/indicatoren`, indicator);
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, `${BASE}/indicatoren/wm09_active?klaar=indicator`);
    // Editing: the form is filled in, the code cannot change, the threshold rule holds here too.
    const edit = await browser.get(`${BASE}/indicatoren/wm09_active/bewerken`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /value="Actief in de wijk"/);
    assert.doesNotMatch(edit.body, /name="code"/);
    const badEdit = await browser.post(`${BASE}/indicatoren/wm09_active`, { ...indicator, minRespondents: '2' });
    assert.equal(badEdit.statusCode, 422);
    assert.match(badEdit.body, /De drempel moet een heel getal van minimaal 5 zijn/);
    const edited = await browser.post(`${BASE}/indicatoren/wm09_active`, { ...indicator, code: 'ignored', minRespondents: '50' });
    assert.equal(edited.statusCode, 303);
    assert.match((await browser.get(`${BASE}/indicatoren/wm09_active`)).body, /<dd>50<\/dd>/);
    assert.doesNotMatch((await browser.get(BASE)).body, /ignored/);
    const taken = await browser.post(`${BASE}/indicatoren`, indicator);
    assert.equal(taken.statusCode, 422);
    assert.match(taken.body, /Er is al een indicator met deze code/);

    // No baseline: refused beside the field.
    const noBaseline = await browser.post(`${BASE}/indicatoren/wm09_active/streefwaarden`, {
      areaCode: '',
      baselinePeriod: '',
      baselineValue: '',
      targetValue: '20',
      targetYear: '2011',
      comparator: 'at_least',
    });
    assert.equal(noBaseline.statusCode, 422);
    assert.match(noBaseline.body, /id="veld-baselinePeriod-error"[^>]*>Vul de periode van de nulmeting in/);

    await upsertMeasurements(
      ctx.database.db,
      KRIMPEN.id,
      [
        { indicatorCode: 'wm09_active', areaCode: KRIMPEN.id, period: '2009', value: 16, isDemo: true },
        { indicatorCode: 'wm09_active', areaCode: 'WK054200', period: '2010', value: 23.4, respondents: 64, isDemo: true },
      ],
      ctx.clock.now(),
    );
    const added = await browser.post(`${BASE}/indicatoren/wm09_active/streefwaarden`, {
      areaCode: '',
      baselinePeriod: '2009',
      baselineValue: '',
      targetValue: '20',
      targetYear: '2011',
      comparator: 'at_least',
      noteNl: 'Wijkmonitor 2009 als nulmeting',
      noteEn: '',
    });
    assert.equal(added.statusCode, 303);
    const page = await browser.get(`${BASE}/indicatoren/wm09_active?klaar=target`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /role="status"[^>]*>De streefwaarde is toegevoegd/);
    assert.match(page.body, /minimaal 20 %/);
    assert.match(page.body, /2009: 16 %/, 'the baseline from the measurement');
    assert.match(page.body, /WK054200/);
    assert.match(page.body, /23 %/, 'Dutch number with its unit, rounded to the indicator’s decimals');
    assert.match(page.body, /demo-waarde, verzonnen/);

    const overview = await browser.get(BASE);
    assert.match(overview.body, /Samen doen/);
    assert.match(overview.body, /Actief in de wijk/);

    const id = /streefwaarden\/([0-9a-f-]{36})\/verwijderen/.exec(page.body)![1]!;
    const removed = await browser.post(`${BASE}/indicatoren/wm09_active/streefwaarden/${id}/verwijderen`, {});
    assert.equal(removed.statusCode, 303);
    assert.match((await browser.get(`${BASE}/indicatoren/wm09_active`)).body, /Er zijn nog geen streefwaarden/);

    await browser.get('/taal/en');
    const en = await browser.get(`${BASE}/indicatoren/wm09_active`);
    assert.match(en.body, /<h1[^>]*>Active in the neighbourhood/);
    assert.match(en.body, /There are no targets for this indicator yet/);
  });

  it('a professional reads without forms; a resident and a missing CSRF token are refused', async () => {
    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: KRIMPEN.id, role: 'professional' });
    const page = await pro.get(`${BASE}/indicatoren/wm09_active`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /action="[^"]*\/streefwaarden"/, 'no target form');
    assert.doesNotMatch(page.body, /bewerken/);
    assert.equal((await pro.get(`${BASE}/indicatoren/nieuw`)).statusCode, 403);
    assert.equal((await pro.post(`${BASE}/indicatoren`, { ...indicator, code: 'p' })).statusCode, 403);

    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: KRIMPEN.id, role: 'resident' });
    assert.equal((await resident.get(BASE)).statusCode, 403);

    const coordinator = new TestBrowser(ctx.app);
    await signInAs(ctx, coordinator, { tenantId: KRIMPEN.id, role: 'coordinator' });
    assert.equal((await coordinator.post(`${BASE}/indicatoren`, { ...indicator, code: 'q', _csrf: '' })).statusCode, 403);
  });
});
