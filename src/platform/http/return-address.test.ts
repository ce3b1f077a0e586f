import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { ensureTenant } from '../../../test/helpers/people.ts';
import { addMembership, createUser } from '../../modules/people/people.service.ts';
import { safeReturn } from './return-address.ts';

const A = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };

/** `?terug=` only ever leads to a local path, and never breaks the redirect itself. */
describe('return addresses', () => {
  const ctx = useTestApp();

  before(async () => {
    await ensureTenant(ctx.database.db, A);
    const { id } = await createUser(ctx.database.db, { email: 'terug@example.nl', name: 'Terug', password: 'een-lang-genoeg-wachtwoord' });
    await addMembership(ctx.database.db, { tenantId: A.id, userId: id, role: 'resident' });
  });

  it('the language switch does not redirect to another site', async () => {
    for (const q of ['/%5Cevil.example', '/%09/evil.example', '//evil.example', 'https://evil.example']) {
      const res = await ctx.app.inject({ url: `/taal/en?terug=${q}`, headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, 303, q);
      assert.equal(res.headers.location, '/', q);
    }
    const ok = await ctx.app.inject({ url: '/taal/en?terug=%2Faccount%3Fx%3D1' });
    assert.equal(ok.headers.location, '/account?x=1');
  });

  it('characters that cannot go into a Location header give the fallback, not a 500', async () => {
    for (const q of ['/%E2%82%AC', '/%0d%0aX-Injected:%20yes', '/%C3%A9']) {
      const res = await ctx.app.inject({ url: `/taal/en?terug=${q}`, headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, 303, q);
      assert.equal(res.headers.location, '/', q);
      assert.equal(res.headers['x-injected'], undefined);
    }
    assert.equal(safeReturn('/wijken/\u20ac'), '/');
    assert.equal(safeReturn('/caf\u00e9'), '/');
  });

  it('signing in with such a return address still signs in and goes to the home page of their municipality', async () => {
    const browser = new TestBrowser(ctx.app);
    await browser.get('/aanmelden');
    const res = await browser.post('/aanmelden?terug=/%E2%82%AC', { email: 'terug@example.nl', password: 'een-lang-genoeg-wachtwoord' });
    assert.equal(res.statusCode, 303);
    // The fallback: the home page of the resident's municipality (people/auth/landing.ts).
    assert.equal(res.headers.location, `/${A.slug}/`);
    assert.ok(browser.cookies.get('sh_session'));
  });
});

describe('safeReturn', () => {
  it('keeps local paths only', () => {
    assert.equal(safeReturn('/krimpen-aan-den-ijssel/beheer?x=1'), '/krimpen-aan-den-ijssel/beheer?x=1');
    assert.equal(safeReturn('//evil.example'), '/');
    assert.equal(safeReturn('/\\evil.example'), '/');
    assert.equal(safeReturn('https://evil.example'), '/');
    assert.equal(safeReturn(undefined), '/');
  });
});
