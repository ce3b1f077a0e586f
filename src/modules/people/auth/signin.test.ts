import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp, TestBrowser } from '../../../../test/helpers/app.ts';
import { createUser, ensureTenant } from './test-support.ts';

const ctx = useTestApp();
const PASSWORD = 'een lange zin als wachtwoord';

/** A browser that has opened the sign-in page (and so has a CSRF token). */
async function browser(): Promise<TestBrowser> {
  const b = new TestBrowser(ctx.app);
  await b.get('/aanmelden');
  return b;
}

async function signedIn(b: TestBrowser): Promise<boolean> {
  const res = await b.get('/account/tweestaps');
  return res.statusCode === 200;
}

describe('sign-in with a password', () => {
  before(async () => {
    await ensureTenant(ctx.app.db);
    await createUser(ctx.app.db, ctx.app.config, {
      email: 'bewoner@example.nl',
      password: PASSWORD,
      roles: [{ tenantId: 'GM0542', role: 'resident' }],
    });
    await createUser(ctx.app.db, ctx.app.config, {
      email: 'prof@example.nl',
      password: PASSWORD,
      roles: [{ tenantId: 'GM0542', role: 'professional' }],
    });
    await createUser(ctx.app.db, ctx.app.config, { email: 'weg@example.nl', password: PASSWORD });
    await ctx.app.db.updateTable('users').set({ deleted_at: ctx.clock.now() }).where('email', '=', 'weg@example.nl').execute();
  });

  it('shows the form with autocomplete hints and the ways without a password', async () => {
    const res = await new TestBrowser(ctx.app).get('/aanmelden');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /autocomplete="email"/);
    assert.match(res.body, /autocomplete="current-password"/);
    assert.match(res.body, /href="\/aanmelden\/link"/);
    assert.match(res.body, /href="\/wachtwoord-vergeten"/);
  });

  it('signs in, sets a fresh HttpOnly session cookie and rotates it', async () => {
    const b = await browser();
    b.cookies.set('sh_session', 'A'.repeat(43)); // a planted (fixation) cookie
    const res = await b.post('/aanmelden?terug=%2Faccount%2Ftweestaps', { email: 'Bewoner@Example.nl', password: PASSWORD });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account/tweestaps');
    const cookie = res.cookies.find((c) => c.name === 'sh_session');
    assert.ok(cookie && cookie.value !== 'A'.repeat(43));
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    const first = cookie.value;
    assert.ok(await signedIn(b));
    const stored = await ctx.app.db.selectFrom('sessions').select('id').execute();
    assert.ok(
      stored.every((s) => s.id !== first),
      'the database keeps only the hash',
    );

    // Signing in again replaces the session: the old cookie no longer works.
    await b.post('/aanmelden', { email: 'bewoner@example.nl', password: PASSWORD });
    const second = b.cookies.get('sh_session');
    assert.notEqual(second, first);
    const old = new TestBrowser(ctx.app);
    old.cookies.set('sh_session', first);
    assert.equal(await signedIn(old), false);
    assert.ok(await signedIn(b));
    const audit = await ctx.app.db.selectFrom('audit_log').where('action', '=', 'signin').select('entity_id').execute();
    assert.ok(audit.length >= 2);
  });

  it('gives one generic message with 401 for a wrong password and for an unknown address', async () => {
    const b = await browser();
    const wrong = await b.post('/aanmelden', { email: 'bewoner@example.nl', password: 'niet het wachtwoord' });
    const unknown = await b.post('/aanmelden', { email: 'niemand@example.nl', password: 'niet het wachtwoord' });
    const deleted = await b.post('/aanmelden', { email: 'weg@example.nl', password: PASSWORD });
    for (const res of [wrong, unknown, deleted]) {
      assert.equal(res.statusCode, 401);
      assert.match(res.body, /Het e-mailadres of het wachtwoord klopt niet\./);
      assert.match(res.body, /role="alert"/);
    }
    assert.equal(await signedIn(b), false);
    const failed = await ctx.app.db.selectFrom('audit_log').where('action', '=', 'signin_failed').select(['detail', 'entity_id']).execute();
    assert.equal(failed.length, 3);
    assert.ok(!JSON.stringify(failed).includes('@'), 'no e-mail address in the audit log');
  });

  it('refuses a post without CSRF token and shows 422 for an empty form', async () => {
    const b = await browser();
    const res = await b.post('/aanmelden', { _csrf: '', email: 'bewoner@example.nl', password: PASSWORD });
    assert.equal(res.statusCode, 403);
    assert.equal(
      res.cookies.find((c) => c.name === 'sh_session'),
      undefined,
    );
    const empty = await b.post('/aanmelden', { email: '', password: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Vul dit veld in\./);
  });

  it('only returns to local paths', async () => {
    const b = await browser();
    const res = await b.post('/aanmelden?terug=%2F%2Fevil.example%2F', { email: 'bewoner@example.nl', password: PASSWORD });
    assert.equal(res.statusCode, 303);
    // Not the foreign address: the resident's own municipality (landing.ts).
    assert.equal(res.headers.location, '/krimpen-aan-den-ijssel/');
  });

  it('signs out with a POST and ends the session in the database', async () => {
    const b = await browser();
    await b.post('/aanmelden', { email: 'bewoner@example.nl', password: PASSWORD });
    await b.get('/account/tweestaps');
    const token = b.cookies.get('sh_session')!;
    const res = await b.post('/afmelden', {});
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/');
    assert.equal(b.cookies.has('sh_session'), false);
    const again = new TestBrowser(ctx.app);
    again.cookies.set('sh_session', token);
    assert.equal(await signedIn(again), false);
  });

  it('signs staff out after 30 minutes idle, but not residents', async () => {
    const staff = await browser();
    const resident = await browser();
    await staff.post('/aanmelden', { email: 'prof@example.nl', password: PASSWORD });
    await resident.post('/aanmelden', { email: 'bewoner@example.nl', password: PASSWORD });
    ctx.clock.advance(29 * 60 * 1000);
    assert.ok(await signedIn(staff), 'staff active within 30 minutes');
    ctx.clock.advance(31 * 60 * 1000);
    assert.equal(await signedIn(staff), false, 'staff idle for 31 minutes');
    assert.equal(staff.cookies.has('sh_session'), false, 'expired cookie is cleared');
    assert.ok(await signedIn(resident), 'resident idle for an hour is still signed in');
  });

  it('ends staff sessions after 12 hours even when active', async () => {
    const staff = await browser();
    await staff.post('/aanmelden', { email: 'prof@example.nl', password: PASSWORD });
    let active = 0;
    for (let i = 0; i < 30; i++) {
      ctx.clock.advance(29 * 60 * 1000);
      if (!(await signedIn(staff))) break;
      active += 29;
    }
    assert.ok(active >= 11 * 60 && active <= 12 * 60, `signed out after ${active} minutes`);
    const count = await ctx.app.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .where('users.email', '=', 'prof@example.nl')
      .select('sessions.id')
      .execute();
    assert.equal(count.length, 0);
    assert.equal(await signedIn(staff), false);
  });
});
