/**
 * Search words (synonyms) per municipality: the coordinators' page (policy, CSRF, audit, field
 * messages), the search using them, and the search hint's example words finding something in the
 * demo of every municipality (issue 12, usability review problem 2).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { expandWithSynonyms, listSynonyms } from './find.synonyms.service.ts';
import { messages } from './find.messages.ts';
import { addService } from './find.test-support.ts';
import { KRIMPEN, setupSocialmapTenants } from '../socialmap.test-support.ts';

const BASE = `/${KRIMPEN.slug}/sociale-kaart/beheer/zoekwoorden`;
const SEARCH = `/${KRIMPEN.slug}/sociale-kaart`;

describe('search words (synonyms)', () => {
  it('expands whole words only, each alternative once, never the text itself', () => {
    const list = [
      { word: 'koffie', alternatives: ['inloop', 'huiskamer'] },
      { word: 'samen eten', alternatives: ['eettafel'] },
    ];
    assert.deepEqual(expandWithSynonyms('Koffie', list), ['inloop', 'huiskamer']);
    assert.deepEqual(expandWithSynonyms('samen eten in de buurt', list), ['eettafel in de buurt']);
    assert.deepEqual(expandWithSynonyms('koffieochtend', list), [], 'not inside another word');
    assert.deepEqual(expandWithSynonyms('eten', list), [], 'not a part of a phrase');
    assert.deepEqual(expandWithSynonyms('', list), []);
  });

  describe('the coordinators’ page and the search', () => {
    const ctx = useTestApp();
    const b = {} as { coordinator: TestBrowser; professional: TestBrowser };
    before(async () => {
      await setupSocialmapTenants(ctx.database.db);
      await addService(ctx.database.db, KRIMPEN.id, { name: 'Inloop De Brug', description: 'Binnenlopen voor een praatje.' });
      b.coordinator = new TestBrowser(ctx.app);
      b.professional = new TestBrowser(ctx.app);
      await signInAs(ctx, b.coordinator, { tenantId: KRIMPEN.id, role: 'coordinator' });
      await signInAs(ctx, b.professional, { tenantId: KRIMPEN.id, role: 'professional' });
    });

    it('is for coordinators and admins; others get 403, anonymous visitors are sent to sign in', async () => {
      assert.equal((await b.professional.get(BASE)).statusCode, 403);
      const anonymous = await ctx.app.inject({ method: 'GET', url: BASE });
      assert.ok([302, 303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
      const admin = new TestBrowser(ctx.app);
      await signInAs(ctx, admin, { tenantId: KRIMPEN.id, role: 'admin' });
      assert.equal((await admin.get(BASE)).statusCode, 200);
    });

    it('adds a word, which the search then uses; refuses a post without the CSRF token; audits every change', async () => {
      const before = await ctx.app.inject({ method: 'GET', url: `${SEARCH}?q=koffie` });
      assert.match(before.body, /We hebben niets gevonden/, 'without the synonym "koffie" finds nothing');

      await b.coordinator.get(BASE);
      const forged = await ctx.app.inject({
        method: 'POST',
        url: BASE,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [...b.coordinator.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
        payload: 'word=koffie&alternatives=inloop',
      });
      assert.equal(forged.statusCode, 403, 'no CSRF token');
      assert.equal((await listSynonyms(ctx.database.db, KRIMPEN.id)).length, 0);

      const added = await b.coordinator.post(BASE, { word: 'Koffie', alternatives: 'inloop, huiskamer' });
      assert.equal(added.statusCode, 303);
      const list = await listSynonyms(ctx.database.db, KRIMPEN.id);
      assert.deepEqual(
        list.map((s) => [s.word, s.alternatives]),
        [['koffie', ['inloop', 'huiskamer']]],
      );
      const page = await b.coordinator.get(`${BASE}?klaar=opgeslagen`);
      assert.match(page.body, /Het zoekwoord is opgeslagen/);
      assert.match(page.body, /<td[^>]*>koffie<\/td><td[^>]*>inloop, huiskamer<\/td>/);

      const after = await ctx.app.inject({ method: 'GET', url: `${SEARCH}?q=koffie` });
      assert.match(after.body, /Inloop De Brug/, 'with the synonym "koffie" finds the walk-in');

      const id = list[0]!.id;
      await b.coordinator.get(`${BASE}/${id}`);
      assert.equal((await b.coordinator.post(`${BASE}/${id}`, { word: 'koffie', alternatives: 'huiskamer' })).statusCode, 303);
      const narrowed = await ctx.app.inject({ method: 'GET', url: `${SEARCH}?q=koffie` });
      assert.doesNotMatch(narrowed.body, /Inloop De Brug/);

      await b.coordinator.get(BASE);
      assert.equal((await b.coordinator.post(`${BASE}/${id}/weghalen`, {})).statusCode, 303);
      assert.equal((await listSynonyms(ctx.database.db, KRIMPEN.id)).length, 0);

      const audit = await ctx.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('entity', '=', 'socialmap_synonym')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'update', 'delete'],
      );
      assert.ok(audit.every((a) => a.entity_id === id));
    });

    it('shows what is wrong beside the fields and keeps what was typed (422)', async () => {
      await b.coordinator.get(BASE);
      await b.coordinator.post(BASE, { word: 'bingo', alternatives: 'soos' });
      await b.coordinator.get(BASE);
      const twice = await b.coordinator.post(BASE, { word: 'Bingo', alternatives: 'sjoelen' });
      assert.equal(twice.statusCode, 422);
      assert.match(twice.body, /Dit woord staat al in de lijst/);
      assert.match(twice.body, /value="sjoelen"/);
      await b.coordinator.get(BASE);
      const empty = await b.coordinator.post(BASE, { word: 'x', alternatives: ' , ' });
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /Vul een woord in van 2 tot 60 tekens/);
      assert.match(empty.body, /Vul 1 tot 10 andere woorden in/);
      assert.equal((await b.coordinator.get(`${BASE}/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
    });
  });

  describe('the example words of the search hint, in the demo', () => {
    // The demo data, seeded once per run into a template (test/helpers/db.ts).
    const ctx = useTestApp({}, { demo: true });
    before(async () => {});

    it('every example word finds something in every demo municipality', async () => {
      const hint: string = messages['socialmap.find.form.wordsHint'];
      const words = hint
        .replace(/^Bijvoorbeeld:\s*/, '')
        .replace(/\.$/, '')
        .split(',')
        .map((w) => w.trim());
      assert.ok(words.length >= 3, hint);
      for (const slug of ['krimpen-aan-den-ijssel', 'heerhugowaard', 'groningen']) {
        const form = await ctx.app.inject({ method: 'GET', url: `/${slug}/sociale-kaart` });
        assert.ok(form.body.includes(hint), 'the page shows these words');
        for (const word of words) {
          const res = await ctx.app.inject({ method: 'GET', url: `/${slug}/sociale-kaart?q=${encodeURIComponent(word)}` });
          assert.equal(res.statusCode, 200);
          assert.match(res.body, /resulta(at|ten) gevonden/, `${slug}: "${word}" finds something`);
        }
      }
    });

    it('"samen eten", "eenzaam" and "bingo" find something where the demo has it', async () => {
      for (const [slug, q] of [
        ['krimpen-aan-den-ijssel', 'samen eten'],
        ['heerhugowaard', 'samen eten'],
        ['groningen', 'eenzaam'],
        ['krimpen-aan-den-ijssel', 'bingo'],
      ] as const) {
        const res = await ctx.app.inject({ method: 'GET', url: `/${slug}/sociale-kaart?q=${encodeURIComponent(q)}` });
        assert.match(res.body, /resulta(at|ten) gevonden/, `${slug}: "${q}"`);
      }
    });
  });
});
