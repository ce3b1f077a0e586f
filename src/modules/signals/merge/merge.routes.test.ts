import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { createSignal } from '../signals.service.ts';
import { GRONINGEN, KRIMPEN, KRIMPEN_POINT, newSignal, setupTenant, type TenantFixture } from '../signals.test-support.ts';

const base = `/${KRIMPEN.slug}/meldingen`;

describe('signals merge and split pages', () => {
  const ctx = useTestApp();
  let k: TenantFixture;
  let n = 0;
  const links = { baseUrl: 'http://localhost', tenantSlug: KRIMPEN.slug };
  const report = (over: Parameters<typeof newSignal>[0] = {}) =>
    createSignal(ctx.database.db, newSignal({ links, now: ctx.clock.now(), idempotencyKey: `r:${++n}`, ...over }));
  const mailsTo = (to: string) =>
    ctx.database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('created_at').orderBy('id').execute();
  const signal = (publicId: string) =>
    ctx.database.db
      .selectFrom('signals_signals')
      .selectAll()
      .where('tenant_id', '=', KRIMPEN.id)
      .where('public_id', '=', publicId)
      .executeTakeFirstOrThrow();
  const coordinator = async () => {
    const b = new TestBrowser(ctx.app);
    await signInAs(ctx, b, { tenantId: KRIMPEN.id, role: 'coordinator' });
    return b;
  };

  before(async () => {
    k = await setupTenant(ctx.database.db, KRIMPEN);
    await setupTenant(ctx.database.db, GRONINGEN);
  });

  it('a coordinator merges two reports of the same light: both reporters keep hearing back, the old link says merged', async () => {
    const first = await report({ reporter: { email: 'eerste@example.nl' }, description: 'Lamp Raadhuisplein kapot' });
    ctx.clock.advance(60_000);
    const second = await report({
      reporter: { email: 'tweede@example.nl' },
      description: 'Lantaarnpaal brandt niet',
      latitude: KRIMPEN_POINT.latitude + 0.0001,
    });
    const coord = await coordinator();
    const page = await coord.get(`${base}/behandelen/${second.signal.public_id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`${base}/behandelen/${second.signal.public_id}/samenvoegen`), 'the merge link is on the signal page');
    const choose = await coord.get(`${base}/behandelen/${second.signal.public_id}/samenvoegen`);
    assert.equal(choose.statusCode, 200);
    assert.ok(choose.body.includes(`samenvoegen?met=${first.signal.public_id}`), 'the first report is a likely duplicate');
    const confirm = await coord.get(
      `${base}/behandelen/${second.signal.public_id}/samenvoegen?met=${first.signal.public_id.toLowerCase()}`,
    );
    assert.equal(confirm.statusCode, 200);
    assert.ok(confirm.body.includes('Lamp Raadhuisplein kapot') && confirm.body.includes('Lantaarnpaal brandt niet'), 'both side by side');
    assert.match(confirm.body, new RegExp(`value="${first.signal.public_id}" checked`), 'the older report stays by default');

    const res = await coord.post(`${base}/behandelen/${second.signal.public_id}/samenvoegen`, {
      met: first.signal.public_id,
      hoofd: first.signal.public_id,
      note: '',
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `${base}/behandelen/${first.signal.public_id}`);
    const dup = await signal(second.signal.public_id);
    assert.equal(dup.state, 'geannuleerd');
    assert.ok(
      (await mailsTo('tweede@example.nl')).some((m) => m.subject.includes(first.signal.public_id) && m.subject.includes('samengevoegd')),
    );

    const dupPage = await coord.get(`${base}/behandelen/${second.signal.public_id}`);
    assert.ok(
      dupPage.body.includes(`Samengevoegd met ${first.signal.public_id}`),
      dupPage.body.slice(dupPage.body.indexOf('<main'), dupPage.body.indexOf('<main') + 3000),
    );
    assert.ok(!dupPage.body.includes('/samenvoegen"'), 'no merge link on a merged signal');

    const resident = new TestBrowser(ctx.app);
    const track = await resident.get(`${base}/volgen/${second.trackingToken}`);
    assert.equal(track.statusCode, 200);
    assert.match(track.body, new RegExp(`id="samengevoegd"[^]*${first.signal.public_id}`));

    // A later step on the main report reaches the second reporter too.
    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: KRIMPEN.id, role: 'professional', organisationId: k.municipality });
    assert.equal(
      (
        await pro.post(`${base}/behandelen/${first.signal.public_id}/status`, {
          to: 'ingepland',
          publicMessage: 'De monteur komt vrijdag.',
        })
      ).statusCode,
      303,
    );
    assert.ok((await mailsTo('tweede@example.nl')).some((m) => m.text_body.includes('De monteur komt vrijdag.')));
    assert.ok((await mailsTo('eerste@example.nl')).some((m) => m.text_body.includes('De monteur komt vrijdag.')));

    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', dup.id)
      .where('action', '=', 'update')
      .execute();
    assert.equal(audit.length, 1);
  });

  it('refuses with clear messages: bad number, itself, closed, sensitive with public', async () => {
    const a = await report();
    const b = await report();
    const coord = await coordinator();
    const path = `${base}/behandelen/${a.signal.public_id}/samenvoegen`;
    const bad = await coord.get(`${path}?met=onzin`);
    assert.equal(bad.statusCode, 422);
    assert.ok(bad.body.includes('SIG-2026-000123'));
    const self = await coord.get(`${path}?met=${a.signal.public_id}`);
    assert.equal(self.statusCode, 422);
    assert.ok(self.body.includes('niet met zichzelf'));
    assert.equal((await coord.get(`${path}?met=SIG-1999-000001`)).statusCode, 404);
    const care = await report({ category: { serviceCode: 'eenzaamheid' }, reporter: { email: 'zorg@example.nl' } });
    const mixed = await coord.post(path, { met: care.signal.public_id, hoofd: care.signal.public_id });
    assert.equal(mixed.statusCode, 422);
    assert.ok(mixed.body.includes('zorg om een buurtgenoot'));
    await coord.post(`${base}/behandelen/${b.signal.public_id}/status`, { to: 'afgehandeld', publicMessage: 'Klaar.' });
    const closed = await coord.post(path, { met: b.signal.public_id, hoofd: b.signal.public_id });
    assert.equal(closed.statusCode, 409);
    assert.ok(closed.body.includes('is gesloten'));
    assert.equal((await signal(a.signal.public_id)).state, 'gemeld', 'nothing changed');
  });

  it('only coordinators of the tenant merge: professional 403, other tenant 403/404, no second factor 403', async () => {
    const a = await report();
    const b = await report();
    const path = `${base}/behandelen/${a.signal.public_id}/samenvoegen`;
    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: KRIMPEN.id, role: 'professional', organisationId: k.municipality });
    assert.equal((await pro.get(path)).statusCode, 403);
    assert.equal((await pro.post(path, { met: b.signal.public_id, hoofd: b.signal.public_id })).statusCode, 403);
    const noMfa = new TestBrowser(ctx.app);
    await signInAs(ctx, noMfa, { tenantId: KRIMPEN.id, role: 'coordinator', mfa: false });
    assert.equal((await noMfa.get(path)).statusCode, 403);
    const other = new TestBrowser(ctx.app);
    await signInAs(ctx, other, { tenantId: GRONINGEN.id, role: 'coordinator' });
    assert.equal((await other.get(path)).statusCode, 403);
    assert.equal((await other.get(`/${GRONINGEN.slug}/meldingen/behandelen/${a.signal.public_id}/samenvoegen`)).statusCode, 404);
    assert.equal(
      (
        await other.post(`/${GRONINGEN.slug}/meldingen/behandelen/${a.signal.public_id}/samenvoegen`, {
          met: b.signal.public_id,
          hoofd: b.signal.public_id,
        })
      ).statusCode,
      404,
    );
    assert.equal((await signal(a.signal.public_id)).merged_into_id, null);
  });

  it('the routed organisation splits off a part to the housing corporation; the reporter gets a new link; others cannot', async () => {
    const original = await report({
      reporter: { email: 'splits@example.nl' },
      description: 'Lamp kapot. En de buren maken elke nacht herrie.',
    });
    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: KRIMPEN.id, role: 'professional', organisationId: k.municipality });
    const path = `${base}/behandelen/${original.signal.public_id}/afsplitsen`;
    const form = await pro.get(path);
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes('Lamp kapot. En de buren'), 'description prefilled');
    assert.ok(form.body.includes('Volgens de routering (Gemeente'), 'routing default named');
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(form.body)![1]!;
    const bad = await pro.post(path, { submissionId, categoryId: k.categories.get('afval')!, description: 'Afval' });
    assert.equal(bad.statusCode, 422);
    assert.ok(bad.body.includes('vragen die de melder zelf'));
    const empty = await pro.post(path, { submissionId, categoryId: k.categories.get('burenoverlast')!, description: ' ' });
    assert.equal(empty.statusCode, 422);
    const res = await pro.post(path, {
      submissionId,
      categoryId: k.categories.get('burenoverlast')!,
      organisationId: '',
      description: 'De buren maken elke nacht herrie.',
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(
      res.headers.location,
      `${base}/behandelen/${original.signal.public_id}`,
      'back to the original: the part went to another organisation',
    );
    const child = await ctx.database.db
      .selectFrom('signals_signals')
      .selectAll()
      .where('tenant_id', '=', KRIMPEN.id)
      .where('split_from_id', '=', (await signal(original.signal.public_id)).id)
      .executeTakeFirstOrThrow();
    assert.equal(child.organisation_id, k.housing);
    assert.equal(child.reporter_email, 'splits@example.nl');
    assert.ok((await mailsTo('splits@example.nl')).some((m) => m.subject.includes(child.public_id)));
    assert.equal(
      (await pro.post(path, { submissionId, categoryId: k.categories.get('burenoverlast')!, description: 'Nog eens' })).statusCode,
      303,
      'a replay creates nothing new',
    );
    assert.equal(
      (await ctx.database.db.selectFrom('signals_signals').select('id').where('split_from_id', '=', child.split_from_id).execute()).length,
      1,
    );

    const housing = new TestBrowser(ctx.app);
    await signInAs(ctx, housing, { tenantId: KRIMPEN.id, role: 'professional', organisationId: k.housing });
    const childPage = await housing.get(`${base}/behandelen/${child.public_id}`);
    assert.equal(childPage.statusCode, 200);
    assert.ok(childPage.body.includes(`Afgesplitst van ${original.signal.public_id}`));
    assert.equal((await housing.get(path)).statusCode, 404, 'the housing corporation does not see the original');
    const coord = await coordinator();
    const byCoord = await coord.post(path, {
      submissionId: '1b0e2a47-5d0c-4c43-9d7e-3f3a2b1c0d01',
      categoryId: k.categories.get('groen')!,
      description: 'Boom',
    });
    assert.equal(byCoord.statusCode, 303);
    assert.match(byCoord.headers.location as string, /\/behandelen\/SIG-\d{4}-\d{6}$/);
    assert.notEqual(byCoord.headers.location, `${base}/behandelen/${original.signal.public_id}`, 'a coordinator goes to the new signal');
  });
});
