import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { signInAs } from '../../../test/helpers/people.ts';
import { buildSignal } from '../../../test/helpers/factories.ts';
import { KRIMPEN, setupTenant } from './signals.test-support.ts';

const O311 = `/${KRIMPEN.slug}/open311/v2`;

/** English that is English: categories, groups, questions and answers carry an English text stored with the data (issue 12). */
describe('signals in English', () => {
  const ctx = useTestApp();
  before(async () => {
    await setupTenant(ctx.database.db, KRIMPEN);
  });
  const open311 = (path: string, lang?: string) =>
    ctx.app.inject({ method: 'GET', url: `${O311}/${path}`, headers: lang ? { 'accept-language': lang } : {} });

  it('stores the English texts with the demo categories, groups and questions', async () => {
    const cat = await ctx.database.db
      .selectFrom('signals_categories')
      .select(['name_en', 'description_en', 'questions'])
      .where('tenant_id', '=', KRIMPEN.id)
      .where('service_code', '=', 'afval')
      .executeTakeFirstOrThrow();
    assert.equal(cat.name_en, 'Waste');
    assert.equal(cat.questions[0]!.labelEn, 'What kind of waste is it?');
    assert.deepEqual(cat.questions[0]!.optionsEn, ['Litter', 'Full container', 'Bulky waste']);
  });

  it('the English report pages show categories, groups, questions and answers in English; answers keep their stored value', async () => {
    const b = new TestBrowser(ctx.app);
    await b.get('/taal/en?terug=/');
    const choose = await b.get(`/${KRIMPEN.slug}/meldingen`);
    assert.equal(choose.statusCode, 200);
    for (const en of ['Public space', 'Worried about a neighbour', 'Street lighting', 'Nuisance from neighbours']) {
      assert.ok(choose.body.includes(en), en);
    }
    assert.ok(!choose.body.includes('Openbare ruimte') && !choose.body.includes('Straatverlichting'), 'no Dutch names left');
    const form = await b.get(`/${KRIMPEN.slug}/meldingen/nieuw/afval`);
    assert.ok(form.body.includes('What kind of waste is it?'));
    assert.ok(form.body.includes('<option value="Grofvuil">Bulky waste</option>'), 'English label, Dutch stored value');
    const care = await b.get(`/${KRIMPEN.slug}/meldingen/nieuw/eenzaamheid`);
    assert.ok(care.body.includes('Does the person know you are reporting this?'));
    assert.ok(care.body.includes('<option value="Weet ik niet">I do not know</option>'));
    // Dutch pages stay Dutch.
    const nl = await new TestBrowser(ctx.app).get(`/${KRIMPEN.slug}/meldingen`);
    assert.ok(nl.body.includes('Straatverlichting') && !nl.body.includes('Street lighting'));
  });

  it('Open311 answers services and service definitions in the request’s language (Accept-Language or locale), Dutch by default', async () => {
    const byName = async (path: string, lang?: string) =>
      new Map(
        ((await open311(path, lang)).json() as { service_code: string; service_name: string; group: string }[]).map((s) => [
          s.service_code,
          s,
        ]),
      );
    const en = await byName('services.json', 'en');
    assert.equal(en.get('verlichting')!.service_name, 'Street lighting');
    assert.equal(en.get('verlichting')!.group, 'Public space');
    const param = await byName('services.json?locale=en');
    assert.equal(param.get('afval')!.service_name, 'Waste');
    const nl = await byName('services.json');
    assert.equal(nl.get('verlichting')!.service_name, 'Straatverlichting');
    assert.equal(nl.get('verlichting')!.group, 'Openbare ruimte');
    const definition = (await open311('services/afval.json', 'en')).json() as {
      attributes: { description: string; values: { key: string; name: string }[] }[];
    };
    assert.equal(definition.attributes[0]!.description, 'What kind of waste is it?');
    assert.deepEqual(definition.attributes[0]!.values[2], { key: 'Grofvuil', name: 'Bulky waste' });
    const dutch = (await open311('services/afval.json')).json() as { attributes: { description: string }[] };
    assert.equal(dutch.attributes[0]!.description, 'Wat voor afval is het?');
  });

  it('a coordinator edits a category’s English name and explanation; the English pages and Open311 use them', async () => {
    const coord = new TestBrowser(ctx.app);
    await signInAs(ctx, coord, { tenantId: KRIMPEN.id, role: 'coordinator' });
    const c = await ctx.database.db
      .selectFrom('signals_categories')
      .select(['id', 'group_id', 'deadline_days', 'position'])
      .where('tenant_id', '=', KRIMPEN.id)
      .where('service_code', '=', 'groen')
      .executeTakeFirstOrThrow();
    const page = `/${KRIMPEN.slug}/beheer/meldingen/categorieen/${c.id}`;
    const form = await coord.get(page);
    assert.ok(form.body.includes('name="nameEn"') && form.body.includes('value="Greenery"'), 'the English name is editable');
    const res = await coord.post(page, {
      name: 'Groen',
      description: 'Bomen en struiken.',
      nameEn: 'Trees and plants',
      descriptionEn: 'Trees and shrubs.',
      groupId: c.group_id,
      deadlineDays: String(c.deadline_days),
      position: String(c.position),
      active: '1',
    });
    assert.equal(res.statusCode, 303);
    const en = new TestBrowser(ctx.app);
    await en.get('/taal/en?terug=/');
    const choose = await en.get(`/${KRIMPEN.slug}/meldingen`);
    assert.ok(choose.body.includes('Trees and plants') && choose.body.includes('Trees and shrubs.'));
    const services = (await open311('services.json', 'en')).json() as { service_code: string; service_name: string }[];
    assert.equal(services.find((s) => s.service_code === 'groen')!.service_name, 'Trees and plants');
  });

  it('the tracking page, my signals and the staff list name the category in English on English pages', async () => {
    const resident = new TestBrowser(ctx.app);
    await resident.get('/taal/en?terug=/');
    const userId = await signInAs(ctx, resident, { tenantId: KRIMPEN.id, role: 'resident' });
    const token = (await buildSignal(ctx.database.db, { reporterUserId: userId, now: ctx.clock.now() })).trackingToken!;
    const track = await resident.get(`/${KRIMPEN.slug}/meldingen/volgen/${token}`);
    assert.equal(track.statusCode, 200);
    assert.ok(track.body.includes('<dd>Street lighting</dd>') && !track.body.includes('Straatverlichting'));
    const mine = await resident.get(`/${KRIMPEN.slug}/meldingen/mijn`);
    assert.ok(mine.body.includes('<td>Street lighting</td>') && !mine.body.includes('Straatverlichting'));
    const coord = new TestBrowser(ctx.app);
    await coord.get('/taal/en?terug=/');
    await signInAs(ctx, coord, { tenantId: KRIMPEN.id, role: 'coordinator' });
    const list = await coord.get(`/${KRIMPEN.slug}/meldingen/behandelen`);
    assert.ok(list.body.includes('Street lighting') && !list.body.includes('Straatverlichting'));
    // Dutch pages keep the Dutch name.
    const nl = await new TestBrowser(ctx.app).get(`/${KRIMPEN.slug}/meldingen/volgen/${token}`);
    assert.ok(nl.body.includes('<dd>Straatverlichting</dd>'));
  });
});
