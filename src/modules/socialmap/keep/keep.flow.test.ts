/**
 * Keeping the social map fresh over time: the correction suggestion flow end to end, the reminder
 * job and staleness on a simulated clock, the retention of suggesters' addresses, the rate limit.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs, signInUser } from '../../../../test/helpers/people.ts';
import { getServiceDetail } from '../records/detail.service.ts';
import { freshnessJob, FRESHNESS_JOB, exportKeepUserData, forgetKeepUserData } from './keep.service.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { HHW, KRIMPEN, keepFixture, type KeepFixture } from './keep.test-support.ts';
import { testConfig } from '../../../platform/config.ts';
import { createUser } from '../../people/people.service.ts';

const DAY = 24 * 3600 * 1000;
/** The error summary of a page (short assertion messages). */
const errorsIn = (html: string) => /error-summary[\s\S]*?<\/ul>/.exec(html)?.[0] ?? html.slice(0, 200);
const keep = `/${KRIMPEN.slug}/sociale-kaart/beheer`;

describe('socialmap keep: suggestions, reminders and staleness', () => {
  const ctx = useTestApp();
  let f: KeepFixture;
  let provX: TestBrowser;
  let provY: TestBrowser;
  let anonymous: TestBrowser;
  let userX = '';

  before(async () => {
    f = await keepFixture(ctx.database.db, ctx.clock.now());
    provX = new TestBrowser(ctx.app);
    provY = new TestBrowser(ctx.app);
    anonymous = new TestBrowser(ctx.app);
    userX = await signInAs(ctx, provX, {
      tenantId: KRIMPEN.id,
      role: 'professional',
      organisationId: f.peopleX,
      email: 'prof-x@example.nl',
      name: 'Petra Provider',
    });
    await signInAs(ctx, provY, { tenantId: KRIMPEN.id, role: 'volunteer', organisationId: f.peopleY, email: 'vrijw-y@example.nl' });
    for (const b of [provX, provY]) assert.equal((await b.get('/account')).statusCode, 200);
  });

  const db = () => ctx.database.db;
  const mailsTo = (to: string) =>
    db().selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', to).orderBy('created_at').execute();
  /** Suggestions, those about X's eettafel first. */
  const suggestions = async () =>
    (await db().selectFrom('socialmap_suggestions').selectAll().orderBy('created_at').execute()).sort(
      (a, b) => Number(b.service_id === f.serviceX) - Number(a.service_id === f.serviceX),
    );
  /** After a jump of the clock the session has expired: sign in again. */
  const resume = async () => {
    await signInUser(ctx, provX, userX, { mfa: true });
    assert.equal((await provX.get('/account')).statusCode, 200);
  };
  const runJob = () => freshnessJob({ db: db(), config: testConfig(), payload: {}, tenantId: null, now: ctx.clock.now() });

  describe('correction suggestions', () => {
    const form = `/${KRIMPEN.slug}/sociale-kaart/aanbod/PLACEHOLDER/correctie`;
    const url = () => form.replace('PLACEHOLDER', f.serviceX);

    it('anyone can open the form; a post without the CSRF token is refused', async () => {
      const page = await anonymous.get(url());
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Wat klopt er niet\?/);
      assert.match(page.body, /Open eettafel/);
      const res = await anonymous.post(url(), { _csrf: '', message: 'De eettafel is op woensdag.' });
      assert.equal(res.statusCode, 403);
      assert.equal((await suggestions()).length, 0);
    });

    it('refuses an empty message and a bad address with clear messages', async () => {
      await anonymous.get(url());
      const res = await anonymous.post(url(), { message: 'x', email: 'geen-adres' });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Schrijf in een paar woorden wat er niet klopt/);
      assert.match(res.body, /geldig e-mailadres/);
      assert.equal((await suggestions()).length, 0);
      assert.equal(
        (await anonymous.get(`/${KRIMPEN.slug}/sociale-kaart/aanbod/${f.serviceHhw}/correctie`)).statusCode,
        404,
        'a service of another tenant',
      );
    });

    it('stores the suggestion before saying thank you, audited without the address', async () => {
      await anonymous.get(url());
      const res = await anonymous.post(url(), { message: 'De eettafel is nu op woensdag.', email: 'Bewoner@Example.nl' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Uw voorstel is ontvangen/);
      const rows = await suggestions();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.email, 'bewoner@example.nl');
      assert.equal(rows[0]!.status, 'open');
      const audit = await db().selectFrom('audit_log').select(['detail']).where('entity', '=', 'socialmap_suggestion').execute();
      assert.equal(audit.length, 1);
      assert.doesNotMatch(JSON.stringify(audit[0]!.detail), /example\.nl/);
      await anonymous.post(url().replace(f.serviceX, f.serviceY), { message: 'De kerk is dicht in december.' });
    });

    it('the provider sees open suggestions of their own entries only', async () => {
      const x = await provX.get(`${keep}/voorstellen`);
      assert.match(x.body, /De eettafel is nu op woensdag/);
      assert.doesNotMatch(x.body, /De kerk is dicht/);
      assert.doesNotMatch(x.body, /bewoner@example\.nl/, 'the address itself is not shown');
      assert.match(x.body, /wil een antwoord per e-mail/);
      const y = await provY.get(`${keep}/voorstellen`);
      assert.doesNotMatch(y.body, /De eettafel is nu op woensdag/);
      assert.match(y.body, /De kerk is dicht/);
    });

    it('another organisation cannot handle it; rejecting needs a reason; accepting mails the suggester', async () => {
      const id = (await suggestions())[0]!.id;
      const s = id.slice(0, 8);
      const other = await provY.post(`${keep}/voorstellen/${id}`, { [`decision-${s}`]: 'accepted' });
      assert.equal(other.statusCode, 403);
      const noReason = await provX.post(`${keep}/voorstellen/${id}`, { [`decision-${s}`]: 'rejected' });
      assert.equal(noReason.statusCode, 422);
      assert.match(noReason.body, /Schrijf waarom u het voorstel afwijst/);
      assert.equal((await suggestions())[0]!.status, 'open');
      const ok = await provX.post(`${keep}/voorstellen/${id}`, { [`decision-${s}`]: 'accepted', [`reason-${s}`]: 'Aangepast, dank u.' });
      assert.equal(ok.statusCode, 303, errorsIn(ok.body));
      const row = (await suggestions())[0]!;
      assert.equal(row.status, 'accepted');
      assert.equal(row.reason, 'Aangepast, dank u.');
      const mails = await mailsTo('bewoner@example.nl');
      assert.equal(mails.length, 1);
      assert.match(mails[0]!.text_body, /We hebben het overgenomen/);
      assert.match(mails[0]!.text_body, /Aangepast, dank u\./);
      const again = await provX.post(`${keep}/voorstellen/${id}`, { [`decision-${s}`]: 'rejected', [`reason-${s}`]: 'Toch niet' });
      assert.equal(again.statusCode, 409);
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'socialmap_suggestion')
        .where('entity_id', '=', id)
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['accept', 'create']);
    });

    it("a person's export holds their suggestions; the address is removed some months after handling", async () => {
      const user = await createUser(db(), { email: 'bewoner@example.nl', name: 'Bea Bewoner' });
      const data = await exportKeepUserData(db(), user.id);
      assert.equal((data.suggestions as unknown[]).length, 1);
      ctx.clock.advance(80 * DAY);
      await runJob();
      assert.equal((await suggestions())[0]!.email, 'bewoner@example.nl', 'kept for three months');
      ctx.clock.advance(15 * DAY);
      await runJob();
      assert.equal((await suggestions())[0]!.email, null);
    });

    it("deleting an account removes the person's address from open suggestions too", async () => {
      await anonymous.get(`/${KRIMPEN.slug}/sociale-kaart/aanbod/${f.serviceY}/correctie`);
      await anonymous.post(`/${KRIMPEN.slug}/sociale-kaart/aanbod/${f.serviceY}/correctie`, {
        message: 'Het adres klopt niet.',
        email: 'iemand@example.nl',
      });
      const user = await createUser(db(), { email: 'iemand@example.nl', name: 'Iemand' });
      await inTransaction(db(), (trx) => forgetKeepUserData(trx, user.id));
      const rows = await db()
        .selectFrom('socialmap_suggestions')
        .select(['email', 'message'])
        .where('message', '=', 'Het adres klopt niet.')
        .execute();
      assert.equal(rows.length, 1, 'the suggestion itself stays');
      assert.equal(rows[0]!.email, null);
    });
  });

  describe('reminders and staleness on a simulated clock', () => {
    it('asks the members once per period after 6 months, without personal data', async () => {
      // The fixture checked everything at 2026-11-23; 95 days have passed above.
      const before = (await mailsTo('prof-x@example.nl')).length;
      await runJob();
      assert.equal((await mailsTo('prof-x@example.nl')).length, before, 'not yet due');
      ctx.clock.set('2027-05-24T10:00:00Z');
      await runJob();
      const mails = await mailsTo('prof-x@example.nl');
      assert.equal(mails.length, before + 1);
      const mail = mails.at(-1)!;
      assert.match(mail.subject, /Klopt uw aanbod op de sociale kaart van Krimpen aan den IJssel nog\?/);
      assert.match(mail.text_body, /Open eettafel/);
      assert.doesNotMatch(mail.text_body, /Inloop in de kerk/, "only the organisation's own entries");
      assert.doesNotMatch(mail.text_body, /Petra|prof-x/, 'no names or addresses in the text');
      assert.equal((await mailsTo('vrijw-y@example.nl')).length, 1, 'Y got its own mail');
      await runJob();
      assert.equal((await mailsTo('prof-x@example.nl')).length, before + 1, 'remembered: asked once per period');
      const next = await db()
        .selectFrom('jobs')
        .select('run_at')
        .where('kind', '=', FRESHNESS_JOB)
        .where('status', '=', 'pending')
        .orderBy('run_at', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(next.run_at.toISOString(), new Date(ctx.clock.now().getTime() + DAY).toISOString(), 'the job schedules its next run');
    });

    it('flags entries stale after 9 months; "Klopt nog" makes them fresh and starts a new period', async () => {
      ctx.clock.set('2027-08-22T10:00:00Z');
      await resume();
      let list = await provX.get(keep);
      assert.match(list.body, /Graag controleren/);
      assert.doesNotMatch(list.body, /! Verouderd/);
      ctx.clock.set('2027-08-24T10:00:00Z');
      await resume();
      list = await provX.get(keep);
      assert.match(list.body, /! Verouderd/);
      await provX.get(keep);
      assert.equal((await provX.post(`${keep}/aanbod/${f.serviceX}/klopt`, {})).statusCode, 303);
      list = await provX.get(keep);
      assert.doesNotMatch(list.body, /! Verouderd/);
      assert.match(list.body, /Laatst gecontroleerd|24 augustus 2027/);
      const d = (await getServiceDetail(db(), KRIMPEN.id, f.serviceX))!;
      assert.equal(d.service.last_checked_at?.toISOString(), '2027-08-24T10:00:00.000Z');
      const before = (await mailsTo('prof-x@example.nl')).length;
      ctx.clock.set('2028-02-25T10:00:00Z');
      await runJob();
      assert.equal((await mailsTo('prof-x@example.nl')).length, before + 1, 'a new period, a new reminder');
    });

    it('mails nothing for another tenant’s entries to these members', async () => {
      const mails = await db().selectFrom('mail_outbox').select('text_body').where('tenant_id', '=', HHW.id).execute();
      assert.ok(mails.every((m) => !/Open eettafel/.test(m.text_body)));
    });
  });

  describe('rate limit', () => {
    it('limits anonymous suggestions per network', async () => {
      const url = `/${KRIMPEN.slug}/sociale-kaart/aanbod/${f.serviceX}/correctie`;
      await anonymous.get(url);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await anonymous.post(url, { message: `Nog een opmerking ${i}` })).statusCode);
      assert.ok(statuses.includes(429), statuses.join(','));
    });
  });
});
