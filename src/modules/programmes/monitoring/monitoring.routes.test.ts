import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { KRIMPEN, buildTenant } from '../../../../test/helpers/factories.ts';
import { makeInvitations } from './monitoring.service.ts';
import { buildProgrammeWithProject, principal } from './monitoring.test-support.ts';

const PAPER = `/${KRIMPEN.slug}/beheer/projectmonitor/papier`;

describe('programmes: monitoring pages (paper entry, codes, programme overview)', () => {
  const ctx = useTestApp();
  let card = { projectId: '', slug: '' };
  before(async () => {
    await buildTenant(ctx.database.db, KRIMPEN);
    card = await buildProgrammeWithProject(ctx.database.db, KRIMPEN.id, { plannedEnd: '2026-12-31' });
  });

  it('a volunteer enters a paper form by its code; a question may stay empty; the code then counts as used', async () => {
    const [code] = await makeInvitations(ctx.database.db, principal(KRIMPEN.id, ctx.clock.now(), ['coordinator']), {
      tenantId: KRIMPEN.id,
      projectId: card.projectId,
      phase: 'expectation',
      role: 'professional',
      kind: 'paper',
      count: 1,
    });
    const v = new TestBrowser(ctx.app);
    await signInAs(ctx, v, { tenantId: KRIMPEN.id, role: 'volunteer' });
    assert.match((await v.get(PAPER)).body, /Papieren formulier invoeren/);
    const form = await v.post(`${PAPER}/code`, { code: code! });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Op papier mag een vraag leeg blijven/);
    assert.match(form.body, /U vult deze vragen in als professional/);
    const bad = await v.post(`${PAPER}/antwoorden`, { code: code!, added: '9' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Kies een antwoord van 1 tot 5/);
    const saved = await v.post(`${PAPER}/antwoorden`, { code: code!, added: '4', open: '' });
    assert.equal(saved.statusCode, 303);
    assert.match((await v.get(saved.headers.location as string)).body, /Het papieren formulier is ingevoerd/);
    const again = await v.post(`${PAPER}/code`, { code: code! });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Met deze code is het formulier al ingevuld/);
    // Residents enter no paper forms.
    const r = new TestBrowser(ctx.app);
    await signInAs(ctx, r, { tenantId: KRIMPEN.id, role: 'resident' });
    assert.equal((await r.get(PAPER)).statusCode, 403);
  });

  it('the coordinator makes codes (shown once, not cached) and sees the programme overview; a wrong programme in the address is 404', async () => {
    const c = new TestBrowser(ctx.app);
    await signInAs(ctx, c, { tenantId: KRIMPEN.id, role: 'coordinator' });
    const page = `/${KRIMPEN.slug}/programmas/${card.slug}/projecten/${card.projectId}/monitoring`;
    const shown = await c.get(page);
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /Voor en na, naast elkaar/);
    const bad = await c.post(`${page}/codes`, { phase: 'effect', role: 'resident', kind: 'link', count: '0' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Kies een aantal van 1 tot 200/);
    const codes = await c.post(`${page}/codes`, { phase: 'effect', role: 'resident', kind: 'link', count: '3' });
    assert.equal(codes.statusCode, 200);
    assert.equal(codes.headers['cache-control'], 'no-store');
    assert.equal((codes.body.match(/class="sv-code"/g) ?? []).length, 3);
    assert.match(codes.body, /\/krimpen-aan-den-ijssel\/projectmonitor/);
    assert.match((await c.get(page)).body, /3 gemaakt, 0 gebruikt/);
    assert.equal((await c.get(`/${KRIMPEN.slug}/programmas/iets-anders/projecten/${card.projectId}/monitoring`)).statusCode, 404);

    const overview = await c.get(`/${KRIMPEN.slug}/programmas/${card.slug}/monitoring`);
    assert.equal(overview.statusCode, 200);
    assert.match(overview.body, /Per projectkaart/);
    assert.match(overview.body, new RegExp(`href="${page}"`));
  });
});
