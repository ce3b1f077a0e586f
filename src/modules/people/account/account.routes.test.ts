import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { buildTenant, KRIMPEN as A } from '../../../../test/helpers/factories.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { createOrganisation } from '../people.service.ts';
import { SESSION_COOKIE } from '../auth/session.ts';

describe('my account', () => {
  const ctx = useTestApp();
  let browser: TestBrowser;
  let userId: string;

  before(async () => {
    await buildTenant(ctx.database.db, A);
    const org = await createOrganisation(ctx.database.db, { tenantId: A.id, name: 'Buurthuis De Brug', kind: 'welzijn' });
    browser = new TestBrowser(ctx.app);
    userId = await signInAs(ctx, browser, {
      tenantId: A.id,
      role: 'volunteer',
      organisationId: org.id,
      email: 'mijn@example.nl',
      name: 'Mijn Naam',
    });
  });

  async function audit(action: string) {
    return ctx.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('actor_user_id', '=', userId).execute();
  }

  it('needs a signed-in user', async () => {
    const res = await ctx.app.inject({ url: '/account', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 401);
    const json = await ctx.app.inject({ url: '/account/mijn-gegevens.json' });
    assert.equal(json.statusCode, 401);
    assert.equal(json.json().error.code, 'unauthorized');
  });

  it('shows the profile, roles and links to two-step sign-in, download and delete', async () => {
    const res = await browser.get('/account');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /value="Mijn Naam"/);
    assert.match(res.body, /mijn@example.nl/);
    assert.match(res.body, /Krimpen aan den IJssel/);
    assert.match(res.body, /Vrijwilliger/);
    assert.match(res.body, /Buurthuis De Brug/);
    assert.match(res.body, /href="\/account\/tweestaps"/);
    assert.match(res.body, /href="\/account\/mijn-gegevens.json"/);
    assert.match(res.body, /href="\/account\/verwijderen"/);
  });

  it('saves the profile and audits only the names of changed fields', async () => {
    const res = await browser.post('/account', { name: 'Nieuwe Naam', locale: 'nl', phone: '06 1234 5678', address: '' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account?melding=opgeslagen');
    const page = await browser.get('/account?melding=opgeslagen');
    assert.match(page.body, /Uw gegevens zijn opgeslagen/);
    assert.match(page.body, /value="Nieuwe Naam"/);
    const rows = await audit('update');
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]!.detail, { fields: ['name', 'phone'] });
    assert.doesNotMatch(JSON.stringify(rows[0]), /Nieuwe Naam|1234/);
  });

  it('refuses a bad profile with clear messages and changes nothing', async () => {
    const res = await browser.post('/account', { name: '', locale: 'fr', phone: 'bel me', address: '' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Vul dit veld in/);
    assert.match(res.body, /Kies Nederlands of Engels/);
    assert.match(res.body, /Vul een telefoonnummer in/);
    const user = await ctx.database.db.selectFrom('users').select(['name', 'locale']).where('id', '=', userId).executeTakeFirstOrThrow();
    assert.deepEqual(user, { name: 'Nieuwe Naam', locale: 'nl' });
  });

  it('switches this browser to the language chosen in the profile', async () => {
    await browser.get('/taal/nl?terug=/account');
    const res = await browser.post('/account', { name: 'Nieuwe Naam', locale: 'en', phone: '06 1234 5678', address: '' });
    assert.equal(res.statusCode, 303);
    const page = await browser.get('/account');
    assert.match(page.body, /<html lang="en"/);
    await browser.post('/account', { name: 'Nieuwe Naam', locale: 'nl', phone: '06 1234 5678', address: '' });
    assert.match((await browser.get('/account')).body, /<html lang="nl"/);
  });

  it('downloads all data about the user as a JSON attachment, with an export audit', async () => {
    const res = await browser.get('/account/mijn-gegevens.json');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /application\/json/);
    assert.match(res.headers['content-disposition'] as string, /attachment; filename="mijn-gegevens.json"/);
    const data = res.json();
    assert.equal(data.profile.email, 'mijn@example.nl');
    assert.equal(data.memberships[0].tenantName, 'Krimpen aan den IJssel');
    assert.equal(data.memberships[0].organisationName, 'Buurthuis De Brug');
    assert.ok(data.auditLog.some((e: { action: string }) => e.action === 'update'));
    assert.equal((await audit('export')).length, 1);
  });

  it('deletes the account only after typing the right e-mail address', async () => {
    const page = await browser.get('/account/verwijderen');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Typ uw e-mailadres om te bevestigen/);
    const wrong = await browser.post('/account/verwijderen', { confirmEmail: 'iemand@example.nl' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /Dit is niet het e-mailadres van uw account/);
    const noCsrf = await browser.post('/account/verwijderen', { _csrf: '', confirmEmail: 'mijn@example.nl' });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(
      (await ctx.database.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email,
      'mijn@example.nl',
    );

    const ok = await browser.post('/account/verwijderen', { confirmEmail: ' MIJN@example.nl ' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/account/verwijderd');
    assert.equal(browser.cookies.get(SESSION_COOKIE), undefined);
    const done = await browser.get('/account/verwijderd');
    assert.match(done.body, /Uw account is verwijderd/);
    const user = await ctx.database.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    assert.equal(user.email, null);
    assert.equal(user.name, 'Verwijderde gebruiker');
    assert.equal(user.phone, null);
    assert.ok(user.deleted_at);
    assert.equal((await audit('delete')).length, 1);
    assert.equal((await browser.get('/account')).statusCode, 401);
  });

  it('does not delete demo accounts', async () => {
    const demo = new TestBrowser(ctx.app);
    const id = await signInAs(ctx, demo, { tenantId: A.id, role: 'resident' });
    await ctx.database.db.updateTable('users').set({ is_demo: true }).where('id', '=', id).execute();
    const page = await demo.get('/account/verwijderen');
    assert.match(page.body, /Een demo-account kunt u niet verwijderen/);
    await demo.get('/account');
    const res = await demo.post('/account/verwijderen', { confirmEmail: 'x@example.nl' });
    assert.equal(res.statusCode, 403);
  });
});
