import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { createSignal } from '../signals.service.ts';
import { GRONINGEN, KRIMPEN, KRIMPEN_POINT, newSignal, setupTenant, type TenantFixture } from '../signals.test-support.ts';

const B = `/${KRIMPEN.slug}/beheer/meldingen`;
const PAGES = ['', '/categorieen', '/categorieen/nieuw', '/routering', '/teksten'];

describe('signals settings pages', () => {
  const ctx = useTestApp();
  let k: TenantFixture;
  let g: TenantFixture;
  let coord: TestBrowser;
  let admin: TestBrowser;
  const db = () => ctx.database.db;
  const catId = async (tenantId: string, code: string) =>
    (
      await db()
        .selectFrom('signals_categories')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('service_code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;

  before(async () => {
    k = await setupTenant(db(), KRIMPEN);
    g = await setupTenant(db(), GRONINGEN);
    coord = new TestBrowser(ctx.app);
    await signInAs(ctx, coord, { tenantId: KRIMPEN.id, role: 'coordinator' });
    admin = new TestBrowser(ctx.app);
    await signInAs(ctx, admin, { tenantId: KRIMPEN.id, role: 'admin' });
    // Routing may only point at an organisation where someone picks signals up.
    for (const organisationId of [k.welfare, k.housing]) {
      await signInAs(ctx, new TestBrowser(ctx.app), { tenantId: KRIMPEN.id, role: 'professional', organisationId });
    }
  });

  it('every page answers 200 for coordinators and administrators, and is refused to others', async () => {
    for (const p of PAGES) {
      assert.equal((await coord.get(B + p)).statusCode, 200, `coordinator ${p}`);
      assert.equal((await admin.get(B + p)).statusCode, 200, `admin ${p}`);
    }
    const cat = `/categorieen/${k.categories.get('verlichting')}`;
    assert.equal((await coord.get(B + cat)).statusCode, 200);
    assert.equal((await coord.get(`${B}${cat}/vragen/paalnummer`)).statusCode, 200);
    const anon = new TestBrowser(ctx.app);
    assert.ok([401, 302, 303].includes((await anon.get(B)).statusCode));
    for (const role of ['professional', 'resident', 'volunteer'] as const) {
      const b = new TestBrowser(ctx.app);
      await signInAs(ctx, b, { tenantId: KRIMPEN.id, role });
      for (const p of [...PAGES, cat]) assert.equal((await b.get(B + p)).statusCode, 403, `${role} ${p}`);
    }
    const other = new TestBrowser(ctx.app);
    await signInAs(ctx, other, { tenantId: GRONINGEN.id, role: 'coordinator' });
    assert.equal((await other.get(B)).statusCode, 403, 'coordinator of another tenant');
    const hub = await admin.get(B);
    for (const link of ['/categorieen', '/routering', '/teksten', '/termijnen', '/terugkoppeling']) {
      assert.ok(hub.body.includes(`href="${B}${link}"`), link);
    }
    assert.ok(hub.body.includes(`/${KRIMPEN.slug}/beheer/open311`));
  });

  it('ids of another tenant answer 404 and change nothing', async () => {
    const foreignCat = g.categories.get('verlichting')!;
    assert.equal((await coord.get(`${B}/categorieen/${foreignCat}`)).statusCode, 404);
    await coord.get(`${B}/categorieen`);
    assert.equal((await coord.post(`${B}/categorieen/${foreignCat}/verwijderen`, {})).statusCode, 404);
    assert.equal(
      (await coord.post(`${B}/categorieen/${foreignCat}`, { name: 'x', groupId: foreignCat, deadlineDays: '1', position: '0' })).statusCode,
      404,
    );
    assert.equal((await coord.get(`${B}/categorieen/niet-een-id`)).statusCode, 404);
    const foreignRule = (
      await db().selectFrom('signals_routing_rules').select('id').where('tenant_id', '=', GRONINGEN.id).executeTakeFirstOrThrow()
    ).id;
    for (const p of ['omhoog', 'omlaag', 'verwijderen']) {
      assert.equal((await coord.post(`${B}/routering/${foreignRule}/${p}`, {})).statusCode, 404);
    }
    assert.ok(await db().selectFrom('signals_routing_rules').select('id').where('id', '=', foreignRule).executeTakeFirst());
    const r = await coord.post(`${B}/routering`, { target: `categorie:${foreignCat}`, area: '', organisationId: g.municipality });
    assert.equal(r.statusCode, 422);
    const t = await coord.post(`${B}/teksten`, { state: 'afgehandeld', categoryId: foreignCat, text: 'x' });
    assert.equal(t.statusCode, 422);
    const desk = await coord.post(`${B}/standaardloket`, { organisationId: g.municipality });
    assert.equal(desk.statusCode, 422);
  });

  it('adds a group and a category with a question and hard stop; the report form shows them and the hard stop works', async () => {
    await coord.get(`${B}/categorieen`);
    assert.equal((await coord.post(`${B}/groepen`, { code: 'water', name: 'Water', description: 'Sloten en vijvers' })).statusCode, 303);
    const groupId = (
      await db()
        .selectFrom('signals_category_groups')
        .select('id')
        .where('tenant_id', '=', KRIMPEN.id)
        .where('code', '=', 'water')
        .executeTakeFirstOrThrow()
    ).id;
    await coord.get(`${B}/categorieen/nieuw`);
    const bad = await coord.post(`${B}/categorieen/nieuw`, {
      name: 'Dode vis',
      serviceCode: 'Dode Vis!',
      groupId,
      deadlineDays: '400',
      position: '0',
      active: '1',
    });
    assert.equal(bad.statusCode, 422);
    assert.ok(bad.body.includes('kleine letters'));
    assert.ok(bad.body.includes('0 tot en met 365'));
    const dup = await coord.post(`${B}/categorieen/nieuw`, {
      name: 'Lampen',
      serviceCode: 'verlichting',
      groupId,
      deadlineDays: '3',
      position: '0',
      active: '1',
    });
    assert.equal(dup.statusCode, 422);
    assert.ok(dup.body.includes('Deze code bestaat al'));
    const ok = await coord.post(`${B}/categorieen/nieuw`, {
      name: 'Dode vis',
      serviceCode: 'dode-vis',
      groupId,
      deadlineDays: '2',
      position: '0',
      active: '1',
    });
    assert.equal(ok.statusCode, 303);
    const id = await catId(KRIMPEN.id, 'dode-vis');
    const page = `${B}/categorieen/${id}`;
    await coord.get(page);
    const badQ = await coord.post(`${page}/vragen`, {
      key: 'gif',
      label: 'Ruikt het vreemd?',
      type: 'select',
      options: 'Ja\nNee',
      hardStopAnswer: 'Misschien',
      hardStopMessage: 'Bel 112',
    });
    assert.equal(badQ.statusCode, 422);
    assert.ok(badQ.body.includes('een van de antwoorden'));
    const badYes = await coord.post(`${page}/vragen`, {
      key: 'gif',
      label: 'Gevaar?',
      type: 'yesno',
      hardStopAnswer: 'misschien',
      hardStopMessage: 'Bel 112',
    });
    assert.equal(badYes.statusCode, 422);
    assert.equal(
      (
        await coord.post(`${page}/vragen`, {
          key: 'gevaar',
          label: 'Is er nu gevaar voor mensen?',
          type: 'yesno',
          required: '1',
          hardStopAnswer: 'ja',
          hardStopMessage: 'Bel meteen 112 als er gevaar is.',
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (await coord.post(`${page}/vragen`, { key: 'hoeveel', label: 'Hoeveel vissen ziet u?', type: 'select', options: 'Een paar\nVeel' }))
        .statusCode,
      303,
    );
    const dupKey = await coord.post(`${page}/vragen`, { key: 'gevaar', label: 'Nog eens', type: 'text' });
    assert.equal(dupKey.statusCode, 422);
    assert.ok(dupKey.body.includes('al een vraag met deze sleutel'));
    assert.equal((await coord.post(`${page}/vragen/hoeveel/omhoog`, {})).statusCode, 303);
    let row = await db().selectFrom('signals_categories').select('questions').where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(
      row.questions.map((q) => q.key),
      ['hoeveel', 'gevaar'],
    );
    assert.equal(
      (await coord.post(`${page}/vragen/hoeveel`, { label: 'Hoeveel dode vissen?', type: 'select', options: 'Een paar\nVeel\nHonderden' }))
        .statusCode,
      303,
    );
    row = await db().selectFrom('signals_categories').select('questions').where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row.questions[0]!.options, ['Een paar', 'Veel', 'Honderden']);

    const resident = new TestBrowser(ctx.app);
    const form = await resident.get(`/${KRIMPEN.slug}/meldingen/nieuw/dode-vis`);
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes('Is er nu gevaar voor mensen?'));
    assert.ok(form.body.includes('Hoeveel dode vissen?'));
    const sid = /name="submissionId" value="([^"]+)"/.exec(form.body)![1]!;
    const before = (await db().selectFrom('signals_signals').select('id').execute()).length;
    const stop = await resident.post(`/${KRIMPEN.slug}/meldingen/nieuw/dode-vis`, {
      submissionId: sid,
      answer_gevaar: 'ja',
      description: 'Vis',
      address: 'Sloot',
    });
    assert.ok(stop.body.includes('Bel meteen 112 als er gevaar is.'));
    assert.equal((await db().selectFrom('signals_signals').select('id').execute()).length, before);
    const sent = await resident.post(`/${KRIMPEN.slug}/meldingen/nieuw/dode-vis`, {
      submissionId: sid,
      answer_gevaar: 'nee',
      answer_hoeveel: 'Veel',
      description: 'Vis',
      address: 'Sloot',
      // A pin: a typed address alone must be found by the geocoder (no address table in tests).
      lat: String(KRIMPEN_POINT.latitude),
      lon: String(KRIMPEN_POINT.longitude),
    });
    assert.match(sent.body, /id="meldingsnummer"/);

    // Deleting a category with signals is refused; deactivating works and hides it.
    const del = await coord.post(`${page}/verwijderen`, {});
    assert.equal(del.statusCode, 409);
    assert.ok(del.body.includes('niet actief'));
    assert.equal(
      (await coord.post(page, { name: 'Dode vis', description: '', groupId, deadlineDays: '2', position: '0' })).statusCode,
      303,
    );
    assert.equal((await resident.get(`/${KRIMPEN.slug}/meldingen/nieuw/dode-vis`)).statusCode, 404);
    // A category without signals can be deleted.
    await coord.post(`${B}/categorieen/nieuw`, {
      name: 'Leeg',
      serviceCode: 'leeg',
      groupId,
      deadlineDays: '2',
      position: '0',
      active: '1',
    });
    const leeg = await catId(KRIMPEN.id, 'leeg');
    assert.equal((await coord.post(`${B}/categorieen/${leeg}/verwijderen`, {})).statusCode, 303);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('tenant_id', '=', KRIMPEN.id)
      .where('entity', 'in', ['signal_category', 'signal_category_group'])
      .execute();
    for (const a of ['create', 'update', 'delete']) {
      assert.ok(
        audit.some((r) => r.action === a && r.entity === 'signal_category'),
        a,
      );
    }
    assert.ok(audit.some((r) => r.entity === 'signal_category_group'));
  });

  it('routing order decides where a new signal goes; the route tester shows the matching rule', async () => {
    const wijk = (
      await db()
        .selectFrom('signals_signals')
        .select('wijk_code')
        .where('tenant_id', '=', KRIMPEN.id)
        .where('wijk_code', 'is not', null)
        .executeTakeFirst()
    )?.wijk_code;
    const first = await createSignal(db(), newSignal({ category: { serviceCode: 'groen' }, idempotencyKey: 'cfg-1' }));
    assert.equal(first.signal.organisation_id, k.municipality, 'default desk');
    const area = first.signal.wijk_code ?? wijk!;
    await coord.get(`${B}/routering`);
    assert.equal((await coord.post(`${B}/routering`, { target: '', area: '', organisationId: k.welfare })).statusCode, 303);
    assert.equal(
      (await coord.post(`${B}/routering`, { target: `categorie:${k.categories.get('groen')}`, area, organisationId: k.housing }))
        .statusCode,
      303,
    );
    const rules = await db()
      .selectFrom('signals_routing_rules')
      .select(['id', 'position'])
      .where('tenant_id', '=', KRIMPEN.id)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      rules.map((r) => r.position),
      [10, 20, 30, 40],
    );
    const second = await createSignal(db(), newSignal({ category: { serviceCode: 'groen' }, idempotencyKey: 'cfg-2' }));
    assert.equal(second.signal.organisation_id, k.welfare, 'the catch-all rule matches first');
    const groenId = k.categories.get('groen')!;
    let test = await coord.get(`${B}/routering?categorie=${groenId}&gebied=${area}`);
    assert.match(test.body, /Regel 3 past als eerste/);
    assert.equal((await coord.post(`${B}/routering/${rules[3]!.id}/omhoog`, {})).statusCode, 303);
    const third = await createSignal(db(), newSignal({ category: { serviceCode: 'groen' }, idempotencyKey: 'cfg-3' }));
    assert.equal(third.signal.organisation_id, k.housing, 'after moving up, the area rule wins');
    test = await coord.get(`${B}/routering?categorie=${groenId}&gebied=${area}`);
    assert.match(test.body, /Regel 3 past als eerste/);
    assert.ok(test.body.includes('Wonen Krimpen aan den IJssel'));
    const bad = await coord.get(`${B}/routering?categorie=${groenId}&gebied=XX123`);
    assert.equal(bad.statusCode, 422);
    assert.equal((await coord.post(`${B}/routering/${rules[2]!.id}/verwijderen`, {})).statusCode, 303);
    const fourth = await createSignal(db(), newSignal({ category: { serviceCode: 'groen' }, ...KRIMPEN_POINT, idempotencyKey: 'cfg-4' }));
    assert.equal(fourth.signal.organisation_id, k.housing);
    const after = await db()
      .selectFrom('signals_routing_rules')
      .select('position')
      .where('tenant_id', '=', KRIMPEN.id)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      after.map((r) => r.position),
      [10, 20, 30],
    );
    assert.equal((await coord.post(`${B}/standaardloket`, { organisationId: k.welfare })).statusCode, 303);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('tenant_id', '=', KRIMPEN.id)
      .where('entity', 'in', ['signal_routing_rule', 'signal_settings'])
      .execute();
    assert.ok(audit.filter((a) => a.entity === 'signal_routing_rule').length >= 4);
    assert.ok(audit.some((a) => a.entity === 'signal_settings'));
  });

  it('standard texts: a category override is the prefill on the staff signal page; too long is refused', async () => {
    const groen = k.categories.get('groen')!;
    await coord.get(`${B}/teksten`);
    const long = await coord.post(`${B}/teksten`, { form: 'new', state: 'ingepland', categoryId: groen, text: 'x'.repeat(5001) });
    assert.equal(long.statusCode, 422);
    assert.ok(long.body.includes('5000 tekens'));
    assert.equal(
      (await coord.post(`${B}/teksten`, { state: 'gemeld', categoryId: '', text: 'x' })).statusCode,
      422,
      'no step goes to gemeld',
    );
    assert.equal(
      (
        await coord.post(`${B}/teksten`, {
          form: 'new',
          state: 'ingepland',
          categoryId: groen,
          text: 'De groenploeg komt <b>binnenkort</b>.',
        })
      ).statusCode,
      303,
    );
    const page = await coord.get(`${B}/teksten`);
    assert.ok(page.body.includes('De groenploeg komt &lt;b'));
    assert.ok(!page.body.includes('<b>binnenkort'), 'escaped');
    const s = await createSignal(db(), newSignal({ category: { serviceCode: 'groen' }, idempotencyKey: 'cfg-text' }));
    const staff = new TestBrowser(ctx.app);
    await signInAs(ctx, staff, { tenantId: KRIMPEN.id, role: 'coordinator' });
    const handle = await staff.get(`/${KRIMPEN.slug}/meldingen/behandelen/${s.signal.public_id}?naar=ingepland`);
    assert.equal(handle.statusCode, 200);
    assert.ok(handle.body.includes('De groenploeg komt &lt;b'));
    assert.equal((await coord.post(`${B}/teksten/verwijderen`, { state: 'ingepland', categoryId: groen })).statusCode, 303);
    assert.equal((await coord.post(`${B}/teksten/verwijderen`, { state: 'ingepland', categoryId: groen })).statusCode, 404);
    const again = await staff.get(`/${KRIMPEN.slug}/meldingen/behandelen/${s.signal.public_id}?naar=ingepland`);
    assert.ok(!again.body.includes('groenploeg'));
    const audit = await db().selectFrom('audit_log').select('action').where('entity', '=', 'signal_standard_text').execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['create', 'delete']);
  });
});
