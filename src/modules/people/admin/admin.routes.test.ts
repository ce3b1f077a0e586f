import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { buildTenant, KRIMPEN as A } from '../../../../test/helpers/factories.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { createOrganisation, listMembers } from '../people.service.ts';

describe('people admin pages', () => {
  const ctx = useTestApp();
  let admin: TestBrowser;
  let adminId: string;
  let orgId: string;

  before(async () => {
    await buildTenant(ctx.database.db, A);
    orgId = (await createOrganisation(ctx.database.db, { tenantId: A.id, name: 'Welzijn Krimpen', kind: 'welzijn' })).id;
    admin = new TestBrowser(ctx.app);
    adminId = await signInAs(ctx, admin, { tenantId: A.id, role: 'admin', name: 'Anna Admin' });
  });

  async function auditRows(action: string, entity: string) {
    return ctx.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity', '=', entity).execute();
  }

  it('declares a policy on every route', () => {
    assert.deepEqual(ctx.app.routesWithoutPolicy, []);
  });

  it('lists organisations with kind and member count, and shows the admin nav items', async () => {
    const res = await admin.get(`/${A.slug}/beheer/organisaties`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="utrecht-heading-1">Organisaties<\/h1>/);
    assert.match(res.body, /Welzijn Krimpen/);
    assert.match(res.body, /<td>Welzijn<\/td>/);
    assert.match(
      res.body,
      new RegExp(`<summary[^>]*>Beheer</summary><ul class="site-nav__sublist">.*href="/${A.slug}/beheer/gebruikers"[^>]*>Gebruikers<`),
    );
    assert.match(res.body, /<option value="woningcorporatie"[^>]*>Woningcorporatie<\/option>/);
  });

  it('creates an organisation with an audit entry', async () => {
    const res = await admin.post(`/${A.slug}/beheer/organisaties`, { name: 'Sportclub De Hoek', kind: 'vereniging' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/${A.slug}/beheer/organisaties?melding=organisatie-toegevoegd`);
    const page = await admin.get(res.headers.location as string);
    assert.match(page.body, /De organisatie is toegevoegd/);
    assert.match(page.body, /Sportclub De Hoek/);
    const audit = await auditRows('create', 'organisation');
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_user_id, adminId);
    assert.equal(audit[0]!.tenant_id, A.id);
  });

  it('refuses an empty name, an unknown kind and a duplicate name with clear messages', async () => {
    const empty = await admin.post(`/${A.slug}/beheer/organisaties`, { name: '  ', kind: 'kerk' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Vul dit veld in/);
    const kind = await admin.post(`/${A.slug}/beheer/organisaties`, { name: 'Bank', kind: 'bank' });
    assert.equal(kind.statusCode, 422);
    assert.match(kind.body, /Kies een soort organisatie uit de lijst/);
    const dup = await admin.post(`/${A.slug}/beheer/organisaties`, { name: 'welzijn krimpen', kind: 'welzijn' });
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /Er is al een organisatie met deze naam/);
    assert.match(dup.body, /value="welzijn krimpen"/);
  });

  it('refuses a POST without CSRF token', async () => {
    const res = await admin.post(`/${A.slug}/beheer/organisaties`, { _csrf: '', name: 'Zonder token', kind: 'overig' });
    assert.equal(res.statusCode, 403);
    const orgs = await ctx.database.db.selectFrom('organisations').select('id').where('name', '=', 'Zonder token').execute();
    assert.equal(orgs.length, 0);
  });

  it('lets a coordinator see organisations but not create one', async () => {
    const coord = new TestBrowser(ctx.app);
    await signInAs(ctx, coord, { tenantId: A.id, role: 'coordinator' });
    const page = await coord.get(`/${A.slug}/beheer/organisaties`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Organisatie toevoegen/);
    const post = await coord.post(`/${A.slug}/beheer/organisaties`, { name: 'Van coördinator', kind: 'overig' });
    assert.equal(post.statusCode, 403);
    assert.match(post.body, /U mag deze pagina niet bekijken/);
    const users = await coord.get(`/${A.slug}/beheer/gebruikers`);
    assert.equal(users.statusCode, 403);
  });

  it('invites a professional: token stored hashed, mail queued with the link, audit written', async () => {
    const res = await admin.post(`/${A.slug}/beheer/organisaties/${orgId}/uitnodigen`, {
      email: 'Sara@Example.nl',
      name: 'Sara',
      role: 'professional',
    });
    assert.equal(res.statusCode, 303);
    const page = await admin.get(res.headers.location as string);
    assert.match(page.body, /De uitnodiging is verstuurd/);
    const token = await ctx.database.db
      .selectFrom('auth_tokens')
      .selectAll()
      .where('email', '=', 'sara@example.nl')
      .executeTakeFirstOrThrow();
    assert.equal(token.kind, 'invite');
    assert.equal(token.tenant_id, A.id);
    assert.deepEqual(token.data, { organisationId: orgId, role: 'professional', name: 'Sara' });
    assert.equal(token.expires_at.getTime() - ctx.clock.now().getTime(), 7 * 24 * 3600 * 1000);
    const mail = await ctx.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'sara@example.nl')
      .executeTakeFirstOrThrow();
    assert.equal(mail.tenant_id, A.id);
    assert.match(mail.subject, /Uitnodiging voor Samenhang in Krimpen aan den IJssel/);
    assert.match(mail.text_body, /http:\/\/localhost:3000\/uitnodiging\/[A-Za-z0-9_-]{43}/);
    assert.equal((await auditRows('invite', 'organisation')).length, 1);
  });

  it('refuses an invitation with a bad e-mail or role, and one for someone who is already a member', async () => {
    const url = `/${A.slug}/beheer/organisaties/${orgId}/uitnodigen`;
    const bad = await admin.post(url, { email: 'geen-adres', name: 'X', role: 'admin' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Vul een geldig e-mailadres in/);
    assert.match(bad.body, /Kies een rol uit de lijst/);
    const member = new TestBrowser(ctx.app);
    await signInAs(ctx, member, { tenantId: A.id, role: 'professional', organisationId: orgId, email: 'lid@example.nl' });
    const dup = await admin.post(url, { email: 'LID@example.nl', name: 'Lid', role: 'professional' });
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /Deze persoon heeft deze rol al bij deze organisatie/);
  });

  it('shows the members of the tenant with a view audit, adds a role and removes a membership', async () => {
    const page = await admin.get(`/${A.slug}/beheer/gebruikers`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Anna Admin/);
    assert.match(page.body, /lid@example.nl/);
    const views = await auditRows('view', 'user_list');
    assert.ok(views.length >= 1);
    assert.ok(typeof (views.at(-1)!.detail as { count: number }).count === 'number');

    const lid = (await listMembers(ctx.database.db, A.id)).find((m) => m.email === 'lid@example.nl')!;
    const add = await admin.post(`/${A.slug}/beheer/gebruikers`, { userId: lid.userId, role: 'coordinator', organisationId: '' });
    assert.equal(add.statusCode, 303);
    let roles = (await listMembers(ctx.database.db, A.id, { userId: lid.userId })).map((m) => m.role).sort();
    assert.deepEqual(roles, ['coordinator', 'professional']);
    assert.equal((await auditRows('create', 'membership')).length, 1);

    const bad = await admin.post(`/${A.slug}/beheer/gebruikers`, { userId: lid.userId, role: 'koning', organisationId: '' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Kies een rol uit de lijst/);
    const stranger = await admin.post(`/${A.slug}/beheer/gebruikers`, {
      userId: '00000000-0000-4000-8000-000000000000',
      role: 'admin',
      organisationId: '',
    });
    assert.equal(stranger.statusCode, 422);
    assert.match(stranger.body, /Deze persoon kennen we niet/);

    const coordinator = (await listMembers(ctx.database.db, A.id, { userId: lid.userId })).find((m) => m.role === 'coordinator')!;
    const del = await admin.post(`/${A.slug}/beheer/gebruikers/${coordinator.membershipId}/verwijderen`, {});
    assert.equal(del.statusCode, 303);
    roles = (await listMembers(ctx.database.db, A.id, { userId: lid.userId })).map((m) => m.role);
    assert.deepEqual(roles, ['professional']);
    assert.equal((await auditRows('delete', 'membership')).length, 1);
    const unknown = await admin.post(`/${A.slug}/beheer/gebruikers/not-a-uuid/verwijderen`, {});
    assert.equal(unknown.statusCode, 404);
  });

  it('answers 404 for an unknown or malformed organisation id', async () => {
    assert.equal((await admin.get(`/${A.slug}/beheer/organisaties/abc`)).statusCode, 404);
    assert.equal((await admin.get(`/${A.slug}/beheer/organisaties/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
    const post = await admin.post(`/${A.slug}/beheer/organisaties/abc/uitnodigen`, {
      email: 'a@example.nl',
      name: 'A',
      role: 'professional',
    });
    assert.equal(post.statusCode, 404);
  });

  it('will not remove the last administrator', async () => {
    const own = (await listMembers(ctx.database.db, A.id, { userId: adminId })).find((m) => m.role === 'admin')!;
    const res = await admin.post(`/${A.slug}/beheer/gebruikers/${own.membershipId}/verwijderen`, {});
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /laatste beheerder/);
  });

  it('asks staff for the second factor before showing the user list', async () => {
    const noMfa = new TestBrowser(ctx.app);
    await signInAs(ctx, noMfa, { tenantId: A.id, role: 'admin', mfa: false });
    const res = await noMfa.get(`/${A.slug}/beheer/gebruikers`);
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /tweede stap/);
  });

  it('speaks English when the visitor chose English', async () => {
    const en = new TestBrowser(ctx.app);
    await signInAs(ctx, en, { tenantId: A.id, role: 'coordinator' });
    await en.get('/taal/en');
    const res = await en.get(`/${A.slug}/beheer/organisaties`);
    assert.match(res.body, /<html lang="en"/);
    assert.match(res.body, /<td>Social welfare<\/td>/);
    assert.match(res.body, />Organisations</);
    const post = await en.post(`/${A.slug}/beheer/organisaties/${orgId}/uitnodigen`, { email: 'no', name: '', role: 'professional' });
    assert.equal(post.statusCode, 422);
    assert.match(post.body, /Enter a valid e-mail address/);
  });

  it('sends anonymous visitors to sign in', async () => {
    const res = await ctx.app.inject({ url: `/${A.slug}/beheer/organisaties`, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 401);
  });
});
