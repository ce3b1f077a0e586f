import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { listTaxonomies, listTerms, termIdsByCode } from './taxonomy.service.ts';
import { FUNCTIE } from './taxonomy.ts';
import { GRONINGEN, KRIMPEN, setupSocialmapTenants } from '../socialmap.test-support.ts';

const BASE = `/${KRIMPEN.slug}/sociale-kaart/beheer/categorieen`;

describe('social map categories page', () => {
  const ctx = useTestApp();
  const b = {} as { coordinator: TestBrowser };
  before(async () => {
    await setupSocialmapTenants(ctx.database.db);
    b.coordinator = new TestBrowser(ctx.app);
    await signInAs(ctx, b.coordinator, { tenantId: KRIMPEN.id, role: 'coordinator' });
  });

  it('lists the default categories, renames one and adds one, refusing empty names and other tenants’ taxonomies', async () => {
    const page = await b.coordinator.get(BASE);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Basisfuncties/);
    assert.match(page.body, /Rolstoeltoegankelijk/);
    // In English the taxonomy headings are English too.
    b.coordinator.cookies.set('lang', 'en');
    const english = await b.coordinator.get(BASE);
    b.coordinator.cookies.delete('lang');
    assert.match(english.body, /<h2 class="utrecht-heading-2" id="tax-[^"]+">Basic functions<\/h2>/);
    assert.doesNotMatch(english.body, /<h2 class="utrecht-heading-2" id="tax-[^"]+">Basisfuncties<\/h2>/);
    const id = (await termIdsByCode(ctx.database.db, KRIMPEN.id, [FUNCTIE.ontmoeting])).get(FUNCTIE.ontmoeting)!;
    assert.equal((await b.coordinator.get(`${BASE}/${id}`)).statusCode, 200);
    const renamed = await b.coordinator.post(`${BASE}/${id}`, { name: 'Ontmoeten', description: 'Samen zijn' });
    assert.equal(renamed.statusCode, 303);
    const terms = await listTerms(ctx.database.db, KRIMPEN.id, { taxonomyCode: 'functie' });
    assert.equal(terms.find((t) => t.id === id)?.name, 'Ontmoeten');
    assert.equal(terms.find((t) => t.id === id)?.code, FUNCTIE.ontmoeting, 'the code stays');

    await b.coordinator.get(`${BASE}/${id}`);
    const empty = await b.coordinator.post(`${BASE}/${id}`, { name: ' ', description: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Vul dit veld in/);

    const tax = (await listTaxonomies(ctx.database.db, KRIMPEN.id)).find((t) => t.code === 'doelgroep')!;
    await b.coordinator.get(BASE);
    assert.equal(
      (await b.coordinator.post(BASE, { taxonomy_id: tax.id, name: 'Statushouders', description: 'Mensen met een verblijfsvergunning' }))
        .statusCode,
      303,
    );
    assert.ok((await listTerms(ctx.database.db, KRIMPEN.id, { taxonomyCode: 'doelgroep' })).some((t) => t.name === 'Statushouders'));
    const foreign = (await listTaxonomies(ctx.database.db, GRONINGEN.id))[0]!;
    await b.coordinator.get(BASE);
    const bad = await b.coordinator.post(BASE, { taxonomy_id: foreign.id, name: 'X' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Deze indeling kennen we niet/);
  });

  it('links to the HSDS import only for those who may import: the coordinator, not the admin', async () => {
    const importLink = `href="/${KRIMPEN.slug}/sociale-kaart/beheer/import"`;
    assert.ok((await b.coordinator.get(BASE)).body.includes(importLink));
    const admin = new TestBrowser(ctx.app);
    await signInAs(ctx, admin, { tenantId: KRIMPEN.id, role: 'admin' });
    const page = await admin.get(BASE);
    assert.equal(page.statusCode, 200, 'the admin manages the categories');
    assert.ok(!page.body.includes(importLink), 'no link to a page that would answer 403');
    assert.equal((await admin.get(`/${KRIMPEN.slug}/sociale-kaart/beheer/import`)).statusCode, 403);
  });

  it('keeps an English name beside the Dutch one: defaults have both, the coordinator edits it, English pages show it', async () => {
    const db = ctx.database.db;
    const id = (await termIdsByCode(db, KRIMPEN.id, [FUNCTIE.signalering])).get(FUNCTIE.signalering)!;
    let term = (await listTerms(db, KRIMPEN.id, { ids: [id] }))[0]!;
    assert.equal(term.name, 'Een oogje in het zeil', 'a plain Dutch name instead of "Signalering"');
    assert.equal(term.name_en, 'Keeping an eye out');
    const form = await b.coordinator.get(`${BASE}/${id}`);
    assert.match(form.body, /name="name_en"[^>]*value="Keeping an eye out"/);
    const saved = await b.coordinator.post(`${BASE}/${id}`, {
      name: 'Oogje in het zeil',
      description: '',
      name_en: 'Looking out for each other',
      description_en: 'Neighbours who notice worries.',
    });
    assert.equal(saved.statusCode, 303);
    term = (await listTerms(db, KRIMPEN.id, { ids: [id] }))[0]!;
    assert.equal(term.name_en, 'Looking out for each other');
    assert.equal(term.description_en, 'Neighbours who notice worries.');
    // A form without the English fields leaves them as they are.
    await b.coordinator.get(`${BASE}/${id}`);
    await b.coordinator.post(`${BASE}/${id}`, { name: 'Oogje in het zeil', description: '' });
    assert.equal((await listTerms(db, KRIMPEN.id, { ids: [id] }))[0]!.name_en, 'Looking out for each other');
    // The resident search page shows the English names to an English reader, the Dutch ones otherwise.
    const reader = new TestBrowser(ctx.app);
    const nl = await reader.get(`/${KRIMPEN.slug}/sociale-kaart`);
    assert.match(nl.body, /Oogje in het zeil/);
    assert.match(nl.body, /Vragen en advies/);
    await reader.get('/taal/en');
    const en = await reader.get(`/${KRIMPEN.slug}/sociale-kaart`);
    assert.match(en.body, /Looking out for each other/);
    assert.match(en.body, /Questions and advice/);
    assert.match(en.body, /Wheelchair accessible/);
    assert.match(en.body, /Everyone/);
    assert.doesNotMatch(en.body, /Rolstoeltoegankelijk|Vragen en advies/);
  });

  it('answers 404 for an unknown or malformed term, 403 for residents', async () => {
    assert.equal((await b.coordinator.get(`${BASE}/not-a-uuid`)).statusCode, 404);
    assert.equal((await b.coordinator.get(`${BASE}/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: KRIMPEN.id, role: 'resident' });
    assert.equal((await resident.get(BASE)).statusCode, 403);
  });
});
