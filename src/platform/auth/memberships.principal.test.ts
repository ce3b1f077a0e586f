import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { ensureTenant, signInWithRoles } from '../../../test/helpers/people.ts';
import * as memberships from './memberships.service.ts';

/**
 * A request's principal reads the user's memberships in the request's municipality only (one shard
 * under Citus, issue 17); the account page still lists every municipality, and the staff limits of
 * a session still hold on another municipality's pages.
 */
const EERSTE = { id: 'GM9921', slug: 'eerste', name: 'Eerste Gemeente' };
const TWEEDE = { id: 'GM9922', slug: 'tweede', name: 'Tweede Gemeente' };
const MINUTE = 60_000;

const ctx = useTestApp();

describe('memberships per request', () => {
  let both: TestBrowser;
  let userId: string;

  before(async () => {
    await ensureTenant(ctx.app.db, EERSTE);
    await ensureTenant(ctx.app.db, TWEEDE);
    both = new TestBrowser(ctx.app);
    userId = await signInWithRoles(ctx, both, [
      { tenantId: EERSTE.id, role: 'coordinator' },
      { tenantId: TWEEDE.id, role: 'resident' },
    ]);
  });

  it('reads one municipality’s memberships, or all of them where asked', async () => {
    const db = ctx.app.db;
    assert.deepEqual(await memberships.membershipsOfUserIn(db, userId, EERSTE.id), [
      { tenantId: EERSTE.id, organisationId: null, role: 'coordinator' },
    ]);
    assert.deepEqual(await memberships.membershipsOfUserIn(db, userId, TWEEDE.id), [
      { tenantId: TWEEDE.id, organisationId: null, role: 'resident' },
    ]);
    assert.deepEqual(await memberships.membershipsOfUserIn(db, userId, 'GM9999'), []);
    assert.equal((await memberships.membershipsOfUser(db, userId)).length, 2);
  });

  it('gives each municipality only its own roles', async () => {
    const first = await both.get(`/${EERSTE.slug}/beheer`);
    assert.equal(first.statusCode, 200, 'coordinator in the first municipality');
    const second = await both.get(`/${TWEEDE.slug}/beheer`);
    assert.equal(second.statusCode, 403, 'only a resident in the second municipality');
  });

  it('still lists both municipalities on the account page', async () => {
    const res = await both.get('/account');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(EERSTE.name));
    assert.match(res.body, new RegExp(TWEEDE.name));
    assert.match(res.body, /Coördinator/);
    assert.match(res.body, /Bewoner/);
  });

  it('keeps the staff idle limit on another municipality’s pages and on pages without one', async () => {
    for (const path of [`/${TWEEDE.slug}/`, '/account']) {
      const b = new TestBrowser(ctx.app);
      await signInWithRoles(ctx, b, [
        { tenantId: EERSTE.id, role: 'professional' },
        { tenantId: TWEEDE.id, role: 'resident' },
      ]);
      ctx.clock.advance(29 * MINUTE);
      assert.equal((await b.get('/account')).statusCode, 200, `${path}: active within 30 minutes`);
      ctx.clock.advance(31 * MINUTE);
      await b.get(path);
      assert.equal(b.cookies.has('sh_session'), false, `${path}: staff elsewhere, idle for 31 minutes: signed out`);
      assert.equal((await b.get('/account')).statusCode === 200, false, `${path}: the session is gone`);
    }
  });

  it('keeps a resident signed in after an hour idle', async () => {
    const b = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, b, [{ tenantId: TWEEDE.id, role: 'resident' }]);
    ctx.clock.advance(60 * MINUTE);
    assert.equal((await b.get(`/${TWEEDE.slug}/`)).statusCode, 200);
    assert.equal(b.cookies.has('sh_session'), true);
    assert.equal((await b.get('/account')).statusCode, 200);
  });
});
