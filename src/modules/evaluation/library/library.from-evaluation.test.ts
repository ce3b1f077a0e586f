/** A card published from a finished evaluation: prefilled with its computed effect and interval, nothing invented. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { KRIMPEN, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { AppError } from '../../../platform/errors.ts';
import { computeEvaluationResults } from '../evaluation.service.ts';
import { INDICATOR, buildResultsWorld, registerForTest, who } from '../results/results.test-support.ts';
import { interventionFromEvaluation, slugOf } from './library.from-evaluation.ts';
import { createIntervention, exportInterventions, getIntervention } from './library.service.ts';

describe('evaluation: an intervention card from a finished evaluation', () => {
  const ctx = useTestDb();
  const coordinator = who(KRIMPEN.id, ['coordinator']);

  before(async () => {
    await buildResultsWorld(ctx.database.db);
  });

  it('refuses an evaluation that is not finished, and anyone but a coordinator', async () => {
    const db = ctx.database.db;
    const running = await registerForTest(db, { status: 'running', titleNl: 'Loopt nog' });
    const e = await interventionFromEvaluation(db, coordinator, KRIMPEN.id, running.reference).catch((x: unknown) => x);
    assert.ok(e instanceof AppError && e.status === 409 && e.message === 'evaluation.library.error.notFinished');
    const p = await interventionFromEvaluation(db, who(KRIMPEN.id, ['professional']), KRIMPEN.id, running.reference).catch(
      (x: unknown) => x,
    );
    assert.ok(p instanceof AppError && p.status === 403);
  });

  it('prefills the effect with the computed estimate, interval and sentence; the card keeps the reference', async () => {
    const db = ctx.database.db;
    const done = await registerForTest(db, { status: 'finished' });
    await computeEvaluationResults(db, KRIMPEN.id, done.id, TEST_NOW);
    const from = await interventionFromEvaluation(db, coordinator, KRIMPEN.id, done.reference);
    assert.equal(from.reference, done.reference);
    assert.equal(from.input.slug, 'buurtkamer-oud-krimpen');
    assert.equal(from.input.whereText, 'Oud-Krimpen');
    assert.equal(from.input.effectIndicatorCode, INDICATOR);
    assert.equal(from.input.effectUnit, 'procentpunt');
    assert.equal(typeof from.input.estimate, 'number');
    assert.ok(from.input.ciLow! <= from.input.estimate! && from.input.estimate! <= from.input.ciHigh!);
    assert.match(from.input.effectNl, /Oud-Krimpen/);
    assert.equal(from.input.whatNl, undefined, 'what the evaluation does not know stays empty');
    assert.equal(from.input.lessonsNl, undefined);
    assert.equal(from.input.costCentsPerYear, undefined);

    await createIntervention(
      db,
      coordinator,
      KRIMPEN.id,
      { ...from.input, functions: ['samen_doen'] },
      {
        evaluationId: from.evaluationId,
        evaluationReference: from.reference,
        published: true,
      },
    );
    const card = await getIntervention(db, who(KRIMPEN.id), KRIMPEN.id, 'buurtkamer-oud-krimpen');
    assert.equal(card.origin, 'evaluation');
    assert.equal(card.evaluationId, done.id);
    assert.equal(card.effect?.evaluationReference, done.reference);
    const file = await exportInterventions(db, who(KRIMPEN.id), KRIMPEN.id, {
      installation: 'https://a.example',
      municipality: { code: 'GM0542', name: 'Krimpen aan den IJssel' },
      now: TEST_NOW,
      slug: card.slug,
    });
    assert.equal(file.cards[0]!.origin.kind, 'evaluation');
    assert.equal(file.cards[0]!.effect.evaluationReference, done.reference);
    assert.equal(file.cards[0]!.effect.estimate, from.input.estimate);
  });

  it('slugs from titles', () => {
    assert.equal(slugOf('Buurtkamer Oud-Krimpen'), 'buurtkamer-oud-krimpen');
    assert.equal(slugOf('Één café — “samen”!'), 'een-cafe-samen');
    assert.equal(slugOf('!!!'), 'aanpak');
  });
});
