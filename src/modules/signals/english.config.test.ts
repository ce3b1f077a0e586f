import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { signInAs } from '../../../test/helpers/people.ts';
import { buildSignal } from '../../../test/helpers/factories.ts';
import { systemPrincipal } from '../../platform/principal.ts';
import { transitionSignal } from './signals.service.ts';
import { KRIMPEN, setupTenant } from './signals.test-support.ts';

const CONFIG = `/${KRIMPEN.slug}/beheer/meldingen`;

/** Coordinators edit the English texts of groups, extra questions and standard texts (issue 12); English reporters get them. */
describe('signals in English: what coordinators edit', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  let coord: TestBrowser;
  before(async () => {
    await setupTenant(db(), KRIMPEN);
    coord = new TestBrowser(ctx.app);
    await signInAs(ctx, coord, { tenantId: KRIMPEN.id, role: 'coordinator' });
  });
  const english = async () => {
    const b = new TestBrowser(ctx.app);
    await b.get('/taal/en?terug=/');
    return b;
  };

  it('a coordinator edits a group’s English name and explanation; the English report page shows them, the Dutch one stays Dutch', async () => {
    const g = await db()
      .selectFrom('signals_category_groups')
      .selectAll()
      .where('tenant_id', '=', KRIMPEN.id)
      .where('name', '=', 'Openbare ruimte')
      .executeTakeFirstOrThrow();
    const list = await coord.get(`${CONFIG}/categorieen`);
    assert.ok(list.body.includes(`href="${CONFIG}/groepen/${g.id}"`), 'the categories page links to the group');
    const page = `${CONFIG}/groepen/${g.id}`;
    const form = await coord.get(page);
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes('name="nameEn"') && form.body.includes('value="Public space"'), 'the English name is editable');
    const fields = { name: g.name, description: g.description, descriptionEn: 'Streets, parks and lamps.' };
    // Bad input: the form again (422) with the message beside the field and what was typed.
    const bad = await coord.post(page, { ...fields, nameEn: 'x'.repeat(121) });
    assert.equal(bad.statusCode, 422);
    assert.ok(bad.body.includes('Streets, parks and lamps.'), 'what was typed is kept');
    assert.ok(bad.body.includes('Deze tekst is te lang. Maak hem korter.'), 'the message beside the field');
    assert.equal((await coord.get(`${CONFIG}/groepen/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
    const res = await coord.post(page, { ...fields, nameEn: 'Streets and parks' });
    assert.equal(res.statusCode, 303);
    const row = await db().selectFrom('signals_category_groups').selectAll().where('id', '=', g.id).executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.name, row.code, row.name_en, row.description_en],
      [g.name, g.code, 'Streets and parks', 'Streets, parks and lamps.'],
    );
    const choose = await (await english()).get(`/${KRIMPEN.slug}/meldingen`);
    assert.ok(choose.body.includes('Streets and parks') && choose.body.includes('Streets, parks and lamps.'));
    assert.ok(!choose.body.includes('Public space'), 'the old English name is gone');
    const nl = await new TestBrowser(ctx.app).get(`/${KRIMPEN.slug}/meldingen`);
    assert.ok(nl.body.includes('Openbare ruimte') && !nl.body.includes('Streets and parks'));
  });

  it('a coordinator edits a question’s English label and options; the English form shows them with the Dutch values; a wrong count is refused', async () => {
    const cat = await db()
      .selectFrom('signals_categories')
      .select(['id', 'questions'])
      .where('tenant_id', '=', KRIMPEN.id)
      .where('service_code', '=', 'afval')
      .executeTakeFirstOrThrow();
    const q = cat.questions[0]!;
    assert.equal(q.type, 'select');
    const page = `${CONFIG}/categorieen/${cat.id}/vragen/${q.key}`;
    const form = await coord.get(page);
    assert.ok(form.body.includes('name="labelEn"') && form.body.includes(`value="${q.labelEn}"`), 'the English label is editable');
    assert.ok(form.body.includes('Bulky waste'), 'the English options are shown');
    const fields = {
      label: q.label,
      type: 'select',
      required: q.required ? '1' : '',
      options: q.options!.join('\n'),
      hardStopAnswer: q.hardStop?.answer ?? '',
      hardStopMessage: q.hardStop?.message ?? '',
      labelEn: 'Which kind of rubbish?',
    };
    // One English option too few: refused beside the field, nothing stored.
    const bad = await coord.post(page, { ...fields, optionsEn: 'Litter\nLarge items' });
    assert.equal(bad.statusCode, 422);
    assert.ok(bad.body.includes('Vul even veel Engelse als Nederlandse antwoorden in'), 'a clear message');
    assert.ok(bad.body.includes('Which kind of rubbish?'), 'what was typed is kept');
    const wrongType = await coord.post(page, { ...fields, type: 'text', options: '', optionsEn: 'Litter' });
    assert.equal(wrongType.statusCode, 422);
    assert.ok(wrongType.body.includes('Engelse antwoorden horen alleen bij'));
    const unchanged = await db().selectFrom('signals_categories').select('questions').where('id', '=', cat.id).executeTakeFirstOrThrow();
    assert.deepEqual(unchanged.questions[0], q);

    const res = await coord.post(page, { ...fields, optionsEn: 'Litter\nFull bin\nLarge items' });
    assert.equal(res.statusCode, 303);
    const stored = (await db().selectFrom('signals_categories').select('questions').where('id', '=', cat.id).executeTakeFirstOrThrow())
      .questions[0]!;
    assert.deepEqual(stored.options, q.options, 'the Dutch options (the stored answers) stay');
    assert.equal(stored.labelEn, 'Which kind of rubbish?');
    assert.deepEqual(stored.optionsEn, ['Litter', 'Full bin', 'Large items']);
    const en = await (await english()).get(`/${KRIMPEN.slug}/meldingen/nieuw/afval`);
    assert.ok(en.body.includes('Which kind of rubbish?'));
    assert.ok(en.body.includes(`<option value="${q.options![2]}">Large items</option>`), 'English label, Dutch stored value');
    const nl = await new TestBrowser(ctx.app).get(`/${KRIMPEN.slug}/meldingen/nieuw/afval`);
    assert.ok(nl.body.includes(q.label) && !nl.body.includes('Which kind of rubbish?'));
  });

  it('an English standard text reaches an English reporter’s mail and tracking page; a Dutch reporter gets the Dutch one', async () => {
    const page = `${CONFIG}/teksten`;
    const nlText = 'Uw melding is afgehandeld. Dank u wel!';
    const enText = 'Your report has been dealt with. Thank you!';
    const tooLong = await coord.post(page, { state: 'afgehandeld', categoryId: '', text: nlText, textEn: 'x'.repeat(5001) });
    assert.equal(tooLong.statusCode, 422);
    const res = await coord.post(page, { state: 'afgehandeld', categoryId: '', text: nlText, textEn: enText });
    assert.equal(res.statusCode, 303);
    assert.ok((await coord.get(page)).body.includes(enText), 'the English text is on the settings page');

    const reporters = {
      en: await buildSignal(db(), { locale: 'en', reporter: { email: 'english.reporter@test.nl', name: 'Mr Reporter' } }),
      nl: await buildSignal(db(), { locale: 'nl', reporter: { email: 'dutch.reporter@test.nl', name: 'Mevrouw Melder' } }),
    };
    // Staff closing by hand get the standard text in the reporter's language to start from.
    for (const [lang, created] of Object.entries(reporters)) {
      const handle = await coord.get(`/${KRIMPEN.slug}/meldingen/behandelen/${created.signal.public_id}?naar=afgehandeld`);
      assert.ok(handle.body.includes(lang === 'en' ? enText : nlText), `${lang}: prefill in the reporter's language`);
      assert.equal(handle.body.includes('De melder heeft in het Engels gemeld'), lang === 'en', `${lang}: staff are told`);
    }
    // A closure by the system (no person) sends the standard text.
    const now = ctx.clock.now();
    for (const created of Object.values(reporters)) {
      await transitionSignal(db(), {
        tenantId: KRIMPEN.id,
        signalId: created.signal.id,
        to: 'afgehandeld',
        actorUserId: null,
        reason: 'open311',
        locale: 'nl',
        links: { baseUrl: 'http://localhost:3000', tenantSlug: KRIMPEN.slug },
        now,
        principal: systemPrincipal(KRIMPEN.id, now),
      });
    }
    const mailTo = (to: string) =>
      db()
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_address', '=', to)
        .where('text_body', 'like', '%Thank you!%')
        .union(db().selectFrom('mail_outbox').selectAll().where('to_address', '=', to).where('text_body', 'like', '%Dank u wel!%'))
        .execute();
    const enMails = await mailTo('english.reporter@test.nl');
    assert.equal(enMails.length, 1);
    assert.ok(enMails[0]!.text_body.includes(enText) && !enMails[0]!.text_body.includes(nlText));
    assert.equal(enMails[0]!.locale, 'en', 'the whole mail is in English');
    const nlMails = await mailTo('dutch.reporter@test.nl');
    assert.equal(nlMails.length, 1);
    assert.ok(nlMails[0]!.text_body.includes(nlText) && !nlMails[0]!.text_body.includes(enText));
    assert.equal(nlMails[0]!.locale, 'nl');

    const enTrack = await (await english()).get(`/${KRIMPEN.slug}/meldingen/volgen/${reporters.en.trackingToken}`);
    assert.ok(enTrack.body.includes(enText) && !enTrack.body.includes(nlText));
    const nlTrack = await new TestBrowser(ctx.app).get(`/${KRIMPEN.slug}/meldingen/volgen/${reporters.nl.trackingToken}`);
    assert.ok(nlTrack.body.includes(nlText) && !nlTrack.body.includes(enText));
  });
});
