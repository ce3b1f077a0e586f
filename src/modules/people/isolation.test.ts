/**
 * Tenant isolation matrix for the people module: an administrator of one municipality can see
 * and change nothing of another, not even by posting the other's ids to their own URLs.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { buildTenant, GRONINGEN as B, KRIMPEN as A } from '../../../test/helpers/factories.ts';
import { signInAs } from '../../../test/helpers/people.ts';
import { addMembership, createOrganisation, createUser, listMembers } from './people.service.ts';

const FORBIDDEN = /U mag deze pagina niet bekijken of deze actie niet doen/;

describe('people: tenant isolation', () => {
  const ctx = useTestApp();
  const ids = {} as {
    orgX: string;
    orgY: string;
    orgB: string;
    adminA: string;
    adminB: string;
    profX: string;
    profY: string;
    membershipB: string;
  };
  let adminA: TestBrowser;
  let adminB: TestBrowser;
  let profX: TestBrowser;
  let profY: TestBrowser;

  before(async () => {
    const db = ctx.database.db;
    await buildTenant(db, A);
    await buildTenant(db, B);
    ids.orgX = (await createOrganisation(db, { tenantId: A.id, name: 'Organisatie X', kind: 'welzijn' })).id;
    ids.orgY = (await createOrganisation(db, { tenantId: A.id, name: 'Organisatie Y', kind: 'politie' })).id;
    ids.orgB = (await createOrganisation(db, { tenantId: B.id, name: 'Organisatie B', kind: 'kerk' })).id;
    adminA = new TestBrowser(ctx.app);
    adminB = new TestBrowser(ctx.app);
    profX = new TestBrowser(ctx.app);
    profY = new TestBrowser(ctx.app);
    ids.adminA = await signInAs(ctx, adminA, { tenantId: A.id, role: 'admin', email: 'admin-a@example.nl' });
    ids.adminB = await signInAs(ctx, adminB, { tenantId: B.id, role: 'admin', email: 'admin-b@example.nl' });
    ids.profX = await signInAs(ctx, profX, { tenantId: A.id, role: 'professional', organisationId: ids.orgX, email: 'prof-x@example.nl' });
    ids.profY = await signInAs(ctx, profY, { tenantId: A.id, role: 'professional', organisationId: ids.orgY, email: 'prof-y@example.nl' });
    ids.membershipB = (await listMembers(db, B.id, { userId: ids.adminB }))[0]!.membershipId;
    // Each browser needs a CSRF token from a page with a form.
    for (const b of [adminA, adminB, profX, profY]) assert.equal((await b.get('/account')).statusCode, 200);
  });

  async function counts() {
    const db = ctx.database.db;
    const n = async (table: 'organisations' | 'memberships' | 'auth_tokens' | 'mail_outbox') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      organisations: await n('organisations'),
      memberships: await n('memberships'),
      tokens: await n('auth_tokens'),
      mails: await n('mail_outbox'),
    };
  }

  it("admin A gets 403 on every page of B's administration", async () => {
    for (const path of [`/${B.slug}/beheer/organisaties`, `/${B.slug}/beheer/organisaties/${ids.orgB}`, `/${B.slug}/beheer/gebruikers`]) {
      const res = await adminA.get(path);
      assert.equal(res.statusCode, 403, path);
      assert.doesNotMatch(res.body, /admin-b@example.nl|Organisatie B/);
    }
  });

  it("admin A gets 403 on every POST to B's administration, and nothing is written", async () => {
    const before = await counts();
    const posts: [string, Record<string, string>][] = [
      [`/${B.slug}/beheer/organisaties`, { name: 'Indringer', kind: 'overig' }],
      [`/${B.slug}/beheer/organisaties/${ids.orgB}/uitnodigen`, { email: 'x@example.nl', name: 'X', role: 'professional' }],
      [`/${B.slug}/beheer/gebruikers`, { userId: ids.adminA, role: 'admin', organisationId: '' }],
      [`/${B.slug}/beheer/gebruikers/${ids.membershipB}/verwijderen`, {}],
    ];
    for (const [path, form] of posts) {
      const res = await adminA.post(path, form);
      assert.equal(res.statusCode, 403, path);
      assert.match(res.body, FORBIDDEN, 'refused by policy, not by the CSRF check');
    }
    assert.deepEqual(await counts(), before);
  });

  it("admin A cannot use B's organisation or membership ids under A's URLs", async () => {
    const before = await counts();
    const page = await adminA.get(`/${A.slug}/beheer/organisaties/${ids.orgB}`);
    assert.equal(page.statusCode, 404);
    assert.doesNotMatch(page.body, /Organisatie B/);
    const invite = await adminA.post(`/${A.slug}/beheer/organisaties/${ids.orgB}/uitnodigen`, {
      email: 'y@example.nl',
      name: 'Y',
      role: 'professional',
    });
    assert.equal(invite.statusCode, 404);
    const role = await adminA.post(`/${A.slug}/beheer/gebruikers`, { userId: ids.profX, role: 'professional', organisationId: ids.orgB });
    assert.equal(role.statusCode, 422);
    assert.match(role.body, /Deze organisatie hoort niet bij deze gemeente/);
    const otherUser = await adminA.post(`/${A.slug}/beheer/gebruikers`, { userId: ids.adminB, role: 'admin', organisationId: '' });
    assert.equal(otherUser.statusCode, 422);
    const remove = await adminA.post(`/${A.slug}/beheer/gebruikers/${ids.membershipB}/verwijderen`, {});
    assert.equal(remove.statusCode, 404);
    assert.deepEqual(await counts(), before);
    assert.deepEqual(
      (await listMembers(ctx.database.db, B.id)).map((m) => m.email),
      ['admin-b@example.nl'],
    );
  });

  it('shows each administrator only the people and organisations of their own municipality', async () => {
    const usersA = await adminA.get(`/${A.slug}/beheer/gebruikers`);
    assert.equal(usersA.statusCode, 200);
    assert.match(usersA.body, /prof-x@example.nl/);
    assert.doesNotMatch(usersA.body, /admin-b@example.nl/);
    assert.doesNotMatch(usersA.body, /Organisatie B/);
    const orgsB = await adminB.get(`/${B.slug}/beheer/organisaties`);
    assert.equal(orgsB.statusCode, 200);
    assert.match(orgsB.body, /Organisatie B/);
    assert.doesNotMatch(orgsB.body, /Organisatie X|Organisatie Y/);
    const orgPage = await adminA.get(`/${A.slug}/beheer/organisaties/${ids.orgX}`);
    assert.match(orgPage.body, /prof-x@example.nl/);
    assert.doesNotMatch(orgPage.body, /prof-y@example.nl/);
  });

  it('professionals cannot open or use the administration pages', async () => {
    const before = await counts();
    for (const browser of [profX, profY]) {
      for (const path of [`/${A.slug}/beheer/organisaties`, `/${A.slug}/beheer/organisaties/${ids.orgX}`, `/${A.slug}/beheer/gebruikers`]) {
        assert.equal((await browser.get(path)).statusCode, 403, path);
      }
      const invite = await browser.post(`/${A.slug}/beheer/organisaties/${ids.orgX}/uitnodigen`, {
        email: 'z@example.nl',
        name: 'Z',
        role: 'coordinator',
      });
      assert.equal(invite.statusCode, 403);
      assert.match(invite.body, FORBIDDEN);
      const selfPromote = await browser.post(`/${A.slug}/beheer/gebruikers`, { userId: ids.profX, role: 'admin', organisationId: '' });
      assert.equal(selfPromote.statusCode, 403);
      assert.match(selfPromote.body, FORBIDDEN);
    }
    assert.deepEqual(await counts(), before);
    const nav = await profX.get('/account');
    assert.doesNotMatch(nav.body, /beheer\//);
  });

  it('an unknown municipality is a 404, not a 403', async () => {
    const res = await adminA.get('/bestaat-niet/beheer/gebruikers');
    assert.equal(res.statusCode, 404);
  });
});

/**
 * The cross-tenant case (issue 11, finding 1): a person who is a resident in A (their first
 * membership, so their account mail is kept in A's outbox) and coordinator in B. A's administrator
 * governs the A role only: they can neither read that person's live sign-in or reset links (not
 * even in demo mode) nor change anything of theirs in B, and no administrator can change their
 * password, second factor or e-mail address.
 */
describe('people: a person with roles in two municipalities', () => {
  const ctx = useTestApp({ seed: 'demo' });
  const PERSON = 'twee.gemeenten@example.nl';
  const ids = {} as { orgB: string; person: string; membershipA: string; membershipB: string };
  let adminA: TestBrowser;
  let adminB: TestBrowser;

  before(async () => {
    const db = ctx.database.db;
    await buildTenant(db, A);
    await buildTenant(db, B);
    ids.orgB = (await createOrganisation(db, { tenantId: B.id, name: 'Organisatie B', kind: 'kerk' })).id;
    ids.person = (await createUser(db, { email: PERSON, name: 'Twee Gemeenten', password: 'wachtwoord-van-twee-gemeenten' })).id;
    ids.membershipA = (await addMembership(db, { tenantId: A.id, userId: ids.person, role: 'resident' })).id;
    ids.membershipB = (await addMembership(db, { tenantId: B.id, userId: ids.person, organisationId: ids.orgB, role: 'coordinator' })).id;
    adminA = new TestBrowser(ctx.app);
    adminB = new TestBrowser(ctx.app);
    await signInAs(ctx, adminA, { tenantId: A.id, role: 'admin', email: 'admin-a@example.nl' });
    await signInAs(ctx, adminB, { tenantId: B.id, role: 'admin', email: 'admin-b@example.nl' });
    for (const b of [adminA, adminB]) assert.equal((await b.get('/account')).statusCode, 200);
  });

  const account = () =>
    ctx.database.db
      .selectFrom('users')
      .select(['email', 'password_hash', 'totp_secret', 'totp_enabled_at'])
      .where('id', '=', ids.person)
      .executeTakeFirstOrThrow();
  const rolesInB = async () =>
    (await listMembers(ctx.database.db, B.id, { userId: ids.person })).map((m) => `${m.role}:${m.organisationId}`);

  it("admin A sees only the person's role in A and cannot touch the role in B", async () => {
    const before = { account: await account(), rolesInB: await rolesInB() };
    const users = await adminA.get(`/${A.slug}/beheer/gebruikers`);
    assert.equal(users.statusCode, 200);
    assert.match(users.body, /twee\.gemeenten@example\.nl/);
    assert.doesNotMatch(users.body, /Organisatie B/);
    assert.equal((await adminA.post(`/${A.slug}/beheer/gebruikers/${ids.membershipB}/verwijderen`, {})).statusCode, 404);
    assert.equal((await adminA.post(`/${B.slug}/beheer/gebruikers/${ids.membershipB}/verwijderen`, {})).statusCode, 403);
    assert.equal(
      (await adminA.post(`/${A.slug}/beheer/gebruikers`, { userId: ids.person, role: 'coordinator', organisationId: ids.orgB })).statusCode,
      422,
    );
    assert.deepEqual(await rolesInB(), before.rolesInB);
    assert.deepEqual(await account(), before.account);
  });

  for (const [kind, path, linkPath] of [
    ['reset', '/wachtwoord-vergeten', 'wachtwoord-herstellen'],
    ['sign-in', '/aanmelden/link', 'aanmelden/link'],
  ] as const) {
    it(`neither administrator can read the person's ${kind} link in an outbox, even in demo mode`, async () => {
      const anon = new TestBrowser(ctx.app);
      await anon.get(path);
      assert.equal((await anon.post(path, { email: PERSON })).statusCode, 200);
      const mail = await ctx.database.db
        .selectFrom('mail_outbox')
        .select(['id', 'tenant_id', 'text_body'])
        .where('to_address', '=', PERSON)
        .where('text_body', 'like', `%/${linkPath}/%`)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      const token = new RegExp(`/${linkPath}/([A-Za-z0-9_-]{43})`).exec(mail.text_body)![1]!;
      let opened = 0;
      for (const [admin, t] of [
        [adminA, A],
        [adminB, B],
      ] as const) {
        const res = await admin.get(`/${t.slug}/beheer/mail/${mail.id}`);
        assert.ok(res.statusCode === 200 || res.statusCode === 404, `${t.slug}: ${res.statusCode}`);
        if (res.statusCode === 200) opened += 1;
        assert.ok(!res.body.includes(token), `the administrator of ${t.slug} reads the live ${kind} link`);
      }
      assert.equal(opened, 1, 'the mail is in exactly one outbox');
    });
  }
});
