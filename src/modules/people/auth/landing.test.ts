import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp, TestBrowser } from '../../../../test/helpers/app.ts';
import { createUser, ensureTenant, mailedToken } from './test-support.ts';
import { totpCode } from './totp.ts';

const ctx = useTestApp();
const PASSWORD = 'een lange zin als wachtwoord';
const SECRET = 'JBSWY3DPEHPK3PXP';
const KRIMPEN = '/krimpen-aan-den-ijssel';

async function browser(path = '/aanmelden'): Promise<TestBrowser> {
  const b = new TestBrowser(ctx.app);
  await b.get(path);
  return b;
}

/** Where signing in with a password sends this person (`terug` as the sign-in link of that page would pass it). */
async function landing(email: string, terug?: string): Promise<string | undefined> {
  const b = await browser();
  const res = await b.post(`/aanmelden${terug ? `?terug=${encodeURIComponent(terug)}` : ''}`, { email, password: PASSWORD });
  assert.equal(res.statusCode, 303);
  return res.headers.location as string | undefined;
}

describe('where sign-in lands', () => {
  before(async () => {
    await ensureTenant(ctx.app.db);
    await ensureTenant(ctx.app.db, 'GM0014', 'groningen', 'Groningen');
    const user = (email: string, roles: { tenantId: string; role: 'resident' | 'professional' | 'admin' }[], totp = false) =>
      createUser(ctx.app.db, ctx.app.config, { email, password: PASSWORD, roles, ...(totp ? { totpBase32: SECRET } : {}) });
    await user('bewoner@example.nl', [{ tenantId: 'GM0542', role: 'resident' }]);
    await user('prof@example.nl', [
      { tenantId: 'GM0014', role: 'resident' },
      { tenantId: 'GM0542', role: 'professional' },
    ]);
    await user('beheer@example.nl', [{ tenantId: 'GM0542', role: 'admin' }], true);
    await user('nergens@example.nl', []);
  });

  it('sends a resident to their municipality, staff to its start page, someone without one to the chooser', async () => {
    assert.equal(await landing('bewoner@example.nl'), `${KRIMPEN}/`);
    assert.equal(await landing('prof@example.nl'), `${KRIMPEN}/beheer`, 'the municipality where they are staff');
    assert.equal(await landing('nergens@example.nl'), '/');
  });

  it('keeps the page someone came from; from a municipality home staff go to its start page', async () => {
    assert.equal(await landing('bewoner@example.nl', `${KRIMPEN}/sociale-kaart`), `${KRIMPEN}/sociale-kaart`);
    assert.equal(await landing('bewoner@example.nl', `${KRIMPEN}/`), `${KRIMPEN}/`);
    assert.equal(await landing('prof@example.nl', `${KRIMPEN}/`), `${KRIMPEN}/beheer`);
    assert.equal(await landing('prof@example.nl', '/groningen/'), '/groningen/', 'a resident there: the home page');
  });

  it('takes staff with a second factor through the code to their start page', async () => {
    const b = await browser();
    const first = await b.post('/aanmelden', { email: 'beheer@example.nl', password: PASSWORD });
    assert.equal(first.headers.location, `/aanmelden/tweestaps?terug=${encodeURIComponent(`${KRIMPEN}/beheer`)}`);
    const code = await b.post(`/aanmelden/tweestaps?terug=${encodeURIComponent(`${KRIMPEN}/beheer`)}`, {
      code: totpCode(SECRET, ctx.clock.now()),
    });
    assert.equal(code.statusCode, 303);
    assert.equal(code.headers.location, `${KRIMPEN}/beheer`);
    const start = await b.get(`${KRIMPEN}/beheer`);
    assert.equal(start.statusCode, 200);
    assert.match(start.body, /Wat vraagt nu uw aandacht\?/);
  });

  it('lands a newly registered resident who used the mailed link on the municipality they chose', async () => {
    const b = await browser('/registreren');
    const res = await b.post('/registreren', { name: 'Nieuwe Buur', email: 'nieuwebuur@example.nl', password: '', tenant: 'GM0542' });
    assert.equal(res.statusCode, 200);
    const token = await mailedToken(ctx.app.db, 'nieuwebuur@example.nl', 'aanmelden/link');
    await b.get(`/aanmelden/link/${token}`);
    const signIn = await b.post(`/aanmelden/link/${token}`, {});
    assert.equal(signIn.statusCode, 303);
    assert.equal(signIn.headers.location, `${KRIMPEN}/`, 'not the chooser "Kies uw gemeente"');
    const home = await b.get(`${KRIMPEN}/`);
    assert.equal(home.statusCode, 200);
    assert.doesNotMatch(home.body, /Kies uw gemeente/);
  });
});
