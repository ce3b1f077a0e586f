import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { GRONINGEN, KRIMPEN, TEST_NOW, buildTenant } from '../../../../test/helpers/factories.ts';
import { computeEvaluationResults, publishEvaluation, updateEvaluation } from '../evaluation.service.ts';
import { createIntervention, updateIntervention } from '../library/library.service.ts';
import { buildResultsWorld, evaluationInput, registerForTest, who } from '../results/results.test-support.ts';
import { installationLearning, municipalityLearning } from './learning.service.ts';

/** A card as the library takes it. */
const card = (slug: string, titleNl: string) => ({ slug, titleNl, effectNl: 'Nog niet gemeten.', whatNl: `Wat ${titleNl} doet.` });

describe('learning together', () => {
  const ctx = useTestApp();
  const coordinator = () => who(KRIMPEN.id, ['coordinator']);
  let shared = { id: '', reference: '' };
  let draft = { id: '', reference: '' };
  let hidden = { id: '', reference: '' };

  before(async () => {
    const db = ctx.database.db;
    await buildResultsWorld(db); // Krimpen: six wijken, figures 2022-2025, municipality A
    await buildTenant(db, GRONINGEN); // municipality B, nothing published
    shared = await registerForTest(db, { titleNl: 'Gedeeld experiment' });
    draft = await registerForTest(db, { titleNl: 'Geheim concept', status: 'draft', published: false });
    hidden = await registerForTest(db, { titleNl: 'Loopt maar niet gedeeld', published: false });
    for (const e of [shared, hidden]) await computeEvaluationResults(db, KRIMPEN.id, e.id, TEST_NOW);
    await createIntervention(db, coordinator(), KRIMPEN.id, card('gedeelde-kaart', 'Gedeelde kaart'), { published: true });
    await createIntervention(db, coordinator(), KRIMPEN.id, card('geheime-kaart', 'Geheime kaart'));
  });

  it('a municipality page: residents see published experiments with their result; staff see every one', async () => {
    const db = ctx.database.db;
    const resident = await municipalityLearning(db, who(KRIMPEN.id), KRIMPEN.id, 'nl');
    assert.deepEqual(
      resident.experiments.map((e) => e.title),
      ['Gedeeld experiment'],
    );
    const [e] = resident.experiments;
    assert.equal(e!.status, 'running');
    assert.deepEqual(e!.intervention, ['Oud-Krimpen']);
    assert.equal(e!.comparison.length, 5);
    assert.match(e!.outcomes[0]!.sentence ?? '', /Oud-Krimpen/);
    assert.deepEqual(
      resident.cards.map((c) => c.title),
      ['Gedeelde kaart'],
    );

    const staff = await municipalityLearning(db, coordinator(), KRIMPEN.id, 'nl');
    assert.deepEqual(staff.experiments.map((x) => [x.title, x.status, x.published]).sort(), [
      ['Gedeeld experiment', 'running', true],
      ['Geheim concept', 'draft', false],
      ['Loopt maar niet gedeeld', 'running', false],
    ]);
    assert.deepEqual(
      staff.cards.map((c) => c.title),
      ['Gedeelde kaart'],
      'the page lists published cards only',
    );
    assert.deepEqual((await municipalityLearning(db, who(GRONINGEN.id), GRONINGEN.id, 'nl')).experiments, [], 'scoped to the municipality');
  });

  it('across the installation: only what each municipality published, never a draft or an unpublished card', async () => {
    const all = await installationLearning(ctx.database.db, TEST_NOW, 'nl');
    assert.deepEqual(
      all.map((m) => m.name),
      ['Groningen', 'Krimpen aan den IJssel'],
    );
    const krimpen = all.find((m) => m.slug === KRIMPEN.slug)!;
    assert.deepEqual(
      krimpen.experiments.map((e) => e.reference),
      [shared.reference],
    );
    assert.ok(krimpen.experiments[0]!.outcomes[0]!.sentence, 'with its latest result');
    assert.deepEqual(
      krimpen.cards.map((c) => c.slug),
      ['gedeelde-kaart'],
    );
    const groningen = all.find((m) => m.slug === GRONINGEN.slug)!;
    assert.deepEqual([groningen.experiments, groningen.cards], [[], []]);
  });

  it('the shared page does not change at all when municipality A changes a draft or an unpublished card', async () => {
    const db = ctx.database.db;
    const page = async () => (await ctx.app.inject({ url: '/samen-leren', headers: { accept: 'text/html' } })).body;
    const first = await page();
    assert.match(first, /Gedeeld experiment/);
    assert.match(first, /Gedeelde kaart/);
    for (const secret of ['Geheim concept', 'Loopt maar niet gedeeld', 'Geheime kaart', draft.reference, hidden.reference]) {
      assert.ok(!first.includes(secret), `${secret} is not shared`);
    }

    await updateEvaluation(
      db,
      coordinator(),
      KRIMPEN.id,
      draft.reference,
      evaluationInput({ titleNl: 'Geheim concept, versie 2', status: 'draft', published: false }),
    );
    await updateEvaluation(
      db,
      coordinator(),
      KRIMPEN.id,
      hidden.reference,
      evaluationInput({ titleNl: 'Nog steeds niet gedeeld', published: false }),
    );
    await computeEvaluationResults(db, KRIMPEN.id, hidden.id, TEST_NOW);
    await updateIntervention(db, coordinator(), KRIMPEN.id, 'geheime-kaart', card('geheime-kaart', 'Geheime kaart, versie 2'));
    assert.equal(await page(), first, 'byte for byte the same page');

    // The comparison can see a change: publishing one does change the page.
    await publishEvaluation(db, coordinator(), KRIMPEN.id, hidden.reference, true);
    const after = await page();
    assert.notEqual(after, first);
    assert.match(after, /Nog steeds niet gedeeld/);
  });

  it('serves both pages: the municipality page to staff with the unpublished ones marked', async () => {
    const anonymous = await ctx.app.inject({ url: `/${KRIMPEN.slug}/samen-leren`, headers: { accept: 'text/html' } });
    assert.equal(anonymous.statusCode, 200);
    assert.match(anonymous.body, /Gedeeld experiment/);
    assert.ok(!anonymous.body.includes('niet gepubliceerd'));
    assert.ok(anonymous.body.includes(`href="/${KRIMPEN.slug}/evaluaties/${shared.reference}"`));

    const browser = new TestBrowser(ctx.app);
    await signInAs(ctx, browser, { tenantId: KRIMPEN.id, role: 'coordinator' });
    const staff = await browser.get(`/${KRIMPEN.slug}/samen-leren`);
    assert.equal(staff.statusCode, 200);
    assert.match(staff.body, /Geheim concept/);
    assert.match(staff.body, /niet gepubliceerd/);

    const other = await ctx.app.inject({ url: `/${GRONINGEN.slug}/samen-leren`, headers: { accept: 'text/html' } });
    assert.equal(other.statusCode, 200);
    assert.ok(!other.body.includes('Gedeeld experiment'), "another municipality's page shows only its own");
  });
});
