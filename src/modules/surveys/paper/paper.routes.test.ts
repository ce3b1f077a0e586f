/**
 * Paper entry through the real app: volunteers, professionals and coordinators enter a paper form
 * with its paper code; a code used twice is refused with a clear message and nothing is stored;
 * a personal code is not a paper code; nothing records who entered which response.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { BUURT_B, T, buildCodes, buildSurvey, filledForm, setupAreas } from '../respond/respond.test-support.ts';

describe('surveys: paper entry', () => {
  const ctx = useTestApp();
  const s = {} as { id: string; codes: string[]; volunteer: TestBrowser; volunteerId: string };
  const responses = () => ctx.database.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', s.id).execute();

  before(async () => {
    await setupAreas(ctx.database.db);
    s.id = (await buildSurvey(ctx.database.db, ctx.clock.now(), { open_link: '' })).id;
    s.codes = await buildCodes(ctx.database.db, ctx.clock.now(), s.id, 'paper', 3);
    s.volunteer = new TestBrowser(ctx.app);
    s.volunteerId = await signInAs(ctx, s.volunteer, { tenantId: T.id, role: 'volunteer' });
  });

  it('is for volunteers, professionals and coordinators', async () => {
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: T.id, role: 'resident' });
    assert.equal((await resident.get(`/${T.slug}/enquete/papier`)).statusCode, 403);
    assert.equal((await resident.post(`/${T.slug}/enquete/papier/${s.id}`, { code: s.codes[0]!, ...filledForm() })).statusCode, 403);
    assert.equal((await new TestBrowser(ctx.app).get(`/${T.slug}/enquete/papier/${s.id}`)).statusCode, 401);
    const professional = new TestBrowser(ctx.app);
    await signInAs(ctx, professional, { tenantId: T.id, role: 'professional' });
    assert.equal((await professional.get(`/${T.slug}/enquete/papier/${s.id}`)).statusCode, 200);
    assert.equal((await responses()).length, 0);
  });

  it('enters a form once; the same code again is refused with a clear message', async () => {
    const list = await s.volunteer.get(`/${T.slug}/enquete/papier`);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(`/${T.slug}/enquete/papier/${s.id}`));
    assert.match(list.body, /We bewaren niet wie de antwoorden invoert/);
    const page = await s.volunteer.get(`/${T.slug}/enquete/papier/${s.id}`);
    assert.match(page.body, /<label[^>]*for="veld-code"[^>]*>Code op het formulier<\/label>/);
    // On paper a question may be left open: stored as not answered.
    const { ['cohesion-vm.pleasant']: _open, ...form } = filledForm(BUURT_B);
    const res = await s.volunteer.post(`/${T.slug}/enquete/papier/${s.id}`, { code: s.codes[0]!, ...form });
    assert.equal(res.statusCode, 303);
    const saved = await s.volunteer.get(res.headers.location as string);
    assert.match(saved.body, /Het formulier is opgeslagen/);
    const rows = await responses();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.channel, 'paper');
    assert.equal(rows[0]!.area_code, BUURT_B);
    assert.equal(rows[0]!.answers['cohesion-vm.pleasant'], null);

    const twice = await s.volunteer.post(`/${T.slug}/enquete/papier/${s.id}`, { code: s.codes[0]!, ...form });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /Deze code is al gebruikt/);
    // The answers stay on the page, to enter again with the right code.
    assert.match(twice.body, /name="cohesion-vm.know_hardly" value="1" checked/);
    assert.equal((await responses()).length, 1);
  });

  it('refuses an unknown code and a personal code', async () => {
    const [personal] = await buildCodes(ctx.database.db, ctx.clock.now(), s.id, 'personal', 1);
    for (const code of ['ABCDE-FGHJK', personal!, '']) {
      const res = await s.volunteer.post(`/${T.slug}/enquete/papier/${s.id}`, { code, ...filledForm() });
      assert.equal(res.statusCode, 422, code);
      assert.match(res.body, /Deze code kennen we niet/);
    }
    const used = await ctx.database.db.selectFrom('survey_invitations').select('used').where('kind', '=', 'personal').execute();
    assert.deepEqual(used, [{ used: false }]);
  });

  it('records nothing of who entered a response', async () => {
    await s.volunteer.post(`/${T.slug}/enquete/papier/${s.id}`, { code: s.codes[1]!, ...filledForm() });
    const audit = await ctx.database.db.selectFrom('audit_log').selectAll().where('actor_user_id', '=', s.volunteerId).execute();
    assert.deepEqual(audit, []);
    for (const r of await responses()) assert.ok(!JSON.stringify(r).includes(s.volunteerId));
  });
});
