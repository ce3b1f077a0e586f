import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { GRONINGEN, KRIMPEN, KRIMPEN_POINT, setupTenant } from '../signals.test-support.ts';
import { hashApiKey } from './apikeys.service.ts';
import { postForm } from './open311.test-support.ts';

const PAGE = `/${KRIMPEN.slug}/beheer/open311`;

describe('Open311 API keys page', () => {
  const ctx = useTestApp();
  let admin: TestBrowser;

  before(async () => {
    await setupTenant(ctx.database.db, KRIMPEN);
    await setupTenant(ctx.database.db, GRONINGEN);
    admin = new TestBrowser(ctx.app);
    await signInAs(ctx, admin, { tenantId: KRIMPEN.id, role: 'admin' });
  });

  it('only administrators of the tenant (with second factor) see it', async () => {
    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: KRIMPEN.id, role: 'professional' });
    assert.equal((await pro.get(PAGE)).statusCode, 403);
    const otherAdmin = new TestBrowser(ctx.app);
    await signInAs(ctx, otherAdmin, { tenantId: GRONINGEN.id, role: 'admin' });
    assert.equal((await otherAdmin.get(PAGE)).statusCode, 403);
    const noMfa = new TestBrowser(ctx.app);
    await signInAs(ctx, noMfa, { tenantId: KRIMPEN.id, role: 'admin', mfa: false });
    assert.equal((await noMfa.get(PAGE)).statusCode, 403);
    const page = await admin.get(PAGE);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Open311-sleutels/);
  });

  it('issues a key shown once (stored hashed), which works until it is revoked; both audited', async () => {
    const db = ctx.database.db;
    const res = await admin.post(PAGE, { client: 'Buiten Beter app', rights: 'report', organisation: '' });
    assert.equal(res.statusCode, 201, res.body.slice(0, 500));
    assert.equal(res.headers['cache-control'], 'no-store');
    const key = /<code class="api-key">(o311_[A-Za-z0-9_-]+)<\/code>/.exec(res.body)?.[1];
    assert.ok(key, 'the key is on the page');
    const row = await db.selectFrom('open311_api_keys').selectAll().where('client_name', '=', 'Buiten Beter app').executeTakeFirstOrThrow();
    assert.equal(row.key_hash, hashApiKey(key));
    assert.ok(!JSON.stringify(row).includes(key), 'the key itself is not stored');
    assert.equal(row.can_report, true);
    assert.equal(row.can_handle, false);
    const list = await admin.get(PAGE);
    assert.ok(!list.body.includes(key), 'the list does not show the key again');
    assert.ok(list.body.includes(key.slice(0, 8)), 'only its first characters');

    const form = {
      api_key: key,
      service_code: 'groen',
      lat: String(KRIMPEN_POINT.latitude),
      long: String(KRIMPEN_POINT.longitude),
      description: 'Tak op de stoep',
    };
    assert.equal((await postForm(ctx.app, `/${KRIMPEN.slug}/open311/v2/requests.json`, form)).statusCode, 200);
    assert.equal(
      (await postForm(ctx.app, `/${GRONINGEN.slug}/open311/v2/requests.json`, { ...form, lat: '53.2194', long: '6.5665' })).statusCode,
      403,
      'not in another tenant',
    );

    // An administrator of another tenant cannot revoke it.
    const otherAdmin = new TestBrowser(ctx.app);
    await signInAs(ctx, otherAdmin, { tenantId: GRONINGEN.id, role: 'admin' });
    await otherAdmin.get(`/${GRONINGEN.slug}/beheer/open311`);
    assert.equal((await otherAdmin.post(`/${GRONINGEN.slug}/beheer/open311/${row.id}/intrekken`, {})).statusCode, 404);

    const revoked = await admin.post(`${PAGE}/${row.id}/intrekken`, {});
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, `${PAGE}?ingetrokken=1`);
    assert.equal(
      (await postForm(ctx.app, `/${KRIMPEN.slug}/open311/v2/requests.json`, { ...form, description: 'Nog een tak' })).statusCode,
      403,
    );
    assert.equal((await admin.post(`${PAGE}/${row.id}/intrekken`, {})).statusCode, 404, 'revoking twice');
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity', '=', 'open311_api_key')
      .where('entity_id', '=', row.id)
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['create', 'revoke']);
    assert.ok(audit.every((a) => a.actor_user_id));
  });

  it('a handler key can be bound to an organisation; bad input shows the form again', async () => {
    const orgs = await ctx.database.db.selectFrom('organisations').select(['id', 'tenant_id']).execute();
    const own = orgs.find((o) => o.tenant_id === KRIMPEN.id)!;
    const foreign = orgs.find((o) => o.tenant_id === GRONINGEN.id)!;
    const ok = await admin.post(PAGE, { client: 'Aannemer', rights: 'both', organisation: own.id });
    assert.equal(ok.statusCode, 201);
    const row = await ctx.database.db
      .selectFrom('open311_api_keys')
      .selectAll()
      .where('client_name', '=', 'Aannemer')
      .executeTakeFirstOrThrow();
    assert.equal(row.organisation_id, own.id);
    assert.ok(row.can_report && row.can_handle);
    const bads: Record<string, string>[] = [
      { client: '', rights: 'report' },
      { client: 'X', rights: 'alles' },
      { client: 'Y', rights: 'handle', organisation: foreign.id },
    ];
    for (const bad of bads) {
      const res = await admin.post(PAGE, bad);
      assert.equal(res.statusCode, 422, JSON.stringify(bad));
      assert.match(res.body, /utrecht-form-field--invalid/);
    }
    const csrf = await admin.post(PAGE, { client: 'Z', rights: 'report', _csrf: '' });
    assert.equal(csrf.statusCode, 403, 'CSRF protected');
  });

  it("the administrator sets a client's rate limit when issuing a key and changes it later; it takes effect at once (security finding 5)", async () => {
    const db = ctx.database.db;
    const url = `/${KRIMPEN.slug}/open311/v2/requests.json`;
    const lampForm = (key: string, i: number) => ({
      api_key: key,
      service_code: 'groen',
      lat: String(KRIMPEN_POINT.latitude),
      long: String(KRIMPEN_POINT.longitude),
      description: `Tak ${i}`,
    });
    const page = await admin.get(PAGE);
    assert.match(page.body, /name="limit"[^>]*value="60"/, 'the form proposes 60 a minute');
    const res = await admin.post(PAGE, { client: 'Melding-app', rights: 'report', organisation: '', limit: '2' });
    assert.equal(res.statusCode, 201, res.body.slice(0, 500));
    const key = /<code class="api-key">(o311_[A-Za-z0-9_-]+)<\/code>/.exec(res.body)![1]!;
    const row = await db.selectFrom('open311_api_keys').selectAll().where('client_name', '=', 'Melding-app').executeTakeFirstOrThrow();
    assert.equal(row.rate_limit, 2);

    ctx.clock.advance(60_000);
    for (const i of [1, 2]) assert.equal((await postForm(ctx.app, url, lampForm(key, i))).statusCode, 200);
    const third = await postForm(ctx.app, url, lampForm(key, 3));
    assert.equal(third.statusCode, 429);
    assert.match(third.json()[0].description, /at most 2 a minute/);

    // Raised in the same minute: counts from the next request.
    const list = await admin.get(PAGE);
    assert.ok(list.body.includes(`action="${PAGE}/${row.id}/limiet"`), 'each active key has a form for its limit');
    const raised = await admin.post(`${PAGE}/${row.id}/limiet`, { limit: '4' });
    assert.equal(raised.statusCode, 303);
    assert.equal(raised.headers.location, `${PAGE}?limiet=1`);
    assert.match((await admin.get(raised.headers.location as string)).body, /De grens is aangepast/);
    assert.equal((await postForm(ctx.app, url, lampForm(key, 4))).statusCode, 200, 'the 4th write of the minute is within the new limit');
    assert.equal((await postForm(ctx.app, url, lampForm(key, 5))).statusCode, 429);
    // Lowered: refused at once.
    ctx.clock.advance(60_000);
    assert.equal((await admin.post(`${PAGE}/${row.id}/limiet`, { limit: '1' })).statusCode, 303);
    assert.equal((await postForm(ctx.app, url, lampForm(key, 6))).statusCode, 200);
    assert.equal((await postForm(ctx.app, url, lampForm(key, 7))).statusCode, 429);

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity', '=', 'open311_api_key')
      .where('entity_id', '=', row.id)
      .where('action', '=', 'update')
      .execute();
    assert.equal(audit.length, 2, 'each change is audited');

    for (const bad of ['0', '10001', 'veel', '', '2.5']) {
      const r = await admin.post(`${PAGE}/${row.id}/limiet`, { limit: bad });
      assert.equal(r.statusCode, 422, bad);
      assert.match(r.body, /Vul een heel getal in van 1 tot en met 10000/);
    }
    assert.equal((await admin.post(PAGE, { client: 'Te veel', rights: 'report', limit: '0' })).statusCode, 422, 'also when issuing');
    assert.equal(
      (await db.selectFrom('open311_api_keys').select('rate_limit').where('id', '=', row.id).executeTakeFirstOrThrow()).rate_limit,
      1,
      'a bad value changes nothing',
    );

    const otherAdmin = new TestBrowser(ctx.app);
    await signInAs(ctx, otherAdmin, { tenantId: GRONINGEN.id, role: 'admin' });
    await otherAdmin.get(`/${GRONINGEN.slug}/beheer/open311`);
    assert.equal(
      (await otherAdmin.post(`/${GRONINGEN.slug}/beheer/open311/${row.id}/limiet`, { limit: '9000' })).statusCode,
      404,
      'not by another tenant',
    );
    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: KRIMPEN.id, role: 'professional' });
    await pro.get('/toegankelijkheid');
    assert.equal((await pro.post(`${PAGE}/${row.id}/limiet`, { limit: '9000' })).statusCode, 403, 'only administrators');
    assert.equal((await admin.post(`${PAGE}/${row.id}/limiet`, { limit: '9000', _csrf: '' })).statusCode, 403, 'CSRF protected');
  });
});
