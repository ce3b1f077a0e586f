import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { KRIMPEN } from '../../../../test/helpers/factories.ts';
import { signInWithRoles } from '../../../../test/helpers/people.ts';
import { refreshAreaSummaries } from '../../../../test/helpers/summaries.ts';
import { computeTenantResults, updateEvaluation } from '../evaluation.service.ts';
import { buildCard, buildResultsWorld, evaluationInput, registerForTest, who } from './results.test-support.ts';

const page = (ref: string) => `/${KRIMPEN.slug}/evaluaties/${ref}`;

describe('evaluation results: the result page, the project card and the neighbourhood page (no JavaScript)', () => {
  const ctx = useTestApp();
  let cardId = '';
  let published = '';
  let draft = '';

  before(async () => {
    const db = ctx.database.db;
    await buildResultsWorld(db);
    cardId = await buildCard(db);
    published = (await registerForTest(db, { cardId })).reference;
    draft = (await registerForTest(db, { cardId, titleNl: 'Concept over Oud-Krimpen', status: 'running', published: false })).reference;
    await computeTenantResults(db, KRIMPEN.id, ctx.clock.now());
  });

  it('shows a published result to anyone: question, sentence, chart with its table, placebo, method, areas', async () => {
    const res = await new TestBrowser(ctx.app).get(page(published));
    assert.equal(res.statusCode, 200, res.body);
    const html = res.body;
    assert.match(html, /Zijn bewoners van Oud-Krimpen actiever in de wijk/);
    assert.match(html, /In Oud-Krimpen steeg het cijfer ‘Actief in de wijk’ 5 procentpunten meer dan in vergelijkbare wijken/);
    assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="uitkomst-1-grafiek-title"/);
    assert.match(html, /<title id="uitkomst-1-grafiek-title">Actief in de wijk: gemiddelde per periode<\/title>/);
    assert.match(html, /<caption>De cijfers van de grafiek<\/caption>/);
    assert.match(html, /Controle: alsof een vergelijkingsgebied het project had/);
    assert.match(html, /<summary>Hoe rekenen we dit uit\?<\/summary>/);
    assert.match(html, /Boveneind/);
    assert.ok(html.includes(`href="/${KRIMPEN.slug}/programmas/buurtkamers/projecten/${cardId}"`), 'links its project card');
    assert.match(html, /vergelijkingsgebied/);
    assert.doesNotMatch(html, /<script/, 'no JavaScript needed');
    const english = await new TestBrowser(ctx.app).get(page(published), { cookie: 'lang=en' });
    assert.match(
      english.body,
      /In Oud-Krimpen, the figure ‘Active in the neighbourhood’ rose 5 percentage points more than in similar districts/,
    );
    assert.match(english.body, /<summary>How do we compute this\?<\/summary>/);
  });

  it('a draft is 404 for a visitor and a resident, shown to staff with a notice', async () => {
    assert.equal((await new TestBrowser(ctx.app).get(page(draft))).statusCode, 404);
    const resident = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, resident, [{ tenantId: KRIMPEN.id, role: 'volunteer' }]);
    assert.equal((await resident.get(page(draft))).statusCode, 404);
    const staff = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, staff, [{ tenantId: KRIMPEN.id, role: 'professional' }]);
    const res = await staff.get(page(draft));
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Niet gepubliceerd: alleen medewerkers/);
    assert.equal((await new TestBrowser(ctx.app).get(page('EVA-2024-9999'))).statusCode, 404);
    assert.equal((await new TestBrowser(ctx.app).get(`/${KRIMPEN.slug}/evaluaties/..%2Fbeheer`)).statusCode, 404);
  });

  it('the project card shows the published evaluation with its sentence and link; staff also the draft and "Evaluatie opzetten"', async () => {
    const db = ctx.database.db;
    const card = `/${KRIMPEN.slug}/programmas/buurtkamers/projecten/${cardId}`;
    const visitor = await new TestBrowser(ctx.app).get(card);
    assert.equal(visitor.statusCode, 200, visitor.body);
    assert.match(visitor.body, /<h2 class="utrecht-heading-2" id="evaluatie">Evaluatie<\/h2>/);
    assert.match(visitor.body, /In Oud-Krimpen steeg het cijfer/);
    assert.ok(visitor.body.includes(`href="${page(published)}"`));
    assert.ok(!visitor.body.includes(draft), 'no draft for a visitor');
    assert.ok(!visitor.body.includes('evaluaties/nieuw'), 'no set-up link for a visitor');
    const coordinator = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, coordinator, [{ tenantId: KRIMPEN.id, role: 'coordinator' }]);
    const staff = await coordinator.get(card);
    assert.ok(staff.body.includes(`href="${page(draft)}"`));
    assert.ok(staff.body.includes(`href="/${KRIMPEN.slug}/evaluaties/nieuw?kaart=${cardId}"`));
    assert.match(staff.body, /Evaluatie opzetten/);
    void db;
  });

  it('the neighbourhood page lists the published evaluation of the wijk', async () => {
    await refreshAreaSummaries(ctx.app, KRIMPEN.id);
    const res = await new TestBrowser(ctx.app).get(`/${KRIMPEN.slug}/wijken/WK054201`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Wat werkt hier\?/);
    assert.match(res.body, /In Oud-Krimpen steeg het cijfer/);
    assert.ok(res.body.includes(`href="${page(published)}"`));
    assert.ok(!res.body.includes(draft));
    const other = await new TestBrowser(ctx.app).get(`/${KRIMPEN.slug}/wijken/WK054203`);
    assert.doesNotMatch(other.body, /Wat werkt hier\?/);
  });

  it('public pages do not change at all when a draft changes', async () => {
    const db = ctx.database.db;
    const urls = [page(published), `/${KRIMPEN.slug}/programmas/buurtkamers/projecten/${cardId}`, `/${KRIMPEN.slug}/wijken/WK054201`];
    const before = await Promise.all(urls.map(async (u) => (await new TestBrowser(ctx.app).get(u)).body));
    await updateEvaluation(
      db,
      who(KRIMPEN.id, ['coordinator']),
      KRIMPEN.id,
      draft,
      evaluationInput({ cardId, titleNl: 'Concept, nu anders', questionNl: 'Een andere vraag?', status: 'running', published: false }),
    );
    await computeTenantResults(db, KRIMPEN.id, ctx.clock.now());
    await refreshAreaSummaries(ctx.app, KRIMPEN.id);
    const after = await Promise.all(urls.map(async (u) => (await new TestBrowser(ctx.app).get(u)).body));
    for (const [i, u] of urls.entries()) assert.equal(after[i], before[i], u);
  });
});
