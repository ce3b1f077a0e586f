/**
 * The apply form over HTTP (no JavaScript): a bad `?oproep=` / `?jongerenidee=` opens the form
 * empty with a notice (never an error page); a professional applies on a resident's behalf with a
 * co-signer's address; the tracking page names the organisation, never the person.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { buildOrganisation } from '../../../../test/helpers/factories.ts';
import { PC_A1, PC_A2, BUURT_A, T, setupAreas, setupFund } from './apply.test-support.ts';

const FORM = `/${T.slug}/samen-doen/bewonersfonds/aanvragen`;

describe('apply form: from a call or idea, and on behalf', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  let orgId: string;

  before(async () => {
    await setupAreas(db(), ctx.clock.now());
    await setupFund(db(), ctx.clock.now());
    orgId = (await buildOrganisation(db(), { tenantId: T.id, name: 'Buurtwerk Krimpen' })).id;
  });

  it('a bad or unknown call or idea opens the form empty with a plain notice; residents see no "on behalf" part', async () => {
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: T.id, role: 'resident' });
    for (const q of [`oproep=${randomUUID()}`, 'oproep=%27%3B--', `jongerenidee=${randomUUID()}`, `jongerenidee=${'x'.repeat(100)}`]) {
      const res = await resident.get(`${FORM}?${q}`);
      assert.equal(res.statusCode, 200, q);
      assert.match(res.body, /U kunt hieronder gewoon een aanvraag invullen\./, q);
      assert.doesNotMatch(res.body, /name="callId"|name="youthIdeaId"/, q);
    }
    assert.doesNotMatch((await resident.get(FORM)).body, /name="whose"/);
  });

  it('a professional applies for a resident without an account; the co-signer with an address gets the link by mail', async () => {
    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: T.id, role: 'professional', organisationId: orgId });
    const page = await pro.get(FORM);
    assert.match(page.body, /name="whose"/);
    assert.match(page.body, /name="whose"[^>]*value="account"|value="account"[^>]*name="whose"/, 'a professional may name an account');
    // A volunteer applies for someone too, but is not offered the account look-up.
    const volunteer = new TestBrowser(ctx.app);
    await signInAs(ctx, volunteer, { tenantId: T.id, role: 'volunteer' });
    const asVolunteer = (await volunteer.get(FORM)).body;
    assert.match(asVolunteer, /name="whose"/);
    assert.doesNotMatch(asVolunteer, /value="account"|name="subject\.accountEmail"/);
    const form = {
      whose: 'contact',
      'subject.name': 'Mevrouw Pieters',
      'subject.phone': '',
      'subject.email': '',
      title: 'Koffieochtend',
      groupName: 'Buren van de Bloemstraat',
      what: 'Elke week koffie in het buurthuis.',
      forWhom: 'Ouderen in de straat.',
      areaCode: BUURT_A,
      startsOn: '16-01-2027',
      'budgetLines.0.label': 'Koffie',
      'budgetLines.0.amountCents': '120',
      requestedCents: '120',
      ownInKind: 'Wij schenken zelf.',
      'cosigners.0.displayName': 'Buurvrouw A.',
      'cosigners.0.postcode': PC_A1,
      'cosigners.0.email': 'buurvrouw.a@example.org',
      'cosigners.1.displayName': 'Buurman B.',
      'cosigners.1.postcode': PC_A2,
    };
    const missing = await pro.post(FORM, form);
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /Geef een telefoonnummer of een e-mailadres van de bewoner\./);
    const sent = await pro.post(FORM, { ...form, 'subject.phone': '0180 123456' });
    assert.equal(sent.statusCode, 200);
    assert.match(sent.body, /Buurvrouw A\.: de link is per e-mail verstuurd/);
    assert.match(sent.body, /Buurman B\.: <code class="ini-link">http[^<]*\/samen-doen\/steun\/[A-Za-z0-9_-]+<\/code>/);
    const mail = await db()
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'buurvrouw.a@example.org')
      .executeTakeFirstOrThrow();
    assert.match(mail.text_body, /\/krimpen-aan-den-ijssel\/samen-doen\/steun\/[A-Za-z0-9_-]{20,}/);
    const reference = /INI-\d{4}-\d{4}/.exec(sent.body)![0];
    const track = await pro.get(`/${T.slug}/samen-doen/aanvraag/${reference}`);
    assert.equal(track.statusCode, 200);
    assert.match(track.body, /Ingevoerd door een medewerker van Buurtwerk Krimpen\./);
    assert.match(track.body, /Mevrouw Pieters/);
    assert.match(track.body, /0180 123456/);
  });
});
