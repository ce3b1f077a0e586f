import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { buildTenant, GRONINGEN, KRIMPEN } from '../../../../test/helpers/factories.ts';
import { seedApplication, seedFund } from './review.test-support.ts';

describe('review pages (forms without JavaScript)', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  let reference: string;
  const base = () => `/${KRIMPEN.slug}/samen-doen/beoordelen/${reference}`;
  const coordinator = () => new TestBrowser(ctx.app);

  before(async () => {
    await buildTenant(db(), KRIMPEN);
    await buildTenant(db(), GRONINGEN);
    const fundId = await seedFund(db(), KRIMPEN.id);
    const app = await seedApplication(db(), { tenantId: KRIMPEN.id, fundId, submittedAt: ctx.clock.now(), status: 'acknowledged' });
    reference = app.reference;
  });

  it('only coordinators of the municipality open the work list and the review page', async () => {
    const anon = new TestBrowser(ctx.app);
    assert.notEqual((await anon.get(`/${KRIMPEN.slug}/samen-doen/beoordelen`)).statusCode, 200);
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: KRIMPEN.id, role: 'resident' });
    assert.equal((await resident.get(base())).statusCode, 403);
    const other = new TestBrowser(ctx.app);
    await signInAs(ctx, other, { tenantId: GRONINGEN.id, role: 'coordinator' });
    assert.equal((await other.get(`/${GRONINGEN.slug}/samen-doen/beoordelen/${reference}`)).statusCode, 404);
    const b = coordinator();
    await signInAs(ctx, b, { tenantId: KRIMPEN.id, role: 'coordinator' });
    const list = await b.get(`/${KRIMPEN.slug}/samen-doen/beoordelen`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`href="${base()}"`));
    assert.match(list.body, /€ 1\.250,00/);
  });

  it('a partial approval above the amount asked is refused beside the field; the letter is made, edited and sent', async () => {
    const b = coordinator();
    await signInAs(ctx, b, { tenantId: KRIMPEN.id, role: 'coordinator' });
    await b.get(base());
    const form = {
      decision: 'partial',
      granted: '1.300,00',
      reasons: 'Alleen de muziek.',
      template: 'standard',
      locale: 'nl',
      letter: '',
      step: 'preview',
    };
    let res = await b.post(`${base()}/besluit`, form);
    assert.equal(res.statusCode, 422);
    assert.match(
      res.body,
      /id="veld-granted-error"[^>]*>Een gedeeltelijke toekenning kan niet hoger zijn dan het gevraagde bedrag \(€ 1\.250,00\)\./,
    );
    // A standard text of another decision is refused too.
    res = await b.post(`${base()}/besluit`, { ...form, granted: '500', template: 'budget' });
    assert.equal(res.statusCode, 422);
    res = await b.post(`${base()}/besluit`, { ...form, granted: '500' });
    assert.equal(res.statusCode, 200);
    const letter = /<textarea[^>]*name="letter"[^>]*>([^<]*)<\/textarea>/.exec(res.body)?.[1] ?? '';
    assert.match(letter, /€ 500,00 van de gevraagde € 1\.250,00/);
    // Nothing decided by making the letter.
    assert.match((await b.get(base())).body, /name="step" value="send"/);
    res = await b.post(`${base()}/besluit`, { ...form, granted: '500', step: 'send', letter: 'Beste buren, € 500,00 voor de muziek.' });
    assert.equal(res.statusCode, 303);
    const page = await b.get(res.headers.location as string);
    assert.match(page.body, /Het besluit is genomen\. De brief is verstuurd\./);
    assert.match(page.body, /Beste buren, € 500,00 voor de muziek\./);
    const mail = await db()
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('subject', '=', `Besluit over uw aanvraag ${reference}`)
      .execute();
    assert.equal(mail.length, 0, 'no applicant account in this fixture: no mail');

    // Payout above the decision: refused with what is left; a part is recorded.
    res = await b.post(`${base()}/uitbetaling`, { paidOn: '2026-11-23', amount: '500,01' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /er is nog € 500,00 over om uit te betalen/);
    res = await b.post(`${base()}/uitbetaling`, { paidOn: '2026-02-30', amount: '100' });
    assert.equal(res.statusCode, 422);
    res = await b.post(`${base()}/uitbetaling`, { paidOn: '2026-11-23', amount: '200' });
    assert.equal(res.statusCode, 303);
    assert.match((await b.get(base())).body, /Uitbetaald € 200,00 van € 500,00; nog € 300,00 over\./);
  });
});
