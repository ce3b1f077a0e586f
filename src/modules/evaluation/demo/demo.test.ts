import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { refreshAreaSummaries } from '../../../../test/helpers/summaries.ts';
import { principalOf } from '../../../platform/principal.ts';
import { areaMeasurements } from '../../monitor/monitor.service.ts';
import { listEvaluations, resultsOf, type EvaluationResults } from '../evaluation.service.ts';
import { COMPARISON, DEMO_PERIODS_AFTER, DEMO_TENANT, MOLENWIJK, OUTCOMES, RIVIERENWIJK, demoMeasurementsAfter } from './demo.ts';

const SLUG = 'heerhugowaard';
const LABEL = 'Demo-waarde, verzonnen';

/**
 * Acceptance (issue 16, "Demo"): after the demo seed, Heerhugowaard has one evaluation of a project
 * in Molenwijk and Rivierenwijk against similar wijken, on demo measurements labelled as invented,
 * with a full result; every page that shows its numbers says they are invented.
 */
describe('the evaluation demo in Heerhugowaard', () => {
  // The demo data, seeded once per run into a template (test/helpers/db.ts).
  const ctx = useTestApp({}, { demo: true });
  let results: EvaluationResults;

  before(async () => {
    await refreshAreaSummaries(ctx.app, DEMO_TENANT);
    const visitor = principalOf(null, DEMO_TENANT, ctx.clock.now());
    const [only] = await listEvaluations(ctx.database.db, visitor, DEMO_TENANT);
    assert.ok(only, 'a published evaluation');
    results = await resultsOf(ctx.database.db, visitor, DEMO_TENANT, only.evaluation.reference);
  });

  const get = async (url: string) => {
    const res = await ctx.app.inject({ url, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200, url);
    return res.body;
  };

  it('evaluates project card 7 in Molenwijk and Rivierenwijk against at least two similar wijken, running and published', async () => {
    const visitor = principalOf(null, DEMO_TENANT, ctx.clock.now());
    const all = await listEvaluations(ctx.database.db, visitor, DEMO_TENANT);
    assert.equal(all.length, 1);
    const { evaluation, areas, outcomes } = all[0]!;
    assert.deepEqual(
      areas.filter((a) => a.role === 'intervention').map((a) => a.areaCode),
      [MOLENWIJK, RIVIERENWIJK],
    );
    const comparison = areas.filter((a) => a.role === 'comparison').map((a) => a.areaCode);
    assert.ok(comparison.length >= 2);
    assert.deepEqual([...comparison].sort(), [...COMPARISON].sort());
    assert.deepEqual(
      outcomes.map((o) => o.indicatorCode),
      [...OUTCOMES],
    );
    assert.deepEqual([evaluation.status, evaluation.published, evaluation.isDemo], ['running', true, true]);
    assert.ok(evaluation.cardId, 'tied to a project card of the programme');
    assert.equal(evaluation.startDay, '2010-01-01');
    assert.equal(evaluation.reference, 'EVA-2010-0001', 'numbered by its start year, as register.service numbers them');
    assert.match(evaluation.titleNl, /verzonnen/);
    assert.match(evaluation.sourceNote, /Seed 001.*kaart 7, l\.787-825/);
  });

  it('has a full result: an effect with an interval, the series for the chart, placebo per comparison wijk and the pre-trend', () => {
    const active = results.outcomes.find((o) => o.indicatorCode === 'wm09_active')!;
    assert.ok(active.result && active.sentence);
    const r = active.result;
    assert.ok(r.estimate !== null && r.ciLow !== null && r.ciHigh !== null, 'an estimate with its interval');
    assert.ok(r.ciLow <= r.estimate && r.estimate <= r.ciHigh);
    assert.ok(r.estimate > 1, `the invented effect shows (${r.estimate})`);
    assert.deepEqual(r.before, ['2007', '2009']);
    assert.deepEqual(r.after, ['2011', '2013', '2015']);
    assert.equal(r.means.length, 5);
    assert.ok(r.means.every((m) => m.intervention !== null && m.comparison !== null));
    assert.equal(r.placebo.length, COMPARISON.length);
    assert.ok(r.placebo.every((p) => p.estimate !== null));
    assert.notEqual(r.preTrend.ok, null, 'two periods before the start: the pre-trend is checked');
    assert.equal(r.counts.cellsLeftOut, 0, 'every cell has at least 30 respondents');
    assert.ok(
      results.outcomes.every((o) => o.result !== null && o.sentence !== null),
      'both outcomes computed',
    );
    assert.equal(results.isDemo, true);
  });

  it('labels every invented measurement, and makes the same figures every time', async () => {
    const system = principalOf(null, DEMO_TENANT, ctx.clock.now());
    const rows = await areaMeasurements(ctx.database.db, system, DEMO_TENANT, { indicatorCodes: [...OUTCOMES] });
    const used = rows.filter((m) => [MOLENWIJK, RIVIERENWIJK, ...COMPARISON].includes(m.areaCode));
    assert.ok(used.length >= 2 * 9 * 5);
    assert.ok(used.every((m) => m.isDemo && m.sourceNote.startsWith('demo-waarde, verzonnen')));
    assert.ok(used.every((m) => (m.respondents ?? 0) >= 30));
    const after = rows.filter((m) => (DEMO_PERIODS_AFTER as readonly string[]).includes(m.period));
    assert.ok(
      after.every((m) => m.areaCode.startsWith('WK')),
      'the municipality figure is not extended past 2011',
    );
    const base = [{ indicatorCode: 'wm09_active', areaCode: MOLENWIJK, value: 12 }];
    assert.deepEqual(demoMeasurementsAfter(base), demoMeasurementsAfter(base), 'deterministic');
  });

  it('shows the demo label on the result page, the learning pages, the project card and the neighbourhood page', async () => {
    const reference = results.evaluation.reference;
    const sentence = results.outcomes[0]!.sentence!.nl;
    const pages = {
      result: await get(`/${SLUG}/evaluaties/${reference}`),
      learning: await get(`/${SLUG}/samen-leren`),
      shared: await get('/samen-leren'),
      card: await get(`/${SLUG}/programmas/meedoen-is-winnen/projecten/${results.evaluation.cardId}`),
      molenwijk: await get(`/${SLUG}/wijken/${MOLENWIJK}`),
    };
    for (const [name, html] of Object.entries(pages)) {
      assert.ok(html.includes(reference) || html.includes('Participatie in Molenwijk en Rivierenwijk'), `${name} shows the evaluation`);
      assert.ok(html.includes(LABEL), `${name} says the figures are invented`);
    }
    for (const name of ['result', 'learning', 'shared'] as const) {
      const html = pages[name];
      const at = html.indexOf(escapeHtml(sentence));
      assert.ok(at >= 0, `${name} shows the result sentence`);
      assert.ok(
        html.slice(at, at + escapeHtml(sentence).length + 200).includes(LABEL),
        `${name}: the label stands right after the sentence`,
      );
    }
  });
});

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
