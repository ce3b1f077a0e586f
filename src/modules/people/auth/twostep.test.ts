import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyRequest } from 'fastify';
import { useTestApp, TestBrowser } from '../../../../test/helpers/app.ts';
import { enforcePolicy } from '../../../platform/http/policy.ts';
import type { RequestUser } from '../../../platform/http/types.ts';
import type { Role } from '../../../platform/roles.ts';
import { createUser, ensureTenant } from './test-support.ts';
import { decryptTotpSecret, totpCode } from './totp.ts';

const ctx = useTestApp();
const PASSWORD = 'een lange zin als wachtwoord';
const SECRET = 'KRSXG5CTMVRXEZLUKN2W4ZDFMVXGQYLO';

async function browser(): Promise<TestBrowser> {
  const b = new TestBrowser(ctx.app);
  await b.get('/aanmelden');
  return b;
}

async function signIn(email: string): Promise<TestBrowser> {
  const b = await browser();
  await b.post('/aanmelden', { email, password: PASSWORD });
  return b;
}

describe('two-step sign-in (TOTP)', () => {
  before(async () => {
    await ensureTenant(ctx.app.db);
    await createUser(ctx.app.db, ctx.app.config, {
      email: 'coord@example.nl',
      password: PASSWORD,
      roles: [{ tenantId: 'GM0542', role: 'coordinator' }],
    });
    await createUser(ctx.app.db, ctx.app.config, {
      email: 'admin@example.nl',
      password: PASSWORD,
      roles: [{ tenantId: 'GM0542', role: 'admin' }],
      totpBase32: SECRET,
    });
  });

  it('sets up TOTP with a QR code, then asks for the code at the next sign-in', async () => {
    const b = await signIn('coord@example.nl');
    const page = await b.get('/account/tweestaps?terug=%2Fgemeente%2Fbeheer');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /moet inloggen in twee stappen aan staan/, 'staff are told they must set it up');
    assert.match(page.body, /<img[^>]+src="data:image\/svg\+xml;base64,[^"]+"[^>]+alt="QR-code/);
    assert.match(page.body, /autocomplete="one-time-code"/);
    const secret = /<code class="totp-secret">([A-Z2-7 ]+)<\/code>/.exec(page.body)![1]!.replace(/ /g, '');
    const pending = /name="pending" value="([^"]+)"/.exec(page.body)![1]!;

    const wrong = await b.post('/account/tweestaps?terug=%2Fgemeente%2Fbeheer', { pending, code: '000000' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /Deze code klopt niet/);
    assert.ok(wrong.body.includes(secret.slice(0, 4)), 'the same secret is shown again');

    const ok = await b.post('/account/tweestaps?terug=%2Fgemeente%2Fbeheer', { pending, code: totpCode(secret, ctx.clock.now()) });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/gemeente/beheer');
    const row = await ctx.app.db
      .selectFrom('users')
      .where('email', '=', 'coord@example.nl')
      .select(['totp_secret', 'totp_enabled_at'])
      .executeTakeFirstOrThrow();
    assert.ok(row.totp_enabled_at);
    assert.ok(!row.totp_secret!.includes(secret), 'stored encrypted');
    assert.equal(decryptTotpSecret(ctx.app.config, row.totp_secret!), secret);
    const on = await b.get('/account/tweestaps');
    assert.match(on.body, /Inloggen in twee stappen staat aan/);

    // Next sign-in: password, then the code; no session before the code.
    ctx.clock.advance(60 * 1000);
    const c = await browser();
    const first = await c.post('/aanmelden?terug=%2Faccount', { email: 'coord@example.nl', password: PASSWORD });
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, '/aanmelden/tweestaps?terug=%2Faccount');
    assert.equal(c.cookies.has('sh_session'), false);
    const codePage = await c.get('/aanmelden/tweestaps?terug=%2Faccount');
    assert.equal(codePage.statusCode, 200);
    const bad = await c.post('/aanmelden/tweestaps?terug=%2Faccount', { code: '123456' });
    assert.equal(bad.statusCode, 401);
    assert.equal(c.cookies.has('sh_session'), false);
    const good = await c.post('/aanmelden/tweestaps?terug=%2Faccount', { code: totpCode(secret, ctx.clock.now()) });
    assert.equal(good.statusCode, 303);
    assert.equal(good.headers.location, '/account');
    assert.ok(c.cookies.has('sh_session'));
    const session = await ctx.app.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .where('users.email', '=', 'coord@example.nl')
      .select(['sessions.mfa_at'])
      .orderBy('sessions.created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.ok(session.mfa_at, 'the session counts the second factor');
  });

  it('offers the same secret again on reload in one session, and another one in another session', async () => {
    await createUser(ctx.app.db, ctx.app.config, {
      email: 'reload@example.nl',
      password: PASSWORD,
      roles: [{ tenantId: 'GM0542', role: 'volunteer' }],
    });
    const secretOf = (body: string) => /<code class="totp-secret">([A-Z2-7 ]+)<\/code>/.exec(body)![1]!.replace(/ /g, '');
    const b = await signIn('reload@example.nl');
    const first = secretOf((await b.get('/account/tweestaps')).body);
    const again = secretOf((await b.get('/account/tweestaps')).body);
    assert.equal(again, first, 'a reload keeps the QR code the person may already have scanned');
    const other = await signIn('reload@example.nl');
    assert.notEqual(secretOf((await other.get('/account/tweestaps')).body), first);
  });

  it('accepts the code of the previous 30-second step, not older ones', async () => {
    const c = await browser();
    await c.post('/aanmelden', { email: 'admin@example.nl', password: PASSWORD });
    const old = await c.post('/aanmelden/tweestaps', { code: totpCode(SECRET, new Date(ctx.clock.now().getTime() - 90_000)) });
    assert.equal(old.statusCode, 401);
    const previous = await c.post('/aanmelden/tweestaps', { code: totpCode(SECRET, new Date(ctx.clock.now().getTime() - 30_000)) });
    assert.equal(previous.statusCode, 303);
  });

  it('accepts each code only once', async () => {
    ctx.clock.advance(30_000);
    const code = totpCode(SECRET, ctx.clock.now());
    const a = await browser();
    await a.post('/aanmelden', { email: 'admin@example.nl', password: PASSWORD });
    assert.equal((await a.post('/aanmelden/tweestaps', { code })).statusCode, 303);
    const b = await browser();
    await b.post('/aanmelden', { email: 'admin@example.nl', password: PASSWORD });
    const replay = await b.post('/aanmelden/tweestaps', { code });
    assert.equal(replay.statusCode, 401);
    assert.equal(b.cookies.has('sh_session'), false);
  });

  it('lets a signed-in session without the code add it, and returns to the page that asked', async () => {
    ctx.clock.advance(30_000);
    const c = await browser();
    await c.post('/aanmelden', { email: 'admin@example.nl', password: PASSWORD });
    await c.post('/aanmelden/tweestaps', { code: totpCode(SECRET, ctx.clock.now()) });
    // e.g. a session started by accepting an invitation: signed in, code not given yet
    await ctx.app.db.updateTable('sessions').set({ mfa_at: null }).execute();
    const page = await c.get('/account/tweestaps?terug=%2Fkrimpen-aan-den-ijssel%2Fbeheer');
    assert.match(page.body, /Vul de code uit uw app in om verder te gaan/);
    assert.match(page.body, /action="\/aanmelden\/tweestaps\?terug=%2Fkrimpen-aan-den-ijssel%2Fbeheer"/);
    ctx.clock.advance(30_000);
    const res = await c.post('/aanmelden/tweestaps?terug=%2Fkrimpen-aan-den-ijssel%2Fbeheer', { code: totpCode(SECRET, ctx.clock.now()) });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/krimpen-aan-den-ijssel/beheer');
    const sessions = await ctx.app.db.selectFrom('sessions').select('mfa_at').execute();
    assert.ok(sessions.some((x) => x.mfa_at !== null));
  });

  it('has no second step without passing the first', async () => {
    const c = await browser();
    const res = await c.post('/aanmelden/tweestaps', { code: totpCode(SECRET, ctx.clock.now()) });
    assert.equal(res.statusCode, 400);
    assert.equal(c.cookies.has('sh_session'), false);
    c.cookies.set('sh_signin_pending', 'vervalst');
    assert.equal((await c.post('/aanmelden/tweestaps', { code: totpCode(SECRET, ctx.clock.now()) })).statusCode, 400);
  });

  it('turns TOTP off only with a valid code', async () => {
    ctx.clock.advance(30_000);
    const c = await browser();
    await c.post('/aanmelden', { email: 'admin@example.nl', password: PASSWORD });
    await c.post('/aanmelden/tweestaps', { code: totpCode(SECRET, ctx.clock.now()) });
    await c.get('/account/tweestaps');
    ctx.clock.advance(30_000);
    const wrong = await c.post('/account/tweestaps/uitzetten', { code: '000000' });
    assert.equal(wrong.statusCode, 422);
    const ok = await c.post('/account/tweestaps/uitzetten', { code: totpCode(SECRET, ctx.clock.now()) });
    assert.equal(ok.statusCode, 303);
    const row = await ctx.app.db
      .selectFrom('users')
      .where('email', '=', 'admin@example.nl')
      .select(['totp_secret'])
      .executeTakeFirstOrThrow();
    assert.equal(row.totp_secret, null);
    const actions = (await ctx.app.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
    for (const a of ['mfa_enabled', 'mfa_disabled', 'signin', 'signin_failed']) assert.ok(actions.includes(a), a);
  });

  it('asks for setup when not signed in to the account page', async () => {
    const res = await new TestBrowser(ctx.app).get('/account/tweestaps');
    assert.equal(res.statusCode, 401);
  });
});

describe('personal data needs the second factor for staff (enforcePolicy)', () => {
  function request(roles: Role[], mfaVerified: boolean): FastifyRequest {
    const user: RequestUser = {
      id: 'u1',
      email: 'x@example.nl',
      name: 'X',
      locale: 'nl',
      isDemo: false,
      mfaEnabled: mfaVerified,
      mfaVerified,
      sessionId: 's',
      memberships: roles.map((role) => ({ tenantId: 'GM0542', organisationId: null, role })),
    };
    return { user, tenant: { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen' }, roles } as unknown as FastifyRequest;
  }
  const policy = { roles: ['professional', 'coordinator', 'admin', 'volunteer'] as Role[], personalData: true };

  it('refuses staff without a verified second factor', () => {
    assert.throws(
      () => enforcePolicy(policy, request(['professional'], false)),
      (e: { code?: string; status?: number }) => e.code === 'mfa_required' && e.status === 403,
    );
  });
  it('allows staff with a verified second factor, and volunteers without', () => {
    enforcePolicy(policy, request(['coordinator'], true));
    enforcePolicy(policy, request(['volunteer'], false));
  });
});
