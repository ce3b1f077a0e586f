import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { KRIMPEN } from '../../../../test/helpers/factories.ts';
import { buildProgrammeFixture, type Fixture } from '../overview/overview.test-support.ts';
import { matchesFilter } from './actions.service.ts';

const TABLE = `/${KRIMPEN.slug}/programmas/oog-en-oor/acties`;
/** Numbers of the rows shown, in order. */
const numbers = (html: string) => [...html.matchAll(/<tr id="actie-(\d+)"/g)].map((m) => Number(m[1]));

describe('action table', () => {
  const ctx = useTestApp();
  let fx: Fixture;
  before(async () => {
    fx = await buildProgrammeFixture(ctx.database.db);
  });

  it('filters by angle and by anchoring with a plain GET form, and both together', async () => {
    const browser = new TestBrowser(ctx.app);
    const all = await browser.get(TABLE);
    assert.equal(all.statusCode, 200);
    assert.deepEqual(numbers(all.body), [1, 2, 3]);
    assert.match(all.body, /<form method="get" action="\/krimpen-aan-den-ijssel\/programmas\/oog-en-oor\/acties"/);
    assert.deepEqual(numbers((await browser.get(`${TABLE}?hoek=broaden`)).body), [1, 2]);
    assert.deepEqual(numbers((await browser.get(`${TABLE}?hoek=connect`)).body), [2]);
    assert.deepEqual(numbers((await browser.get(`${TABLE}?borging=Sportnota`)).body), [2, 3]);
    const both = await browser.get(`${TABLE}?hoek=broaden&borging=${encodeURIComponent('Beleidsplan Wmo')}`);
    assert.deepEqual(numbers(both.body), [1]);
    assert.match(both.body, /1 van de 3 rijen\./);
    assert.match(both.body, /<option value="broaden" selected/);
    // An empty or unknown filter shows everything.
    assert.deepEqual(numbers((await browser.get(`${TABLE}?hoek=&borging=`)).body), [1, 2, 3]);
    assert.deepEqual(numbers((await browser.get(`${TABLE}?hoek=sideways`)).body), [1, 2, 3]);
    const none = await browser.get(`${TABLE}?hoek=deepen&borging=${encodeURIComponent('Beleidsplan Wmo')}`);
    assert.deepEqual(numbers(none.body), [3]);
    assert.equal(matchesFilter({ angles: ['deepen'], anchoring: [] }, { angle: 'deepen', anchoring: 'Sportnota' }), false);
  });

  it('keeps the source as written (a description in the initiative column) and gives the public no tools', async () => {
    const res = await new TestBrowser(ctx.app).get(TABLE);
    assert.match(res.body, /Bewoners initiëren en organiseren; gemeente faciliteert\./);
    assert.match(res.body, /Verbreding, Verbinding/);
    assert.doesNotMatch(res.body, /Maak projectkaart/);
    assert.doesNotMatch(res.body, /method="post"[^>]*action="[^"]*\/acties"/);
  });

  it('lets staff make a card from a row, and the coordinator add and change rows with messages beside the fields', async () => {
    const staff = new TestBrowser(ctx.app);
    await signInAs(ctx, staff, { tenantId: KRIMPEN.id, role: 'coordinator' });
    const page = await staff.get(TABLE);
    assert.match(page.body, new RegExp(`href="/krimpen-aan-den-ijssel/programmas/oog-en-oor/projecten/nieuw\\?vanActie=${fx.actions[0]}"`));
    assert.match(page.body, /aria-label="Maak projectkaart van actie 1"/);

    // Number taken and no action text: 422, messages beside the fields, the typed values kept, nothing written.
    const bad = await staff.post(TABLE, { number: '2', targetGroup: 'Sport', action: '', planning: '2011', angles: 'deepen' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /id="veld-action-error"[^>]*>Beschrijf de actie in 1 tot 1000 tekens\./);
    assert.match(bad.body, /value="Sport"/);
    const taken = await staff.post(TABLE, { number: '2', action: 'Nog een actie', angles: 'deepen' });
    assert.equal(taken.statusCode, 422);
    assert.match(taken.body, /id="veld-number-error"[^>]*>Dit nummer is al gebruikt in deze tabel\./);
    assert.deepEqual(numbers((await staff.get(TABLE)).body), [1, 2, 3]);

    const ok = await staff.post(TABLE, {
      number: '4',
      targetGroup: 'Onderwijs',
      action: 'Scholen versterken de band met de buurt',
      initiator: 'Gemeente',
      planning: '2010',
      angles: 'connect',
      anchoring: 'Beleidskader Brede school\nIntegraal Huisvestingsplan',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `${TABLE}?klaar=toegevoegd#actie-4`);
    const after = await staff.get(`${TABLE}?borging=${encodeURIComponent('Integraal Huisvestingsplan')}`);
    assert.deepEqual(numbers(after.body), [4]);

    const edit = await staff.get(`${TABLE}/${fx.actions[0]}/wijzigen`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /Speelplekken opnieuw inrichten/);
    const saved = await staff.post(`${TABLE}/${fx.actions[0]}`, {
      number: '1',
      action: 'Speelplekken en hangplekken opnieuw inrichten',
      angles: 'deepen',
      anchoring: 'Beleidsplan Wmo',
    });
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(numbers((await staff.get(`${TABLE}?hoek=deepen`)).body), [1, 3]);
  });

  it('lets only the coordinator change the table', async () => {
    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: KRIMPEN.id, role: 'professional' });
    const page = await pro.get(TABLE);
    assert.match(page.body, /Maak projectkaart/, 'a professional may make a card');
    assert.doesNotMatch(page.body, /Actie toevoegen/);
    const res = await pro.post(TABLE, { number: '9', action: 'Mag niet' });
    assert.equal(res.statusCode, 403);
    assert.equal((await pro.get(`${TABLE}/${fx.actions[1]}/wijzigen`)).statusCode, 403);
  });
});
