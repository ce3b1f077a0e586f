import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { ensureTenant, signInAs } from '../../../test/helpers/people.ts';
import { queueMail } from '../mail/mail.service.ts';
import { amsterdamStartOfDay } from './audit-query.ts';

const A = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };
const B = { id: 'GM0363', slug: 'amsterdam', name: 'Amsterdam' };
const OTHER_USER = '3f2a9c1e-0b4d-4e5f-8a6b-7c8d9e0f1a2b';

describe('admin pages: outbox and audit log', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  let admin: TestBrowser;
  let adminId: string;
  let mailA: string;
  let mailB: string;

  before(async () => {
    await ensureTenant(db(), A);
    await ensureTenant(db(), B);
    admin = new TestBrowser(ctx.app);
    adminId = await signInAs(ctx, admin, { tenantId: A.id, role: 'admin' });
    mailA = await queueMail(db(), {
      to: 'bewoner@example.org',
      subject: 'Uw inloglink voor Groningen',
      text: 'Log in met deze link: http://localhost:3000/aanmelden/link?token=abc123',
      locale: 'nl',
      tenantId: A.id,
      now: ctx.clock.now(),
    });
    mailB = await queueMail(db(), {
      to: 'iemand@example.org',
      subject: 'Geheim van Amsterdam',
      text: 'Alleen voor Amsterdam',
      locale: 'nl',
      tenantId: B.id,
      now: ctx.clock.now(),
    });
    const at = (iso: string) => new Date(iso);
    await db()
      .insertInto('audit_log')
      .values([
        {
          tenant_id: A.id,
          actor_user_id: OTHER_USER,
          action: 'signin',
          entity: 'user',
          entity_id: OTHER_USER,
          ip: '192.168.1.0/24',
          at: at('2026-11-20T09:00:00Z'),
        },
        // 00:30 on 23 November in Amsterdam, still the 22nd in UTC.
        {
          tenant_id: A.id,
          actor_user_id: OTHER_USER,
          action: 'update',
          entity: 'membership',
          entity_id: 'm-42',
          ip: null,
          at: at('2026-11-22T23:30:00Z'),
        },
        {
          tenant_id: A.id,
          actor_user_id: null,
          action: 'delete',
          entity: 'signal',
          entity_id: 's-7',
          ip: null,
          at: at('2026-11-23T08:00:00Z'),
        },
        {
          tenant_id: B.id,
          actor_user_id: OTHER_USER,
          action: 'signin',
          entity: 'user',
          entity_id: 'b-only-record',
          ip: null,
          at: at('2026-11-21T09:00:00Z'),
        },
      ])
      .execute();
  });

  it('sends anonymous visitors to sign in and keeps residents out', async () => {
    const anon = await new TestBrowser(ctx.app).get('/groningen/beheer/mail');
    assert.equal(anon.statusCode, 401);
    assert.match(anon.body, /href="\/aanmelden\?terug=/);
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: A.id, role: 'resident' });
    assert.equal((await resident.get('/groningen/beheer/mail')).statusCode, 403);
    assert.equal((await resident.get('/groningen/beheer/audit')).statusCode, 403);
    assert.equal((await resident.get(`/groningen/beheer/mail/${mailA}`)).statusCode, 403);
  });

  it('asks an administrator for the second factor first', async () => {
    const noMfa = new TestBrowser(ctx.app);
    await signInAs(ctx, noMfa, { tenantId: A.id, role: 'admin', mfa: false });
    const res = await noMfa.get('/groningen/beheer/mail');
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /tweestaps/);
  });

  it('keeps an administrator of one municipality out of another', async () => {
    assert.equal((await admin.get('/amsterdam/beheer/mail')).statusCode, 403);
    assert.equal((await admin.get('/amsterdam/beheer/audit')).statusCode, 403);
  });

  it('lists only the outbox of the own municipality, with navigation for admins', async () => {
    const res = await admin.get('/groningen/beheer/mail');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Uw inloglink voor Groningen/);
    assert.match(res.body, /bewoner@example\.org/);
    assert.doesNotMatch(res.body, /Geheim van Amsterdam/);
    assert.match(res.body, /href="\/groningen\/beheer\/mail"[^>]*>Uitgaande mail</);
    assert.match(res.body, /href="\/groningen\/beheer\/audit"[^>]*>Logboek</);
  });

  it('shows one mail with its links as plain text and records the view in the audit log', async () => {
    const res = await admin.get(`/groningen/beheer/mail/${mailA}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /aanmelden\/link\?token=abc123/);
    assert.doesNotMatch(res.body, /href="http:\/\/localhost:3000\/aanmelden/);
    const audit = await db().selectFrom('audit_log').selectAll().where('entity', '=', 'mail').where('entity_id', '=', mailA).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'view');
    assert.equal(audit[0]!.actor_user_id, adminId);
    assert.equal(audit[0]!.tenant_id, A.id);
  });

  it('answers 404 for a mail of another municipality or a malformed id', async () => {
    const other = await admin.get(`/groningen/beheer/mail/${mailB}`);
    assert.equal(other.statusCode, 404);
    assert.doesNotMatch(other.body, /Geheim van Amsterdam/);
    assert.equal((await admin.get('/groningen/beheer/mail/niet-een-id')).statusCode, 404);
    assert.equal((await admin.get('/groningen/beheer/mail?pagina=nul')).statusCode, 400);
  });

  it('pages the outbox by 50, newest first', async () => {
    const rows = Array.from({ length: 55 }, (_, i) => ({
      tenant_id: A.id,
      to_address: `bulk${i}@example.org`,
      subject: `Bulkmail nummer ${i}`,
      text_body: 'x',
      locale: 'nl',
      status: 'kept',
      created_at: new Date(Date.UTC(2026, 10, 1, 0, i)),
    }));
    await db().insertInto('mail_outbox').values(rows).execute();
    const first = await admin.get('/groningen/beheer/mail');
    assert.equal((first.body.match(/<tr>/g) ?? []).length, 51); // header + 50
    assert.match(first.body, /href="\/groningen\/beheer\/mail\?pagina=2"/);
    assert.ok(first.body.indexOf('Uw inloglink') < first.body.indexOf('Bulkmail nummer 54'));
    const second = await admin.get('/groningen/beheer/mail?pagina=2');
    assert.equal((second.body.match(/<tr>/g) ?? []).length, 7); // header + 6
    assert.match(second.body, /Bulkmail nummer 0</);
  });

  it('searches the audit log of the own municipality by action, kind, record and user', async () => {
    const all = await admin.get('/groningen/beheer/audit');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /m-42/);
    assert.doesNotMatch(all.body, /b-only-record/);
    assert.match(all.body, /192\.168\.1\.0\/24/);
    assert.match(all.body, new RegExp(`href="/groningen/beheer/audit\\?gebruiker-id=${OTHER_USER}"`));

    const signins = await admin.get('/groningen/beheer/audit?actie=signin');
    assert.match(signins.body, /<td[^>]*>Ingelogd<\/td>/);
    assert.doesNotMatch(signins.body, /m-42|s-7/);

    const byKind = await admin.get('/groningen/beheer/audit?soort=signal');
    assert.match(byKind.body, /s-7/);
    assert.doesNotMatch(byKind.body, /m-42/);

    const byRecord = await admin.get('/groningen/beheer/audit?record-id=m-42');
    assert.match(byRecord.body, /<td[^>]*>Gewijzigd<\/td>/);
    assert.doesNotMatch(byRecord.body, /s-7/);

    const byUser = await admin.get(`/groningen/beheer/audit?gebruiker-id=${OTHER_USER.toUpperCase()}&soort=&actie=`);
    assert.equal(byUser.statusCode, 200);
    assert.match(byUser.body, /m-42/);
    assert.doesNotMatch(byUser.body, /s-7/);
  });

  it('shows names and labels instead of ids and codes, and offers selects and date pickers as filters', async () => {
    await db()
      .insertInto('audit_log')
      .values({ tenant_id: A.id, actor_user_id: adminId, action: 'export', entity: 'help_match_contacts', entity_id: 'x-1', ip: null })
      .execute();
    const page = await admin.get('/groningen/beheer/audit?record-id=x-1');
    assert.equal(page.statusCode, 200);
    const row = /<tbody>[\s\S]*<\/tbody>/.exec(page.body)?.[0] ?? '';
    assert.match(row, /<td[^>]*>Gegevens gedownload<\/td><td[^>]*>Contactgegevens van een koppeling<\/td>/);
    assert.match(row, new RegExp(`href="/groningen/beheer/audit\\?gebruiker-id=${adminId}"[^>]*>Test admin`));
    assert.doesNotMatch(row, new RegExp(`>${adminId}<`), 'no id as the visible name');
    // An account that does not exist (any more) is named as such, not by its id.
    const gone = await admin.get('/groningen/beheer/audit?record-id=m-42');
    assert.match(gone.body, />verwijderde gebruiker</);
    assert.doesNotMatch(gone.body, new RegExp(`>${OTHER_USER}<`));
    // The filters: selects in Dutch words (still sending the codes), the people by name, and date pickers.
    assert.match(page.body, /<select[^>]*name="actie"[\s\S]*?<option value="signin">Ingelogd<\/option>/);
    assert.match(page.body, /<select[^>]*name="soort"[\s\S]*?<option value="signal">Melding<\/option>/);
    assert.match(page.body, new RegExp(`<select[^>]*name="gebruiker-id"[\\s\\S]*?<option value="${adminId}">Test admin`));
    assert.match(page.body, /<input[^>]*name="van"[^>]*type="date"|<input[^>]*type="date"[^>]*name="van"/);
    assert.match(page.body, /<input[^>]*name="tot"[^>]*type="date"|<input[^>]*type="date"[^>]*name="tot"/);
    const english = new TestBrowser(ctx.app);
    await signInAs(ctx, english, { tenantId: A.id, role: 'admin' });
    english.cookies.set('lang', 'en');
    const en = await english.get('/groningen/beheer/audit?record-id=x-1');
    assert.match(en.body, /<td[^>]*>Data downloaded<\/td><td[^>]*>Contact details of a match<\/td>/);
  });

  it('filters by day in Amsterdam time and shows Amsterdam times', async () => {
    const day = await admin.get('/groningen/beheer/audit?van=2026-11-23&tot=2026-11-23&soort=membership');
    assert.match(day.body, /m-42/);
    assert.match(day.body, /23 nov 2026.{1,4}00:30/);
    const before = await admin.get('/groningen/beheer/audit?tot=2026-11-22');
    assert.match(before.body, /<td[^>]*>Ingelogd<\/td>/);
    assert.doesNotMatch(before.body, /m-42|s-7/);
    assert.equal(amsterdamStartOfDay('2026-11-23').toISOString(), '2026-11-22T23:00:00.000Z');
    assert.equal(amsterdamStartOfDay('2026-07-01').toISOString(), '2026-06-30T22:00:00.000Z');
  });

  it('answers 400 with a clear message for a bad date, a reversed period or a bad user id', async () => {
    const bad = await admin.get('/groningen/beheer/audit?van=2026-02-30');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /error-summary/);
    assert.match(bad.body, /Deze datum klopt niet/);
    assert.match(bad.body, /href="#veld-van"/);
    assert.match(bad.body, /value="2026-02-30"/);

    const words = await admin.get('/groningen/beheer/audit?tot=gisteren');
    assert.equal(words.statusCode, 400);
    assert.match(words.body, /href="#veld-tot"/);

    const reversed = await admin.get('/groningen/beheer/audit?van=2026-11-23&tot=2026-11-01');
    assert.equal(reversed.statusCode, 400);
    assert.match(reversed.body, /moet op of na de datum/);

    const user = await admin.get('/groningen/beheer/audit?gebruiker-id=jan');
    assert.equal(user.statusCode, 400);
    assert.match(user.body, /nummer van een gebruiker klopt niet/);
  });
});
