import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { buildTenant, KRIMPEN as A } from '../../../../test/helpers/factories.ts';
import { signInAs, signInUser } from '../../../../test/helpers/people.ts';
import { createOrganisation, createUser, listMembers } from '../people.service.ts';
import { inviteToOrganisation } from './invitation.service.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { SESSION_COOKIE } from '../auth/session.ts';

describe('accepting an invitation', () => {
  const ctx = useTestApp();
  let orgId: string;

  before(async () => {
    await buildTenant(ctx.database.db, A);
    orgId = (await createOrganisation(ctx.database.db, { tenantId: A.id, name: 'Zorg Krimpen', kind: 'zorgaanbieder' })).id;
  });

  async function invite(email: string, role: 'professional' | 'coordinator' = 'professional') {
    const { token } = await inviteToOrganisation(ctx.database.db, systemPrincipal(A.id, ctx.clock.now()), {
      tenant: A,
      organisationId: orgId,
      email,
      name: 'Uitgenodigde',
      role,
      locale: 'nl',
      now: ctx.clock.now(),
      baseUrl: ctx.app.config.baseUrl,
    });
    return token;
  }

  it('creates the account, adds the membership, signs in and sends the person to two-step setup', async () => {
    const token = await invite('nieuw@example.nl');
    const browser = new TestBrowser(ctx.app);
    const page = await browser.get(`/uitnodiging/${token}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /U bent uitgenodigd voor Zorg Krimpen als Professional/);
    assert.match(page.body, /nieuw@example.nl/);

    const differ = await browser.post(`/uitnodiging/${token}`, {
      name: 'Nieuw',
      password: 'een-lang-wachtwoord',
      password2: 'anders-wachtwoord',
    });
    assert.equal(differ.statusCode, 422);
    assert.match(differ.body, /De twee wachtwoorden zijn niet gelijk/);
    const short = await browser.post(`/uitnodiging/${token}`, { name: 'Nieuw', password: 'kort', password2: 'kort' });
    assert.equal(short.statusCode, 422);
    const noName = await browser.post(`/uitnodiging/${token}`, {
      name: '',
      password: 'een-lang-wachtwoord',
      password2: 'een-lang-wachtwoord',
    });
    assert.equal(noName.statusCode, 422);
    assert.match(noName.body, /Vul dit veld in/);
    assert.equal((await ctx.database.db.selectFrom('users').select('id').where('email', '=', 'nieuw@example.nl').execute()).length, 0);

    const ok = await browser.post(`/uitnodiging/${token}`, {
      name: 'Nieuw Lid',
      password: 'een-lang-wachtwoord',
      password2: 'een-lang-wachtwoord',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/account/tweestaps');
    assert.ok(browser.cookies.get(SESSION_COOKIE));
    const user = await ctx.database.db.selectFrom('users').selectAll().where('email', '=', 'nieuw@example.nl').executeTakeFirstOrThrow();
    assert.equal(user.name, 'Nieuw Lid');
    assert.ok(user.password_hash?.startsWith('$argon2id$'));
    const roles = await listMembers(ctx.database.db, A.id, { userId: user.id });
    assert.deepEqual(
      roles.map((m) => [m.role, m.organisationId]),
      [['professional', orgId]],
    );
    const account = await browser.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Nieuw Lid/);

    const again = await new TestBrowser(ctx.app).get(`/uitnodiging/${token}`);
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /Deze uitnodiging werkt niet \(meer\)/);
    const againPost = await browser.post(`/uitnodiging/${token}`, {
      name: 'X',
      password: 'een-lang-wachtwoord',
      password2: 'een-lang-wachtwoord',
    });
    assert.equal(againPost.statusCode, 400);
  });

  it('lets an existing, signed-in account accept with one button; others must sign in first', async () => {
    const { id } = await createUser(ctx.database.db, { email: 'bestaand@example.nl', name: 'Bestaand' });
    const token = await invite('bestaand@example.nl', 'coordinator');
    const anonymous = new TestBrowser(ctx.app);
    const page = await anonymous.get(`/uitnodiging/${token}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Log eerst in met dat account/);
    const refused = await anonymous.post(`/uitnodiging/${token}`, {});
    assert.equal(refused.statusCode, 403);

    const other = new TestBrowser(ctx.app);
    await signInAs(ctx, other, { tenantId: A.id, role: 'resident' });
    const otherPage = await other.get(`/uitnodiging/${token}`);
    assert.match(otherPage.body, /U bent ingelogd met een ander account/);
    assert.equal((await other.post(`/uitnodiging/${token}`, {})).statusCode, 403);

    const owner = new TestBrowser(ctx.app);
    await signInUser(ctx, owner, id, { mfa: false });
    const ownPage = await owner.get(`/uitnodiging/${token}`);
    assert.match(ownPage.body, /Uitnodiging aannemen/);
    assert.doesNotMatch(ownPage.body, /name="password"/);
    const ok = await owner.post(`/uitnodiging/${token}`, {});
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/account/tweestaps');
    const roles = await listMembers(ctx.database.db, A.id, { userId: id });
    assert.deepEqual(
      roles.map((m) => m.role),
      ['coordinator'],
    );
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'accept_invitation')
      .where('actor_user_id', '=', id)
      .execute();
    assert.equal(audit.length, 1);
  });

  it('answers 400 with a clear message for unknown and expired invitations', async () => {
    const unknown = await new TestBrowser(ctx.app).get('/uitnodiging/bestaat-niet-bestaat-niet-bestaat-niet-12345');
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Vraag om een nieuwe uitnodiging/);
    const weird = await new TestBrowser(ctx.app).get('/uitnodiging/%3Cscript%3E');
    assert.equal(weird.statusCode, 400);

    const token = await invite('laat@example.nl');
    const browser = new TestBrowser(ctx.app);
    assert.equal((await browser.get(`/uitnodiging/${token}`)).statusCode, 200);
    ctx.clock.advance(7 * 24 * 3600 * 1000 + 1000);
    try {
      const expired = await browser.get(`/uitnodiging/${token}`);
      assert.equal(expired.statusCode, 400);
      assert.match(expired.body, /verlopen/);
      const post = await browser.post(`/uitnodiging/${token}`, {
        name: 'Laat',
        password: 'een-lang-wachtwoord',
        password2: 'een-lang-wachtwoord',
      });
      assert.equal(post.statusCode, 400);
      assert.equal((await ctx.database.db.selectFrom('users').select('id').where('email', '=', 'laat@example.nl').execute()).length, 0);
    } finally {
      ctx.clock.advance(-(7 * 24 * 3600 * 1000 + 1000));
    }
  });
});
