import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { getJobSettings } from './jobs.settings.ts';
import { GRONINGEN, KRIMPEN, setupTenant, type TenantFixture } from '../signals.test-support.ts';

const PATH = `/${KRIMPEN.slug}/beheer/meldingen/termijnen`;
const VALID = { reminderDays: '2', anonymiseAfterMonths: '6', deleteCancelledAfterMonths: '12', deleteClosedAfterMonths: '36' };

describe('deadline and retention settings page', () => {
  const ctx = useTestApp();
  let k: TenantFixture;

  before(async () => {
    k = await setupTenant(ctx.database.db, KRIMPEN);
    await setupTenant(ctx.database.db, GRONINGEN);
  });

  it('shows the defaults to a coordinator, also before anything was saved', async () => {
    const b = new TestBrowser(ctx.app);
    await signInAs(ctx, b, { tenantId: k.id, role: 'coordinator' });
    const res = await b.get(PATH);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.match(res.body, /<h1[^>]*>Termijnen en bewaren van meldingen<\/h1>/);
    assert.match(res.body, /name="reminderDays"[^>]*value="1"/);
    assert.match(res.body, /name="escalationEnabled"[^>]*checked/);
    assert.match(res.body, /name="anonymiseAfterMonths"[^>]*value="12"/);
    assert.match(res.body, /name="deleteClosedAfterMonths"[^>]*value="60"/);
  });

  it('refuses everyone but coordinators and administrators', async () => {
    for (const role of ['resident', 'volunteer', 'professional'] as const) {
      const b = new TestBrowser(ctx.app);
      await signInAs(ctx, b, { tenantId: k.id, role });
      const res = await b.get(PATH);
      assert.equal(res.statusCode, 403, role);
    }
    const anonymous = await new TestBrowser(ctx.app).get(PATH);
    assert.ok([302, 303, 401].includes(anonymous.statusCode), `anonymous: ${anonymous.statusCode}`);
    const other = new TestBrowser(ctx.app);
    await signInAs(ctx, other, { tenantId: GRONINGEN.id, role: 'coordinator' });
    assert.equal((await other.get(PATH)).statusCode, 403, 'a coordinator of another municipality');
  });

  it('saves valid settings for an administrator, audited, and only for this tenant', async () => {
    const b = new TestBrowser(ctx.app);
    const userId = await signInAs(ctx, b, { tenantId: k.id, role: 'admin' });
    await b.get(PATH);
    const res = await b.post(PATH, VALID); // escalation unticked: off
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal(res.headers.location, `${PATH}?opgeslagen=1`);
    const page = await b.get(`${PATH}?opgeslagen=1`);
    assert.match(page.body, /De instellingen zijn opgeslagen/);
    assert.deepEqual(await getJobSettings(ctx.database.db, k.id), {
      reminderDays: 2,
      escalationEnabled: false,
      anonymiseAfterMonths: 6,
      deleteCancelledAfterMonths: 12,
      deleteClosedAfterMonths: 36,
    });
    assert.equal((await getJobSettings(ctx.database.db, GRONINGEN.id)).deleteClosedAfterMonths, 60, 'the other tenant keeps its defaults');
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'detail'])
      .where('entity', '=', 'signals_job_settings')
      .where('tenant_id', '=', k.id)
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_user_id, userId);
    assert.match(JSON.stringify(audit[0]!.detail), /reminderDays/);
  });

  it('refuses bad values with Dutch messages and keeps the saved settings', async () => {
    const b = new TestBrowser(ctx.app);
    await signInAs(ctx, b, { tenantId: k.id, role: 'coordinator' });
    await b.get(PATH);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ reminderDays: '11' }, 'reminderDays', /van 0 tot en met 10/],
      [{ reminderDays: '-1' }, 'reminderDays', /van 0 tot en met 10/],
      [{ reminderDays: 'twee' }, 'reminderDays', /van 0 tot en met 10/],
      [{ anonymiseAfterMonths: '0' }, 'anonymiseAfterMonths', /van 1 tot en met 120/],
      [{ deleteClosedAfterMonths: '999' }, 'deleteClosedAfterMonths', /van 1 tot en met 240/],
      [{ anonymiseAfterMonths: '24', deleteClosedAfterMonths: '12' }, 'anonymiseAfterMonths', /niet later dan het verwijderen/],
    ];
    for (const [over, field, message] of cases) {
      const res = await b.post(PATH, { ...VALID, escalationEnabled: '1', ...over });
      assert.equal(res.statusCode, 422, `${JSON.stringify(over)}: ${res.statusCode}`);
      assert.match(res.body, message, field);
      assert.match(res.body, new RegExp(`name="${field}"[^>]*aria-invalid="true"`));
    }
    assert.equal((await getJobSettings(ctx.database.db, k.id)).reminderDays, 2, 'unchanged');
    const noCsrf = await b.post(PATH, { ...VALID, _csrf: '' });
    assert.equal(noCsrf.statusCode, 403);
  });
});
