import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { KRIMPEN, buildTenant } from '../../../../test/helpers/factories.ts';

const BASE = `/${KRIMPEN.slug}/beheer/overleggen`;

describe('programmes: consultation pages (no JavaScript)', () => {
  const ctx = useTestApp();
  before(async () => {
    await buildTenant(ctx.database.db, KRIMPEN);
  });

  it('the coordinator adds a werkgroep, plans a meeting, records an agenda, a decision and an action, and marks it held', async () => {
    const c = new TestBrowser(ctx.app);
    await signInAs(ctx, c, { tenantId: KRIMPEN.id, role: 'coordinator' });
    assert.match((await c.get(BASE)).body, /Er zijn nog geen overleggen/);
    const bad = await c.post(BASE, { name: 'Werkgroep', kind: 'working_group', rhythm: '30' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Schrijf een aantal maanden van 1 tot 24/);
    const made = await c.post(BASE, { name: 'Werkgroep sociale samenhang', kind: 'working_group', rhythm: '2', description: '' });
    assert.equal(made.statusCode, 303);
    const forum = made.headers.location as string;
    const forumPage = await c.get(forum);
    assert.match(forumPage.body, /werkgroep · elke 2 maanden/);
    assert.match(forumPage.body, /nog niet gepland/);

    const noDay = await c.post(`${forum}/vergaderingen`, { day: '' });
    assert.equal(noDay.statusCode, 422, 'without earlier meetings the rhythm gives no day');
    const planned = await c.post(`${forum}/vergaderingen`, { day: '2026-12-01' });
    assert.equal(planned.statusCode, 303);
    const meeting = planned.headers.location as string;
    assert.equal((await c.post(`${meeting}/agenda`, { kind: 'other', title: 'Evaluatiemoment eind 2010' })).statusCode, 303);
    const badSignal = await c.post(`${meeting}/agenda`, { kind: 'signal', signal: 'M-0000-1' });
    assert.equal(badSignal.statusCode, 422);
    assert.match(badSignal.body, /Deze melding kennen we niet/);
    assert.equal((await c.post(`${meeting}/punten`, { kind: 'decision', text: 'Wijkschouw vernieuwen' })).statusCode, 303);
    const badAction = await c.post(`${meeting}/punten`, { kind: 'action', text: 'Plan schrijven', ownerRole: '', dueOn: '2026-02-30' });
    assert.equal(badAction.statusCode, 422);
    assert.match(badAction.body, /Schrijf een datum als 2027-02-15/);
    assert.equal(
      (await c.post(`${meeting}/punten`, { kind: 'action', text: 'Plan schrijven', ownerRole: 'beleidsmedewerker', dueOn: '2026-11-20' }))
        .statusCode,
      303,
    );
    let page = await c.get(meeting);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Overig: Evaluatiemoment eind 2010/);
    assert.match(page.body, /Wijkschouw vernieuwen/);
    assert.match(page.body, /Plan schrijven — beleidsmedewerker, uiterlijk 2026-11-20/);
    assert.match(page.body, /over de datum/);
    const done = /action="([^"]+\/klaar)"/.exec(page.body)![1]!;
    assert.equal((await c.post(done, {})).statusCode, 303);
    page = await c.get(meeting);
    assert.match(page.body, /klaar op 2026-11-23/);

    const held = await c.post(`${meeting}/gehouden`, { notes: 'Goed overleg' });
    assert.equal(held.statusCode, 303);
    const next = await c.get(held.headers.location as string);
    assert.match(next.body, /Werkgroep sociale samenhang, 2027-02-01/);
    assert.match((await c.get(BASE)).body, /2027-02-01/);

    // A professional reads but gets no forms; a resident is kept out.
    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: KRIMPEN.id, role: 'professional' });
    const seen = await pro.get(meeting);
    assert.equal(seen.statusCode, 200);
    assert.doesNotMatch(seen.body, /action="[^"]*\/punten"/);
    assert.equal((await pro.post(`${meeting}/punten`, { kind: 'decision', text: 'x' })).statusCode, 403);
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: KRIMPEN.id, role: 'resident' });
    assert.equal((await resident.get(BASE)).statusCode, 403);
  });
});
