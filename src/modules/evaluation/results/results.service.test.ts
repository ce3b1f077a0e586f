import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, TEST_NOW, buildTenant } from '../../../../test/helpers/factories.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordMeasurements } from '../../monitor/monitor.service.ts';
import { computeEvaluationResults, computeTenantResults, resultsOf, resultsOfCard, updateEvaluation } from '../evaluation.service.ts';
import { evaluationsSection } from './section.tsx';
import { RESULTS_JOB, RESULTS_ONE_JOB, resultsJob, resultsOneJob } from './compute.ts';
import type { JobHandlerArgs } from '../../../platform/module.ts';
import { INDICATOR, buildCard, buildResultsWorld, evaluationInput, figure, registerForTest, who } from './results.test-support.ts';

const LATER = new Date(TEST_NOW.getTime() + 3600_000);
const status = (e: unknown) => (e instanceof AppError ? e.status : 0);

describe('evaluation results: the compute job and reading results', () => {
  const ctx = useTestDb();
  let published = { id: '', reference: '' };
  let draft = { id: '', reference: '' };
  const coordinator = () => who(KRIMPEN.id, ['coordinator']);

  before(async () => {
    const db = ctx.database.db;
    await buildResultsWorld(db);
    await buildTenant(db, GRONINGEN);
    published = await registerForTest(db);
    draft = await registerForTest(db, { titleNl: 'Concept', status: 'draft', published: false });
  });

  const hashOf = async (id: string) =>
    (
      await ctx.database.db
        .selectFrom('evaluation_results')
        .select(['inputs_hash', 'computed_at'])
        .where('evaluation_id', '=', id)
        .executeTakeFirstOrThrow()
    ).inputs_hash;

  it('computes once; an unchanged input is not estimated again; a changed measurement is', async () => {
    const db = ctx.database.db;
    assert.deepEqual(await computeEvaluationResults(db, KRIMPEN.id, published.id, TEST_NOW), { computed: 1, unchanged: 0 });
    const first = await hashOf(published.id);
    assert.deepEqual(await computeEvaluationResults(db, KRIMPEN.id, published.id, LATER), { computed: 0, unchanged: 1 });
    assert.equal(await hashOf(published.id), first);
    const row = await db
      .selectFrom('evaluation_results')
      .select('computed_at')
      .where('evaluation_id', '=', published.id)
      .executeTakeFirstOrThrow();
    assert.equal(new Date(row.computed_at).getTime(), TEST_NOW.getTime(), 'not written again');

    await recordMeasurements(
      db,
      coordinator(),
      KRIMPEN.id,
      [{ indicatorCode: INDICATOR, areaCode: 'WK054202', period: '2025', value: figure(1, 2025) + 2, respondents: 120 }],
      LATER,
    );
    assert.deepEqual(await computeEvaluationResults(db, KRIMPEN.id, published.id, LATER), { computed: 1, unchanged: 0 });
    assert.notEqual(await hashOf(published.id), first);
    // Back to the first figures: the first hash again.
    await recordMeasurements(
      db,
      coordinator(),
      KRIMPEN.id,
      [{ indicatorCode: INDICATOR, areaCode: 'WK054202', period: '2025', value: figure(1, 2025), respondents: 120 }],
      LATER,
    );
    await computeTenantResults(db, KRIMPEN.id, LATER);
    assert.equal(await hashOf(published.id), first);
  });

  it('does not compute drafts', async () => {
    const db = ctx.database.db;
    assert.deepEqual(await computeEvaluationResults(db, KRIMPEN.id, draft.id, TEST_NOW), { computed: 0, unchanged: 0 });
    const rows = await db.selectFrom('evaluation_results').select('indicator_code').where('evaluation_id', '=', draft.id).execute();
    assert.equal(rows.length, 0);
  });

  it('reads a published result with its sentence in Dutch and English; the estimate sees the jump', async () => {
    const r = await resultsOf(ctx.database.db, who(KRIMPEN.id), KRIMPEN.id, published.reference);
    assert.equal(r.outcomes.length, 1);
    const o = r.outcomes[0]!;
    assert.ok(o.result, 'computed');
    assert.ok(o.result.estimate !== null && Math.abs(o.result.estimate - 5) < 1, `estimate ${o.result.estimate}`);
    assert.equal(o.result.placebo.length, 5);
    assert.ok(o.sentence);
    assert.match(o.sentence.nl, /^In Oud-Krimpen steeg het cijfer ‘Actief in de wijk’ 5 procentpunten meer dan in vergelijkbare wijken/);
    assert.match(
      o.sentence.en,
      /^In Oud-Krimpen, the figure ‘Active in the neighbourhood’ rose 5 percentage points more than in similar districts/,
    );
    assert.equal(r.areaNames['WK054203'], 'Boveneind');
  });

  it('a draft is NotFound for residents and other municipalities, visible to its staff', async () => {
    const db = ctx.database.db;
    await assert.rejects(resultsOf(db, who(KRIMPEN.id), KRIMPEN.id, draft.reference), (e) => status(e) === 404);
    await assert.rejects(resultsOf(db, who(KRIMPEN.id, ['volunteer']), KRIMPEN.id, draft.reference), (e) => status(e) === 404);
    await assert.rejects(resultsOf(db, who(GRONINGEN.id, ['coordinator']), KRIMPEN.id, draft.reference), (e) => status(e) === 404);
    await assert.rejects(resultsOf(db, who(KRIMPEN.id), KRIMPEN.id, 'EVA-2024-9999'), (e) => status(e) === 404);
    const seen = await resultsOf(db, who(KRIMPEN.id, ['professional']), KRIMPEN.id, draft.reference);
    assert.equal(seen.outcomes[0]!.result, null, 'a draft has no result');
  });

  it('the neighbourhood section lists published evaluations of the area only, and does not change when a draft changes', async () => {
    const db = ctx.database.db;
    const args = (code: string) => ({
      db,
      tenantId: KRIMPEN.id,
      area: { code, level: 'district' as const, name: 'x' },
      areaCodes: [code],
      now: LATER,
    });
    const here = await evaluationsSection.summarize(args('WK054201'));
    assert.deepEqual(
      here.evaluations.map((e) => e.reference),
      [published.reference],
    );
    assert.match(here.evaluations[0]!.sentences[0]!.nl, /Oud-Krimpen/);
    const comparison = await evaluationsSection.summarize(args('WK054203'));
    assert.deepEqual(comparison.evaluations, [], 'only intervention areas');
    await updateEvaluation(
      db,
      coordinator(),
      KRIMPEN.id,
      draft.reference,
      evaluationInput({ titleNl: 'Ander concept', status: 'draft', published: false }),
    );
    await computeTenantResults(db, KRIMPEN.id, LATER);
    assert.deepEqual(await evaluationsSection.summarize(args('WK054201')), here);
  });

  it('lists the evaluations of a project card: published for everyone, all for staff', async () => {
    const db = ctx.database.db;
    const cardId = await buildCard(db);
    const onCard = await registerForTest(db, { cardId, titleNl: 'Op de kaart', published: false, status: 'running' });
    await computeEvaluationResults(db, KRIMPEN.id, onCard.id, LATER);
    assert.deepEqual(await resultsOfCard(db, who(KRIMPEN.id), KRIMPEN.id, cardId), []);
    const staff = await resultsOfCard(db, coordinator(), KRIMPEN.id, cardId);
    assert.deepEqual(
      staff.map((r) => r.evaluation.reference),
      [onCard.reference],
    );
    assert.ok(staff[0]!.outcomes[0]!.sentence);
  });

  it('saving an evaluation enqueues its computation; the job computes it; the hourly job enqueues its next run', async () => {
    const db = ctx.database.db;
    const saved = await registerForTest(db, { titleNl: 'Via de job' });
    const queued = await db.selectFrom('jobs').select(['payload', 'tenant_id']).where('kind', '=', RESULTS_ONE_JOB).execute();
    const mine = queued.filter((j) => (j.payload as { evaluationId?: string }).evaluationId === saved.id);
    assert.equal(mine.length, 1, 'enqueued on save');
    assert.equal(mine[0]!.tenant_id, KRIMPEN.id);
    const args = (payload: Record<string, unknown>, tenantId: string | null): JobHandlerArgs =>
      ({ db, config: {} as JobHandlerArgs['config'], payload, tenantId, now: LATER }) satisfies JobHandlerArgs;
    await resultsOneJob(args({ evaluationId: saved.id }, KRIMPEN.id));
    const rows = await db.selectFrom('evaluation_results').select('verdict').where('evaluation_id', '=', saved.id).execute();
    assert.equal(rows.length, 1);
    const before = (await db.selectFrom('jobs').select('id').where('kind', '=', RESULTS_JOB).execute()).length;
    await resultsJob(args({}, null));
    const next = await db.selectFrom('jobs').select(['run_at']).where('kind', '=', RESULTS_JOB).orderBy('id', 'desc').execute();
    assert.equal(next.length, before + 1);
    assert.equal(new Date(next[0]!.run_at).getTime(), LATER.getTime() + 3600_000, 'an hour later');
  });
});
