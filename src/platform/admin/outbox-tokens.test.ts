import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { ensureTenant, signInAs } from '../../../test/helpers/people.ts';

const A = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };

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
    const mail = await ctx.database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'bewoner@example.nl').executeTakeFirstOrThrow();
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
    const rows = await ctx.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'view').where('entity', '=', 'mail_list').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.actor_user_id, adminId);
    assert.equal(rows[0]!.tenant_id, A.id);
  });
});
