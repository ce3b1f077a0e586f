import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp, type TestContext } from '../../../test/helpers/app.ts';
import { ensureTenant, signInAs } from '../../../test/helpers/people.ts';
import { addMembership, createOrganisation, createUser } from '../../modules/people/people.service.ts';

const A = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };
const KRIMPEN = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
const GRONINGEN = A;
const LINK = { signin: 'aanmelden/link', reset: 'wachtwoord-herstellen', invite: 'uitnodiging' } as const;

/** The live token of the newest mail with this kind of link to an address, as the addressee's own mailbox holds it. */
async function tokenIn(ctx: TestContext, to: string, kind: keyof typeof LINK): Promise<{ mailId: string; token: string }> {
  const mails = await ctx.database.db
    .selectFrom('mail_outbox')
    .select(['id', 'text_body'])
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const m of mails) {
    const token = new RegExp(`/${LINK[kind]}/([A-Za-z0-9_-]{20,})`).exec(m.text_body)?.[1];
    if (token) return { mailId: m.id, token };
  }
  throw new Error(`no ${kind} mail to ${to}`);
}

/** A person with a password and these roles, created in this order (the first is their "first membership"). */
async function person(
  ctx: TestContext,
  email: string,
  roles: { tenantId: string; role: 'resident' | 'coordinator' | 'admin' | 'volunteer' }[],
): Promise<string> {
  const { id } = await createUser(ctx.database.db, { email, name: 'Pim Tweemaal', password: 'oud-wachtwoord-van-pim' });
  for (const r of roles) await addMembership(ctx.database.db, { tenantId: r.tenantId, userId: id, role: r.role });
  return id;
}

/**
 * With SMTP the outbox is only a record of what was sent: an administrator must not be able to
 * read someone's sign-in or reset link there and take over that account.
 */
describe('outbox with SMTP delivery', () => {
  const ctx = useTestApp({ smtpUrl: 'smtp://localhost:2525' });
  let admin: TestBrowser;

  before(async () => {
    await ensureTenant(ctx.database.db, A);
    admin = new TestBrowser(ctx.app);
    await signInAs(ctx, admin, { tenantId: A.id, role: 'admin' });
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: A.id, role: 'resident', email: 'bewoner@example.nl' });
  });

  it('hides the token of a reset link from administrators', async () => {
    const anon = new TestBrowser(ctx.app);
    await anon.get('/wachtwoord-vergeten');
    assert.equal((await anon.post('/wachtwoord-vergeten', { email: 'bewoner@example.nl' })).statusCode, 200);
    const mail = await ctx.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'bewoner@example.nl')
      .executeTakeFirstOrThrow();
    const token = /wachtwoord-herstellen\/([A-Za-z0-9_-]{43})/.exec(mail.text_body)![1]!;
    const res = await admin.get(`/${A.slug}/beheer/mail/${mail.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /wachtwoord-herstellen\//);
    assert.ok(!res.body.includes(token), 'the token is shown');
  });
});

describe('outbox list', () => {
  const ctx = useTestApp();

  it('records in the audit log that an administrator viewed the addresses in the outbox', async () => {
    await ensureTenant(ctx.database.db, A);
    const admin = new TestBrowser(ctx.app);
    const adminId = await signInAs(ctx, admin, { tenantId: A.id, role: 'admin' });
    const res = await admin.get(`/${A.slug}/beheer/mail`);
    assert.equal(res.statusCode, 200);
    const rows = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'view')
      .where('entity', '=', 'mail_list')
      .execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.actor_user_id, adminId);
    assert.equal(rows[0]!.tenant_id, A.id);
  });
});

/**
 * Security review, issue 11 finding 1: without SMTP_URL, Krimpen's administrator read the reset
 * link of a person who is a resident in Krimpen (their first membership, so the mail is kept in
 * Krimpen's outbox) and coordinator in Groningen, set a new password and a second factor, and
 * opened Groningen's list of sensitive signals. This runs in demo mode, the most open setting.
 */
describe('outbox: no takeover of someone with a role in another municipality (issue 11, finding 1)', () => {
  const ctx = useTestApp({ seed: 'demo' });
  const PIM = 'pim.tweemaal@example.nl';
  let adminK: TestBrowser;
  let adminG: TestBrowser;
  let pimId: string;

  before(async () => {
    await ensureTenant(ctx.database.db, KRIMPEN);
    await ensureTenant(ctx.database.db, GRONINGEN);
    adminK = new TestBrowser(ctx.app);
    await signInAs(ctx, adminK, { tenantId: KRIMPEN.id, role: 'admin' });
    adminG = new TestBrowser(ctx.app);
    await signInAs(ctx, adminG, { tenantId: GRONINGEN.id, role: 'admin' });
    pimId = await person(ctx, PIM, [
      { tenantId: KRIMPEN.id, role: 'resident' },
      { tenantId: GRONINGEN.id, role: 'coordinator' },
    ]);
  });

  /** Every outbox page either administrator can open for mails to Pim; none may hold the live token. */
  async function adminViews(token: string): Promise<string[]> {
    const mails = await ctx.database.db.selectFrom('mail_outbox').select('id').where('to_address', '=', PIM).execute();
    assert.ok(mails.length > 0, 'a mail to Pim was queued');
    const seen: string[] = [];
    for (const [admin, t] of [
      [adminK, KRIMPEN],
      [adminG, GRONINGEN],
    ] as const) {
      const list = await admin.get(`/${t.slug}/beheer/mail`);
      assert.equal(list.statusCode, 200);
      for (const m of mails) {
        const res = await admin.get(`/${t.slug}/beheer/mail/${m.id}`);
        assert.ok(res.statusCode === 200 || res.statusCode === 404, `${t.slug}: ${res.statusCode}`);
        assert.ok(!res.body.includes(token), `the administrator of ${t.slug} can read Pim's live link`);
        if (res.statusCode === 200) seen.push(res.body);
      }
    }
    return seen;
  }

  it("Krimpen's administrator cannot read the reset link of Groningen's coordinator and take over the account", async () => {
    const anon = new TestBrowser(ctx.app);
    await anon.get('/wachtwoord-vergeten');
    assert.equal((await anon.post('/wachtwoord-vergeten', { email: PIM })).statusCode, 200);
    const { token } = await tokenIn(ctx, PIM, 'reset');
    const bodies = await adminViews(token);
    assert.ok(bodies.length > 0, "the mail is in an outbox an administrator reads (Krimpen's: Pim's first membership)");
    for (const body of bodies) assert.match(body, /wachtwoord-herstellen\/…/);
    assert.match(bodies[0]!, /Die link is alleen voor de ontvanger/);

    // The attacker tries whatever the page shows as the reset link.
    const attacker = new TestBrowser(ctx.app);
    const shown = /wachtwoord-herstellen\/([A-Za-z0-9_-]+)/.exec(bodies.join(' '))?.[1] ?? 'verborgen';
    await attacker.get('/wachtwoord-vergeten');
    const reset = await attacker.post(`/wachtwoord-herstellen/${shown}`, {
      password: 'overgenomen-door-krimpen',
      password2: 'overgenomen-door-krimpen',
    });
    assert.equal(reset.statusCode, 400, reset.body.slice(0, 2000));
    assert.equal((await attacker.get(`/${GRONINGEN.slug}/meldingen/behandelen`)).statusCode, 401);
    const pim = await ctx.database.db
      .selectFrom('users')
      .select(['password_hash', 'totp_secret'])
      .where('id', '=', pimId)
      .executeTakeFirstOrThrow();
    assert.equal(pim.totp_secret, null);
    assert.equal(
      (await ctx.database.db.selectFrom('sessions').select('id').where('user_id', '=', pimId).execute()).length,
      0,
      'nobody is signed in as Pim',
    );

    // The link itself still works for Pim, who has it in their own mailbox.
    const own = new TestBrowser(ctx.app);
    assert.equal((await own.get(`/wachtwoord-herstellen/${token}`)).statusCode, 200);
  });

  it('nor a sign-in link, nor an invitation link sent to that person', async () => {
    const anon = new TestBrowser(ctx.app);
    await anon.get('/aanmelden/link');
    assert.equal((await anon.post('/aanmelden/link', { email: PIM })).statusCode, 200);
    const signin = await tokenIn(ctx, PIM, 'signin');
    for (const body of await adminViews(signin.token)) assert.doesNotMatch(body, /aanmelden\/link\/[A-Za-z0-9_-]/);

    const org = await createOrganisation(ctx.database.db, { tenantId: KRIMPEN.id, name: 'Welzijn Krimpen', kind: 'welzijn' });
    await adminK.get(`/${KRIMPEN.slug}/beheer/organisaties/${org.id}`);
    const invited = await adminK.post(`/${KRIMPEN.slug}/beheer/organisaties/${org.id}/uitnodigen`, {
      email: PIM,
      name: 'Pim',
      role: 'coordinator',
    });
    assert.equal(invited.statusCode, 303);
    const invite = await tokenIn(ctx, PIM, 'invite');
    const res = await adminK.get(`/${KRIMPEN.slug}/beheer/mail/${invite.mailId}`);
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes(invite.token), 'the invitation link is shown');
    assert.match(res.body, /uitnodiging\/…/);
  });
});

/**
 * Demo mode (SEED=demo, no SMTP_URL) keeps the demo usable: an administrator reads the links of
 * people within their reach (every role a non-admin role in this municipality, or no account yet),
 * judged when the mail is opened. Outside demo mode no administrator sees a live link.
 */
describe('outbox in demo mode: links only of people within reach', () => {
  const ctx = useTestApp({ seed: 'demo' });
  let adminK: TestBrowser;

  before(async () => {
    await ensureTenant(ctx.database.db, KRIMPEN);
    await ensureTenant(ctx.database.db, GRONINGEN);
    adminK = new TestBrowser(ctx.app);
    await signInAs(ctx, adminK, { tenantId: KRIMPEN.id, role: 'admin' });
  });

  async function requestSigninLink(email: string) {
    const anon = new TestBrowser(ctx.app);
    await anon.get('/aanmelden/link');
    assert.equal((await anon.post('/aanmelden/link', { email })).statusCode, 200);
    return tokenIn(ctx, email, 'signin');
  }

  it("shows a Krimpen resident's sign-in link, and hides it once that person has a role in Groningen too", async () => {
    const email = 'alleen.krimpen@example.nl';
    const userId = await person(ctx, email, [{ tenantId: KRIMPEN.id, role: 'resident' }]);
    const { mailId, token } = await requestSigninLink(email);
    const shown = await adminK.get(`/${KRIMPEN.slug}/beheer/mail/${mailId}`);
    assert.equal(shown.statusCode, 200);
    assert.ok(shown.body.includes(token), 'the demo shows the link of a resident of this municipality');
    assert.doesNotMatch(shown.body, /Die link is alleen voor de ontvanger/);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('entity', '=', 'mail')
      .where('entity_id', '=', mailId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(audit.detail, { credentialLinkShown: true });

    await addMembership(ctx.database.db, { tenantId: GRONINGEN.id, userId, role: 'volunteer' });
    const hidden = await adminK.get(`/${KRIMPEN.slug}/beheer/mail/${mailId}`);
    assert.equal(hidden.statusCode, 200);
    assert.ok(!hidden.body.includes(token), 'the link of someone with a role in Groningen is shown');
  });

  it("hides another administrator's link", async () => {
    const email = 'tweede.beheerder@example.nl';
    await person(ctx, email, [{ tenantId: KRIMPEN.id, role: 'admin' }]);
    const { mailId, token } = await requestSigninLink(email);
    const res = await adminK.get(`/${KRIMPEN.slug}/beheer/mail/${mailId}`);
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes(token));
  });

  it('shows the invitation link for a new address', async () => {
    const org = await createOrganisation(ctx.database.db, { tenantId: KRIMPEN.id, name: 'Stichting Nieuw', kind: 'welzijn' });
    await adminK.get(`/${KRIMPEN.slug}/beheer/organisaties/${org.id}`);
    const email = 'nog.geen.account@example.nl';
    assert.equal(
      (await adminK.post(`/${KRIMPEN.slug}/beheer/organisaties/${org.id}/uitnodigen`, { email, name: 'Nieuw', role: 'professional' }))
        .statusCode,
      303,
    );
    const { mailId, token } = await tokenIn(ctx, email, 'invite');
    assert.ok((await adminK.get(`/${KRIMPEN.slug}/beheer/mail/${mailId}`)).body.includes(token));
  });
});

describe('outbox without SMTP outside demo mode', () => {
  const ctx = useTestApp();

  it("hides even a Krimpen resident's sign-in link from Krimpen's administrator", async () => {
    await ensureTenant(ctx.database.db, KRIMPEN);
    const adminK = new TestBrowser(ctx.app);
    await signInAs(ctx, adminK, { tenantId: KRIMPEN.id, role: 'admin' });
    const email = 'bewoner.krimpen@example.nl';
    await person(ctx, email, [{ tenantId: KRIMPEN.id, role: 'resident' }]);
    const anon = new TestBrowser(ctx.app);
    await anon.get('/aanmelden/link');
    assert.equal((await anon.post('/aanmelden/link', { email })).statusCode, 200);
    const { mailId, token } = await tokenIn(ctx, email, 'signin');
    const res = await adminK.get(`/${KRIMPEN.slug}/beheer/mail/${mailId}`);
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes(token));
    assert.match(res.body, /aanmelden\/link\/…/);
  });
});
