/**
 * Tenant isolation matrix for the people module: an administrator of one municipality can see
 * and change nothing of another, not even by posting the other's ids to their own URLs.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { ensureTenant, signInAs } from '../../../test/helpers/people.ts';
import { createOrganisation, listMembers } from './people.service.ts';

const A = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
const B = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };
const FORBIDDEN = /U mag deze pagina niet bekijken of deze actie niet doen/;

describe('people: tenant isolation', () => {
  const ctx = useTestApp();
  const ids = {} as { orgX: string; orgY: string; orgB: string; adminA: string; adminB: string; profX: string; profY: string; membershipB: string };
  let adminA: TestBrowser;
  let adminB: TestBrowser;
  let profX: TestBrowser;
  let profY: TestBrowser;

  before(async () => {
    const db = ctx.database.db;
    await ensureTenant(db, A);
    await ensureTenant(db, B);
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
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { organisations: await n('organisations'), memberships: await n('memberships'), tokens: await n('auth_tokens'), mails: await n('mail_outbox') };
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
    const invite = await adminA.post(`/${A.slug}/beheer/organisaties/${ids.orgB}/uitnodigen`, { email: 'y@example.nl', name: 'Y', role: 'professional' });
    assert.equal(invite.statusCode, 404);
    const role = await adminA.post(`/${A.slug}/beheer/gebruikers`, { userId: ids.profX, role: 'professional', organisationId: ids.orgB });
    assert.equal(role.statusCode, 422);
    assert.match(role.body, /Deze organisatie hoort niet bij deze gemeente/);
    const otherUser = await adminA.post(`/${A.slug}/beheer/gebruikers`, { userId: ids.adminB, role: 'admin', organisationId: '' });
    assert.equal(otherUser.statusCode, 422);
    const remove = await adminA.post(`/${A.slug}/beheer/gebruikers/${ids.membershipB}/verwijderen`, {});
    assert.equal(remove.statusCode, 404);
    assert.deepEqual(await counts(), before);
    assert.deepEqual((await listMembers(ctx.database.db, B.id)).map((m) => m.email), ['admin-b@example.nl']);
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
      const invite = await browser.post(`/${A.slug}/beheer/organisaties/${ids.orgX}/uitnodigen`, { email: 'z@example.nl', name: 'Z', role: 'coordinator' });
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
