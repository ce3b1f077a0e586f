import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { KRIMPEN, KRIMPEN_POINT, OUTSIDE_POINT, setupTenant, type TenantFixture } from '../signals.test-support.ts';

const base = `/${KRIMPEN.slug}/meldingen`;
/** A map pin inside Krimpen: every report must be placed (a typed address is geocoded; tests have no address table). */
const PIN = { lat: String(KRIMPEN_POINT.latitude), lon: String(KRIMPEN_POINT.longitude) };

function submissionId(html: string): string {
  const m = /name="submissionId" value="([^"]+)"/.exec(html);
  assert.ok(m, 'the form has a hidden submission id');
  return m[1]!;
}

describe('signals pages', () => {
  const ctx = useTestApp();
  let k: TenantFixture;
  const count = async (table: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(ctx.database.db)).rows[0]!.n;
  const lastMailTo = async (to: string) =>
    ctx.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', to)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();

  before(async () => {
    k = await setupTenant(ctx.database.db, KRIMPEN);
  });

  it('lists the categories in groups and shows a form with the extra questions', async () => {
    const b = new TestBrowser(ctx.app);
    const list = await b.get(base);
    assert.equal(list.statusCode, 200);
    for (const g of ['Openbare ruimte', 'Overlast', 'Veiligheid', 'Zorg om een buurtgenoot']) assert.ok(list.body.includes(g), g);
    assert.ok(list.body.includes(`${base}/nieuw/verlichting`));
    const form = await b.get(`${base}/nieuw/afval`);
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes('Wat voor afval is het?'));
    assert.ok(form.body.includes('name="answer_soort_afval"'));
    assert.equal((await b.get(`${base}/nieuw/bestaat-niet`)).statusCode, 404);
  });

  it('reports as a resident: thank-you page with number and tracking link, one signal per submission id, mail in the outbox', async () => {
    const b = new TestBrowser(ctx.app);
    const sid = submissionId((await b.get(`${base}/nieuw/verlichting`)).body);
    const form = {
      submissionId: sid,
      description: 'Lamp kapot <script>alert(1)</script>',
      address: 'Raadhuisplein 1',
      lat: '51,915',
      lon: '4,6',
      email: 'bewoner@example.nl',
      wantsFeedback: '1',
    };
    const before = await count('signals_signals');
    const res = await b.post(`${base}/nieuw/verlichting`, form);
    assert.equal(res.statusCode, 200, res.body);
    const id = /id="meldingsnummer">(SIG-\d{4}-\d{6})</.exec(res.body)?.[1];
    assert.ok(id, 'the number is shown');
    const link = /href="(\/krimpen-aan-den-ijssel\/meldingen\/volgen\/[A-Za-z0-9_-]+)"/.exec(res.body)?.[1];
    assert.ok(link, 'the tracking link is shown');
    const again = await b.post(`${base}/nieuw/verlichting`, form);
    assert.equal(again.statusCode, 200);
    assert.ok(again.body.includes(id!), 'a replay shows the same number');
    assert.equal(await count('signals_signals'), before + 1);
    const mail = await lastMailTo('bewoner@example.nl');
    assert.ok(mail.text_body.includes(link!));
    // The tracking page shows the description escaped.
    const track = await b.get(link!);
    assert.equal(track.statusCode, 200);
    assert.ok(track.body.includes('&lt;script'));
    assert.ok(!track.body.includes('<script>alert(1)'));
    assert.ok(track.body.includes('Gemeld'));
  });

  it('refuses bad input with the form again (422) and stores nothing', async () => {
    const b = new TestBrowser(ctx.app);
    const sid = submissionId((await b.get(`${base}/nieuw/verlichting`)).body);
    const before = await count('signals_signals');
    const outside = await b.post(`${base}/nieuw/verlichting`, {
      submissionId: sid,
      description: 'x',
      lat: String(OUTSIDE_POINT.latitude),
      lon: String(OUTSIDE_POINT.longitude),
    });
    assert.equal(outside.statusCode, 422);
    assert.ok(outside.body.includes('Deze plek ligt niet in de gemeente Krimpen aan den IJssel'));
    const noFeedbackMail = await b.post(`${base}/nieuw/verlichting`, {
      submissionId: sid,
      description: 'x',
      address: 'Hier',
      ...PIN,
      nearbySeen: '1',
      wantsFeedback: '1',
    });
    assert.equal(noFeedbackMail.statusCode, 422);
    assert.ok(noFeedbackMail.body.includes('Vul uw e-mailadres in'));
    const big = await b.post(`${base}/nieuw/verlichting`, { submissionId: sid, description: 'x'.repeat(5 * 1024 * 1024), address: 'Hier' });
    assert.ok(big.statusCode === 413 || big.statusCode === 422, String(big.statusCode));
    const long = await b.post(`${base}/nieuw/verlichting`, { submissionId: sid, description: 'x'.repeat(6000), address: 'Hier' });
    assert.equal(long.statusCode, 422);
    assert.ok(long.body.includes('5000 tekens'));
    const noSid = await b.post(`${base}/nieuw/verlichting`, { description: 'x', address: 'Hier' });
    assert.equal(noSid.statusCode, 422);
    assert.equal(await count('signals_signals'), before);
  });

  it('a hard-stop answer shows the message instead of submitting', async () => {
    const b = new TestBrowser(ctx.app);
    const sid = submissionId((await b.get(`${base}/nieuw/verkeer`)).body);
    const before = await count('signals_signals');
    const res = await b.post(`${base}/nieuw/verkeer`, {
      submissionId: sid,
      answer_direct_gevaar: 'ja',
      description: 'Auto in de sloot',
      address: 'Dorpsstraat',
    });
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes('112'));
    assert.equal(await count('signals_signals'), before);
  });

  it('shows open nearby signals of the same category and lets the resident follow one instead', async () => {
    const b = new TestBrowser(ctx.app);
    const p = { lat: String(KRIMPEN_POINT.latitude + 0.0002), lon: String(KRIMPEN_POINT.longitude) };
    const sid = submissionId((await b.get(`${base}/nieuw/verlichting`)).body);
    const res = await b.post(`${base}/nieuw/verlichting`, { submissionId: sid, description: 'Lamp uit', address: 'Raadhuisplein', ...p });
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes('Is dit al gemeld?'));
    assert.ok(res.body.includes('name="nearbySeen"'));
    const id = /Volg melding (SIG-\d{4}-\d{6})/.exec(res.body)?.[1];
    assert.ok(id);
    const follow = await b.post(`${base}/${id}/volgen`, { email: 'buur@example.nl' });
    assert.equal(follow.statusCode, 200);
    const mail = await lastMailTo('buur@example.nl');
    assert.ok(mail.subject.includes(id!));
    assert.match(mail.text_body, /\/meldingen\/volgen\/[A-Za-z0-9_-]+/);
    // Submitting anyway after seeing them creates the signal.
    const anyway = await b.post(`${base}/nieuw/verlichting`, {
      submissionId: sid,
      description: 'Lamp uit',
      address: 'Raadhuisplein',
      nearbySeen: '1',
      ...p,
    });
    assert.ok(/id="meldingsnummer"/.test(anyway.body));
    // Sensitive categories never show nearby signals and cannot be followed.
    const care = await b.get(`${base}/nieuw/eenzaamheid`);
    const cs = submissionId(care.body);
    // A worry asks for the neighbour's buurt (or street), not a pin.
    const buurt = /<option value="(BU\d+)"/.exec(care.body)![1]!;
    const first = await b.post(`${base}/nieuw/eenzaamheid`, {
      submissionId: cs,
      description: 'Buurman eenzaam',
      email: 'zorg@example.nl',
      buurt,
    });
    const careId = /id="meldingsnummer">(SIG-\d{4}-\d{6})</.exec(first.body)?.[1];
    assert.ok(careId);
    const second = await b.post(`${base}/nieuw/eenzaamheid`, {
      submissionId: submissionId((await b.get(`${base}/nieuw/eenzaamheid`)).body),
      description: 'Nog een',
      email: 'zorg2@example.nl',
      buurt,
    });
    assert.ok(!second.body.includes('Is dit al gemeld?'));
    assert.equal((await b.post(`${base}/${careId}/volgen`, { email: 'nieuwsgierig@example.nl' })).statusCode, 404);
  });

  it('tracking: forged or unknown token is a clear 404; feedback after closure reopens when not solved', async () => {
    const b = new TestBrowser(ctx.app);
    const forged = await b.get(`${base}/volgen/${'A'.repeat(43)}`);
    assert.equal(forged.statusCode, 404);
    assert.ok(forged.body.includes('Deze link werkt niet'));
    assert.equal((await b.get(`${base}/volgen/kort`)).statusCode, 404);

    const sid = submissionId((await b.get(`${base}/nieuw/groen`)).body);
    const res = await b.post(`${base}/nieuw/groen`, {
      submissionId: sid,
      description: 'Boom omgewaaid',
      address: 'Parklaan 3',
      ...PIN,
      email: 'boom@example.nl',
      wantsFeedback: '1',
    });
    const link = /href="(\/krimpen-aan-den-ijssel\/meldingen\/volgen\/[A-Za-z0-9_-]+)"/.exec(res.body)![1]!;
    const id = /id="meldingsnummer">(SIG-\d{4}-\d{6})</.exec(res.body)![1]!;
    assert.ok(!(await b.get(link)).body.includes('Bent u tevreden?'), 'no satisfaction question while open');
    assert.equal((await b.post(link, { satisfied: 'nee', solved: 'nee' })).statusCode, 409);

    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: KRIMPEN.id, role: 'professional', organisationId: k.municipality });
    const page = await pro.get(`${base}/behandelen/${id}?naar=afgehandeld`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('We hebben uw melding afgehandeld'), 'standard text prefilled');
    const done = await pro.post(`${base}/behandelen/${id}/status`, {
      to: 'afgehandeld',
      publicMessage: 'De boom is weggehaald.',
      internalNote: 'geheim-intern',
    });
    assert.equal(done.statusCode, 303);

    const track = await b.get(link);
    assert.ok(track.body.includes('De boom is weggehaald.'));
    assert.ok(!track.body.includes('geheim-intern'), 'internal notes never on the tracking page');
    assert.ok(track.body.includes('Bent u tevreden?'));
    const fb = await b.post(link, { satisfied: 'nee', solved: 'nee', reason: 'Stronk ligt er nog' });
    assert.equal(fb.statusCode, 200);
    assert.ok(fb.body.includes('opnieuw geopend'));
    const row = await ctx.database.db.selectFrom('signals_signals').select('state').where('public_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.state, 'heropend');
    assert.equal((await b.post(link, { satisfied: 'ja' })).statusCode, 409, 'not closed any more');
  });

  it('professional handles a signal: list, page with history, illegal step refused, coordinator reassigns (audited)', async () => {
    const resident = new TestBrowser(ctx.app);
    const sid = submissionId((await resident.get(`${base}/nieuw/burenoverlast`)).body);
    const res = await resident.post(`${base}/nieuw/burenoverlast`, {
      submissionId: sid,
      description: 'Harde muziek',
      address: 'Flat 3',
      ...PIN,
      name: 'Jan Melder',
      email: 'jan@example.nl',
    });
    const id = /id="meldingsnummer">(SIG-\d{4}-\d{6})</.exec(res.body)![1]!;

    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: KRIMPEN.id, role: 'professional', organisationId: k.housing });
    const list = await pro.get(`${base}/behandelen`);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(id));
    assert.ok(!list.body.includes('Boom omgewaaid'));
    const page = await pro.get(`${base}/behandelen/${id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('jan@example.nl'));
    const illegal = await pro.post(`${base}/behandelen/${id}/status`, { to: 'heropend' });
    assert.equal(illegal.statusCode, 409);
    assert.ok(illegal.body.includes('Deze stap kan niet'));
    assert.equal((await pro.post(`${base}/behandelen/${id}/status`, { to: 'in_behandeling', internalNote: 'gebeld' })).statusCode, 303);
    assert.equal(
      (await pro.post(`${base}/behandelen/${id}/toewijzen`, { organisationId: k.welfare })).statusCode,
      403,
      'only coordinators reassign',
    );

    const coord = new TestBrowser(ctx.app);
    const coordId = await signInAs(ctx, coord, { tenantId: KRIMPEN.id, role: 'coordinator' });
    assert.equal(
      (await coord.post(`${base}/behandelen/${id}/toewijzen`, { organisationId: k.welfare, note: 'zorg achter overlast' })).statusCode,
      303,
    );
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'reassign')
      .where('actor_user_id', '=', coordId)
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(
      (await pro.get(`${base}/behandelen/${id}`)).statusCode,
      404,
      'after reassigning the housing corporation no longer sees it',
    );
    const filtered = await coord.get(`${base}/behandelen?status=in_behandeling&categorie=burenoverlast`);
    assert.ok(filtered.body.includes(id));
    const bad = await coord.get(`${base}/behandelen?status=nonsense`);
    assert.equal(bad.statusCode, 200);
  });
});
