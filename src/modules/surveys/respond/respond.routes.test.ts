/**
 * Answering a survey through the real app: by the open link, with a personal code (once), a
 * closed or not yet open survey, missing answers, English, and the rate limit of the open link.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { BUURT_A, BUURT_B, T, buildCodes, buildSurvey, filledForm, setupAreas } from './respond.test-support.ts';
import { RESPOND_RATE_LIMIT } from './respond.schemas.ts';

let ip = 0;
/** Each request from its own address, so the rate limit of the public forms is not what a test meets. */
const from = () => ({ remoteAddress: `10.0.${Math.floor(++ip / 250)}.${ip % 250}` });

describe('surveys: answering', () => {
  const ctx = useTestApp();
  const s = {} as { id: string; token: string };
  const responses = async (surveyId: string) =>
    ctx.database.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', surveyId).execute();

  before(async () => {
    await setupAreas(ctx.database.db);
    const built = await buildSurvey(ctx.database.db, ctx.clock.now());
    s.id = built.id;
    s.token = built.token!;
  });

  it('by the open link: one accessible page, then thanks; stores buurt, channel, answers, versions and the day only', async () => {
    const b = new TestBrowser(ctx.app);
    const page = await b.get(`/${T.slug}/enquete/${s.token}`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(page.body, /<legend[^>]*>De mensen kennen elkaar in deze buurt nauwelijks\.<\/legend>/);
    assert.match(page.body, /type="radio"[^>]*name="cohesion-vm.know_hardly"/);
    assert.match(page.body, /<option value="BU05420101"[^>]*>Oud Krimpen<\/option>/);
    const res = await b.post(`/${T.slug}/enquete/${s.token}`, filledForm(BUURT_B), from());
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/${T.slug}/enquete/bedankt`);
    assert.match((await b.get(res.headers.location)).body, /Uw antwoorden zijn opgeslagen/);
    const rows = await responses(s.id);
    assert.equal(rows.length, 1);
    const r = rows[0]!;
    assert.equal(r.area_code, BUURT_B);
    assert.equal(r.channel, 'link');
    assert.equal(r.submitted_on, '2026-11-23');
    assert.deepEqual(r.item_versions, { 'cohesion-vm': '2021', 'dsp-functions': '1' });
    assert.equal(r.answers['cohesion-vm.know_hardly'], 1);
    assert.equal(r.answers['dsp-functions.help_hours'], 2);
  });

  it('refuses missing answers and a buurt outside the survey, beside the fields, and stores nothing', async () => {
    const before = (await responses(s.id)).length;
    const b = new TestBrowser(ctx.app);
    await b.get(`/${T.slug}/enquete/${s.token}`);
    const { ['cohesion-vm.pleasant']: _gone, ...missing } = filledForm();
    const res = await b.post(`/${T.slug}/enquete/${s.token}`, { ...missing, 'dsp-functions.help_hours': 'veel' }, from());
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /href="#veld-cohesion-vm-pleasant"[^>]*>Kies een antwoord\./);
    assert.match(res.body, /Vul een heel getal in dat past bij de vraag/);
    // What was filled in stays filled in.
    assert.match(res.body, /name="cohesion-vm.know_hardly" value="1" checked/);
    const noBuurt = await b.post(`/${T.slug}/enquete/${s.token}`, { ...filledForm(), buurt: '' }, from());
    assert.equal(noBuurt.statusCode, 422);
    assert.match(noBuurt.body, /Kies uw buurt of vul uw postcode in/);
    const foreign = await b.post(`/${T.slug}/enquete/${s.token}`, filledForm('BU00140101'), from());
    assert.equal(foreign.statusCode, 422);
    assert.equal((await responses(s.id)).length, before);
  });

  it('with a personal code: once; the second use gets a clear message and stores nothing', async () => {
    const [code] = await buildCodes(ctx.database.db, ctx.clock.now(), s.id, 'personal', 1);
    const b = new TestBrowser(ctx.app);
    assert.equal((await b.get(`/${T.slug}/enquete`)).statusCode, 200);
    const unknown = await b.post(`/${T.slug}/enquete/code`, { code: 'ABCDE-FGHJK' }, from());
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /Deze code kennen we niet/);
    // Typed loosely: lower case, spaces instead of the dash.
    const typed = code!.toLowerCase().replace('-', ' ');
    const form = await b.post(`/${T.slug}/enquete/code`, { code: typed }, from());
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="cohesion-vm.know_hardly"/);
    const before = (await responses(s.id)).length;
    const sent = await b.post(`/${T.slug}/enquete/antwoorden`, { code: typed, ...filledForm(BUURT_A) }, from());
    assert.equal(sent.statusCode, 303);
    const after = await responses(s.id);
    assert.equal(after.length, before + 1);
    assert.equal(after.filter((r) => r.channel === 'invitation').length, 1);
    const inv = await ctx.database.db.selectFrom('survey_invitations').select('used').where('survey_id', '=', s.id).execute();
    assert.deepEqual(inv, [{ used: true }]);

    const again = await b.post(`/${T.slug}/enquete/code`, { code: code! }, from());
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Deze code is al gebruikt/);
    const twice = await b.post(`/${T.slug}/enquete/antwoorden`, { code: code!, ...filledForm(BUURT_A) }, from());
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /Deze code is al gebruikt/);
    assert.equal((await responses(s.id)).length, before + 1);
  });

  it('two answers with one code at the same moment: one is stored, the other refused', async () => {
    const [code] = await buildCodes(ctx.database.db, ctx.clock.now(), s.id, 'personal', 1);
    const before = (await responses(s.id)).length;
    const b1 = new TestBrowser(ctx.app);
    const b2 = new TestBrowser(ctx.app);
    await b1.get(`/${T.slug}/enquete`);
    await b2.get(`/${T.slug}/enquete`);
    const answers = await Promise.all([
      b1.post(`/${T.slug}/enquete/antwoorden`, { code: code!, ...filledForm() }, from()),
      b2.post(`/${T.slug}/enquete/antwoorden`, { code: code!, ...filledForm() }, from()),
    ]);
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [303, 409]);
    assert.equal((await responses(s.id)).length, before + 1);
  });

  it('a closed survey and one not yet open say so, and take no answers', async () => {
    const closed = await buildSurvey(ctx.database.db, ctx.clock.now(), { status: 'closed' });
    const ended = await buildSurvey(ctx.database.db, ctx.clock.now(), { opens_on: '2026-10-01', closes_on: '2026-11-22' });
    const later = await buildSurvey(ctx.database.db, ctx.clock.now(), { opens_on: '2026-12-01' });
    const b = new TestBrowser(ctx.app);
    await b.get(`/${T.slug}/enquete`);
    for (const x of [closed, ended]) {
      const page = await b.get(`/${T.slug}/enquete/${x.token}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Deze enquête is gesloten/);
      assert.doesNotMatch(page.body, /type="radio"/);
      const post = await b.post(`/${T.slug}/enquete/${x.token}`, filledForm(), from());
      assert.equal(post.statusCode, 409);
      assert.match(post.body, /Deze enquête is gesloten/);
      assert.equal((await responses(x.id)).length, 0);
    }
    const page = await b.get(`/${T.slug}/enquete/${later.token}`);
    assert.match(page.body, /nog niet open\. U kunt meedoen vanaf 2026-12-01/);
    assert.equal((await b.post(`/${T.slug}/enquete/${later.token}`, filledForm(), from())).statusCode, 409);
    assert.equal((await responses(later.id)).length, 0);
    assert.equal((await b.get(`/${T.slug}/enquete/${'x'.repeat(43)}`)).statusCode, 404);
  });

  it('in English: questions, answers and messages', async () => {
    const b = new TestBrowser(ctx.app);
    b.cookies.set('lang', 'en');
    const page = await b.get(`/${T.slug}/enquete/${s.token}`);
    assert.match(page.body, /People in this neighbourhood hardly know each other\./);
    assert.match(page.body, /Strongly agree/);
    assert.match(page.body, /Your answers are anonymous/);
    const res = await b.post(`/${T.slug}/enquete/${s.token}`, { buurt: BUURT_A }, from());
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Choose an answer\./);
    const codePage = await b.get(`/${T.slug}/enquete`);
    assert.match(codePage.body, /Answer a survey with a code/);
    assert.match((await b.post(`/${T.slug}/enquete/code`, { code: 'ABCDE-FGHJK' }, from())).body, /We do not know this code/);
  });

  it('rate-limits the open link and the code form', async () => {
    const b = new TestBrowser(ctx.app);
    await b.get(`/${T.slug}/enquete`);
    const one = { remoteAddress: '10.9.9.9' };
    let last = 0;
    for (let i = 0; i <= RESPOND_RATE_LIMIT.max; i++) {
      last = (await b.post(`/${T.slug}/enquete/code`, { code: 'ABCDE-FGHJK' }, one)).statusCode;
    }
    assert.equal(last, 429);
    let lastGet = 0;
    for (let i = 0; i <= RESPOND_RATE_LIMIT.max; i++) {
      lastGet = (await ctx.app.inject({ url: `/${T.slug}/enquete/${s.token}`, remoteAddress: '10.9.9.8' })).statusCode;
    }
    assert.equal(lastGet, 429);
  });
});
