import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp, TestBrowser } from '../../../../test/helpers/app.ts';
import { createUser, ensureTenant, mailedToken } from './test-support.ts';

const ctx = useTestApp();

async function browser(path: string): Promise<TestBrowser> {
  const b = new TestBrowser(ctx.app);
  await b.get(path);
  return b;
}

async function signedIn(b: TestBrowser): Promise<boolean> {
  return (await b.get('/account/tweestaps')).statusCode === 200;
}

async function mailCount(email: string): Promise<number> {
  return (await ctx.app.db.selectFrom('mail_outbox').where('to_address', '=', email).select('id').execute()).length;
}

describe('sign-in link by e-mail', () => {
  before(async () => {
    await ensureTenant(ctx.app.db);
    await createUser(ctx.app.db, ctx.app.config, {
      email: 'link@example.nl',
      name: 'Fatima',
      roles: [{ tenantId: 'GM0542', role: 'resident' }],
    });
  });

  it('answers the same for known and unknown addresses, and mails only the known one', async () => {
    const b = await browser('/aanmelden/link');
    const known = await b.post('/aanmelden/link', { email: 'link@example.nl' });
    const unknown = await b.post('/aanmelden/link', { email: 'onbekend@example.nl' });
    assert.equal(known.statusCode, 200);
    assert.equal(unknown.statusCode, 200);
    assert.match(known.body, /Als dit adres bij ons bekend is, hebben we een link gestuurd/);
    assert.match(unknown.body, /Als dit adres bij ons bekend is, hebben we een link gestuurd/);
    assert.equal(await mailCount('link@example.nl'), 1);
    assert.equal(await mailCount('onbekend@example.nl'), 0);
    const mail = await ctx.app.db
      .selectFrom('mail_outbox')
      .where('to_address', '=', 'link@example.nl')
      .selectAll()
      .executeTakeFirstOrThrow();
    assert.equal(mail.tenant_id, 'GM0542');
    assert.match(mail.text_body, /Hallo Fatima/);
    assert.match(mail.text_body, /http:\/\/localhost:3000\/aanmelden\/link\//);
  });

  it('signs in with a confirm button and works only once', async () => {
    const b = await browser('/aanmelden/link');
    await b.post('/aanmelden/link', { email: 'link@example.nl' });
    const token = await mailedToken(ctx.app.db, 'link@example.nl', 'aanmelden/link');
    const page = await b.get(`/aanmelden/link/${token}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`action="/aanmelden/link/${token}"`));
    assert.equal(await signedIn(b), false, 'opening the link alone does not sign in');
    await b.get(`/aanmelden/link/${token}`);
    const res = await b.post(`/aanmelden/link/${token}`, {});
    assert.equal(res.statusCode, 303);
    assert.ok(await signedIn(b));

    const other = await browser('/aanmelden');
    const again = await other.post(`/aanmelden/link/${token}`, {});
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /Deze link werkt niet meer/);
    assert.match(again.body, /href="\/aanmelden\/link"/);
  });

  it('refuses an expired link with a clear 400', async () => {
    const b = await browser('/aanmelden/link');
    await b.post('/aanmelden/link', { email: 'link@example.nl' });
    const token = await mailedToken(ctx.app.db, 'link@example.nl', 'aanmelden/link');
    ctx.clock.advance(31 * 60 * 1000);
    const page = await b.get(`/aanmelden/link/${token}`);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /Een link werkt 30 minuten en maar één keer/);
    const res = await b.post(`/aanmelden/link/${token}`, {});
    assert.equal(res.statusCode, 400);
    assert.equal(await signedIn(b), false);
    const junk = await b.get('/aanmelden/link/bestaat-niet');
    assert.equal(junk.statusCode, 400);
  });

  it('sends at most 5 links per address per 15 minutes', async () => {
    await createUser(ctx.app.db, ctx.app.config, { email: 'vol@example.nl' });
    const b = await browser('/aanmelden/link');
    for (let i = 0; i < 7; i++) {
      const res = await b.post('/aanmelden/link', { email: 'vol@example.nl' });
      assert.equal(res.statusCode, 200);
    }
    assert.equal(await mailCount('vol@example.nl'), 5);
    ctx.clock.advance(16 * 60 * 1000);
    await b.post('/aanmelden/link', { email: 'vol@example.nl' });
    assert.equal(await mailCount('vol@example.nl'), 6);
  });

  it('checks the e-mail address with a clear message', async () => {
    const b = await browser('/aanmelden/link');
    const res = await b.post('/aanmelden/link', { email: 'geen-adres' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Vul een geldig e-mailadres in/);
  });
});

describe('password reset', () => {
  before(async () => {
    await createUser(ctx.app.db, ctx.app.config, { email: 'vergeten@example.nl', password: 'het oude wachtwoord' });
  });

  it('sets a new password, ends other sessions and signs in', async () => {
    const laptop = await browser('/aanmelden');
    await laptop.post('/aanmelden', { email: 'vergeten@example.nl', password: 'het oude wachtwoord' });
    assert.ok(await signedIn(laptop));

    const b = await browser('/wachtwoord-vergeten');
    const sent = await b.post('/wachtwoord-vergeten', { email: 'vergeten@example.nl' });
    assert.equal(sent.statusCode, 200);
    assert.match(sent.body, /Als dit adres bij ons bekend is/);
    const token = await mailedToken(ctx.app.db, 'vergeten@example.nl', 'wachtwoord-herstellen');
    const form = await b.get(`/wachtwoord-herstellen/${token}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /autocomplete="new-password"/);

    const short = await b.post(`/wachtwoord-herstellen/${token}`, { password: 'kort', password2: 'kort' });
    assert.equal(short.statusCode, 422);
    assert.match(short.body, /minstens 8 tekens/);
    const common = await b.post(`/wachtwoord-herstellen/${token}`, { password: 'wachtwoord', password2: 'wachtwoord' });
    assert.equal(common.statusCode, 422);
    assert.match(common.body, /heel vaak gebruikt/);
    const mismatch = await b.post(`/wachtwoord-herstellen/${token}`, { password: 'nieuw en lang genoeg', password2: 'iets anders' });
    assert.equal(mismatch.statusCode, 422);

    const ok = await b.post(`/wachtwoord-herstellen/${token}`, { password: 'nieuw en lang genoeg', password2: 'nieuw en lang genoeg' });
    assert.equal(ok.statusCode, 303);
    assert.ok(await signedIn(b));
    assert.equal(await signedIn(laptop), false, 'other sessions ended');

    const reuse = await b.post(`/wachtwoord-herstellen/${token}`, {
      password: 'nog een ander wachtwoord',
      password2: 'nog een ander wachtwoord',
    });
    assert.equal(reuse.statusCode, 400);

    const c = await browser('/aanmelden');
    assert.equal((await c.post('/aanmelden', { email: 'vergeten@example.nl', password: 'het oude wachtwoord' })).statusCode, 401);
    assert.equal((await c.post('/aanmelden', { email: 'vergeten@example.nl', password: 'nieuw en lang genoeg' })).statusCode, 303);
    const audit = await ctx.app.db.selectFrom('audit_log').where('action', '=', 'password_reset').select('id').execute();
    assert.equal(audit.length, 1);
  });

  it('expires after an hour', async () => {
    const b = await browser('/wachtwoord-vergeten');
    await b.post('/wachtwoord-vergeten', { email: 'vergeten@example.nl' });
    const token = await mailedToken(ctx.app.db, 'vergeten@example.nl', 'wachtwoord-herstellen');
    ctx.clock.advance(61 * 60 * 1000);
    const res = await b.get(`/wachtwoord-herstellen/${token}`);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Een link werkt 1 uur/);
  });
});

describe('registration', () => {
  before(async () => {
    await ensureTenant(ctx.app.db);
    await ensureTenant(ctx.app.db, 'GM0014', 'groningen', 'Groningen');
    await createUser(ctx.app.db, ctx.app.config, { email: 'bestaat@example.nl', password: 'het bestaande wachtwoord', name: 'Bestaand' });
  });

  it('creates a resident in the chosen municipality and mails a sign-in link', async () => {
    const b = await browser('/registreren');
    const form = await b.get('/registreren');
    assert.match(form.body, /Groningen/);
    const res = await b.post('/registreren', { name: 'Nieuwe Buur', email: 'Nieuw@Example.nl', password: '', tenant: 'GM0014' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Kijk in uw e-mail/);
    const user = await ctx.app.db.selectFrom('users').where('email', '=', 'nieuw@example.nl').selectAll().executeTakeFirstOrThrow();
    assert.equal(user.password_hash, null);
    const memberships = await ctx.app.db.selectFrom('memberships').where('user_id', '=', user.id).select(['tenant_id', 'role']).execute();
    assert.deepEqual(memberships, [{ tenant_id: 'GM0014', role: 'resident' }]);
    const token = await mailedToken(ctx.app.db, 'nieuw@example.nl', 'aanmelden/link');
    await b.get(`/aanmelden/link/${token}`);
    assert.equal((await b.post(`/aanmelden/link/${token}`, {})).statusCode, 303);
    assert.ok(await signedIn(b));
  });

  it('does not reveal an existing address: same page, and a sign-in link for the owner', async () => {
    const b = await browser('/registreren');
    const res = await b.post('/registreren', {
      name: 'Indringer',
      email: 'bestaat@example.nl',
      password: 'een ander wachtwoord',
      tenant: 'GM0542',
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Kijk in uw e-mail/);
    const user = await ctx.app.db.selectFrom('users').where('email', '=', 'bestaat@example.nl').selectAll().executeTakeFirstOrThrow();
    assert.equal(user.name, 'Bestaand', 'nothing changed');
    assert.equal((await ctx.app.db.selectFrom('memberships').where('user_id', '=', user.id).select('id').execute()).length, 0);
    await mailedToken(ctx.app.db, 'bestaat@example.nl', 'aanmelden/link');
    const c = await browser('/aanmelden');
    assert.equal((await c.post('/aanmelden', { email: 'bestaat@example.nl', password: 'een ander wachtwoord' })).statusCode, 401);
  });

  it('checks the password policy and the municipality', async () => {
    const b = await browser('/registreren');
    const seven = await b.post('/registreren', { name: 'A', email: 'a@example.nl', password: '1234567', tenant: 'GM0542' });
    assert.equal(seven.statusCode, 422);
    assert.match(seven.body, /minstens 8 tekens/);
    const common = await b.post('/registreren', { name: 'A', email: 'a@example.nl', password: 'welkom01', tenant: 'GM0542' });
    assert.equal(common.statusCode, 422);
    assert.match(common.body, /heel vaak gebruikt/);
    const tenant = await b.post('/registreren', { name: 'A', email: 'a@example.nl', password: '', tenant: 'GM9999' });
    assert.equal(tenant.statusCode, 422);
    assert.match(tenant.body, /Kies een gemeente uit de lijst/);
    const long = 'x'.repeat(60) + 'abcd';
    const ok = await b.post('/registreren', { name: 'A', email: 'a@example.nl', password: long, tenant: 'GM0542' });
    assert.equal(ok.statusCode, 200);
    const c = await browser('/aanmelden');
    assert.equal((await c.post('/aanmelden', { email: 'a@example.nl', password: long })).statusCode, 303);
  });
});
