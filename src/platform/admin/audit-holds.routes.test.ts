import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { ensureTenant, signInAs } from '../../../test/helpers/people.ts';

const A = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };
const B = { id: 'GM0363', slug: 'amsterdam', name: 'Amsterdam' };

describe('admin pages: keeping a period of the audit log longer', () => {
  const ctx = useTestApp({ auditRetentionMonths: 18 });
  const db = () => ctx.database.db;
  let admin: TestBrowser;
  let adminB: TestBrowser;

  before(async () => {
    await ensureTenant(db(), A);
    await ensureTenant(db(), B);
    admin = new TestBrowser(ctx.app);
    await signInAs(ctx, admin, { tenantId: A.id, role: 'admin' });
    adminB = new TestBrowser(ctx.app);
    await signInAs(ctx, adminB, { tenantId: B.id, role: 'admin' });
  });

  it('says on the audit log how long it is kept, with a link to keep a period longer', async () => {
    const page = await admin.get('/groningen/beheer/audit');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /We bewaren het logboek 18 maanden\./);
    assert.match(page.body, /href="\/groningen\/beheer\/audit\/bewaren"/);
    const english = new TestBrowser(ctx.app);
    await signInAs(ctx, english, { tenantId: A.id, role: 'admin' });
    await english.get('/taal/en?terug=/groningen/beheer/audit');
    const en = await english.get('/groningen/beheer/audit');
    assert.match(en.body, /We keep the audit log for 18 months\./);
    assert.match(en.body, />Keep a period for longer</);
  });

  it('keeps residents, professionals and admins without a second factor out', async () => {
    for (const role of ['resident', 'professional'] as const) {
      const b = new TestBrowser(ctx.app);
      await signInAs(ctx, b, { tenantId: A.id, role });
      assert.equal((await b.get('/groningen/beheer/audit/bewaren')).statusCode, 403);
      const post = await b.post('/groningen/beheer/audit/bewaren', { van: '2026-11-01', tot: '2026-11-02', reden: 'Incident 1' });
      assert.equal(post.statusCode, 403);
    }
    const noMfa = new TestBrowser(ctx.app);
    await signInAs(ctx, noMfa, { tenantId: A.id, role: 'admin', mfa: false });
    assert.notEqual((await noMfa.get('/groningen/beheer/audit/bewaren')).statusCode, 200);
    assert.equal((await db().selectFrom('audit_holds').select('id').execute()).length, 0);
  });

  it('explains mistakes in Dutch beside the fields and keeps what was typed', async () => {
    const bad = await admin.post('/groningen/beheer/audit/bewaren', { van: '2026-02-30', tot: '2026-11-02', reden: 'kort' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Deze datum klopt niet/);
    assert.match(bad.body, /minstens 5 tekens/);
    assert.match(bad.body, /value="2026-02-30"/);
    const order = await admin.post('/groningen/beheer/audit/bewaren', { van: '2026-11-05', tot: '2026-11-01', reden: 'Incident 2026-17' });
    assert.equal(order.statusCode, 422);
    assert.match(order.body, /De laatste dag moet op of na de eerste dag liggen/);
    assert.match(order.body, />Incident 2026-17</);
    const noCsrf = await admin.post('/groningen/beheer/audit/bewaren', {
      _csrf: '',
      van: '2026-11-01',
      tot: '2026-11-02',
      reden: 'Incident 2026-17',
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal((await db().selectFrom('audit_holds').select('id').execute()).length, 0);
  });

  it('keeps a period for three years, shows it to the own municipality only, and logs who made it', async () => {
    const res = await admin.post('/groningen/beheer/audit/bewaren', {
      van: '2026-03-01',
      tot: '2026-03-02',
      reden: 'Incident 2026-17 <script>',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/groningen/beheer/audit/bewaren?opgeslagen=1');
    const page = await admin.get('/groningen/beheer/audit/bewaren?opgeslagen=1');
    assert.match(page.body, /De periode is opgeslagen/);
    assert.match(page.body, /1 maart 2026 tot en met 2 maart 2026/);
    // The test clock says 23 November 2026: kept up to and including 23 November 2029.
    assert.match(page.body, /23 november 2029/);
    // Escaped as text, never markup.
    assert.match(page.body, /Incident 2026-17 &lt;script>/);
    assert.doesNotMatch(page.body, /<script>/);
    const english = new TestBrowser(ctx.app);
    await signInAs(ctx, english, { tenantId: A.id, role: 'admin' });
    await english.get('/taal/en?terug=/groningen/beheer/audit/bewaren');
    const en = await english.get('/groningen/beheer/audit/bewaren');
    assert.match(en.body, /1 March 2026 up to and including 2 March 2026/);
    assert.match(en.body, /23 November 2029/);
    const other = await adminB.get('/amsterdam/beheer/audit/bewaren');
    assert.match(other.body, /Er zijn nu geen perioden die we langer bewaren/);
    assert.equal((await adminB.get('/groningen/beheer/audit/bewaren')).statusCode, 403);

    const [hold] = await db().selectFrom('audit_holds').selectAll().execute();
    assert.equal(hold?.tenant_id, A.id);
    assert.equal(hold?.kept_until, '2029-11-23');
    const logged = await db().selectFrom('audit_log').selectAll().where('entity', '=', 'audit_hold').execute();
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.entity_id, hold?.id);
    assert.equal(logged[0]?.tenant_id, A.id);
    // The reason is the administrator's text: it is not copied into the log.
    assert.doesNotMatch(JSON.stringify(logged[0]?.detail), /Incident/);
  });
});
