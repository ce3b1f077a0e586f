import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { estimateEffect } from './estimate.ts';
import type { EstimateInput, Observation } from './estimate.types.ts';
import { bootstrapInterval, placeboEstimates, placeboRankOf } from './estimate.stats.ts';
import { projectToSimplex, simplexLeastSquares, syntheticControl } from './synthetic.ts';

const cell = (areaCode: string, period: string, value: number | null): Observation => ({
  areaCode,
  period,
  periodEnd: `${period}-12-31`,
  value,
  respondents: null,
});
const series = (areaCode: string, values: Record<string, number>): Observation[] =>
  Object.entries(values).map(([year, v]) => cell(areaCode, year, v));
const close = (actual: number | null | undefined, expected: number, tolerance = 1e-9): void => {
  assert.ok(actual != null && Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected} ± ${tolerance}`);
};

/** Eight areas with uneven changes, so the bootstrap interval depends on the draws. */
const noisy: EstimateInput = {
  intervention: ['I1', 'I2', 'I3'],
  comparison: ['C1', 'C2', 'C3', 'C4', 'C5'],
  startDay: '2022-06-01',
  seed: 7,
  observations: [
    ...series('I1', { 2021: 40, 2023: 47.3 }),
    ...series('I2', { 2021: 50, 2023: 51.1 }),
    ...series('I3', { 2021: 44, 2023: 49.9 }),
    ...series('C1', { 2021: 45, 2023: 46.7 }),
    ...series('C2', { 2021: 55, 2023: 52.2 }),
    ...series('C3', { 2021: 35, 2023: 36.9 }),
    ...series('C4', { 2021: 60, 2023: 58.8 }),
    ...series('C5', { 2021: 48, 2023: 50.3 }),
  ],
};

describe('area bootstrap', () => {
  it('is reproducible with a seed and depends on it', () => {
    const a = estimateEffect(noisy);
    const b = estimateEffect({ ...noisy, observations: [...noisy.observations].reverse() });
    assert.deepEqual(a, b); // same input (in any order) and seed → identical result
    const intervals = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(estimateEffect({ ...noisy, seed }))));
    assert.ok(intervals.size > 1, 'different seeds should give different intervals');
    assert.equal(estimateEffect({ ...noisy, seed: 3 }).estimate, a.estimate); // the estimate itself has no randomness
  });

  it('gives nested intervals at 90% and 95% for the same seed', () => {
    const r90 = estimateEffect(noisy);
    const r95 = estimateEffect({ ...noisy, level: 0.95 });
    assert.equal(r95.level, 0.95);
    assert.ok(r95.ciLow! <= r90.ciLow! && r95.ciHigh! >= r90.ciHigh!);
    assert.ok(r90.ciLow! < r90.estimate! && r90.estimate! < r90.ciHigh!);
  });

  it('matches the exact bootstrap distribution on a small case', () => {
    // One intervention area with change 5; comparison changes {0, 2}. A comparison resample of two draws
    // has mean 0 (prob 1/4), 1 (1/2) or 2 (1/4), so the DiD is 5, 4 or 3 with those probabilities.
    // The 5% quantile is therefore 3 and the 95% quantile 5 (each value holds ≈ 25% of 20 000 draws).
    const { low, high } = bootstrapInterval([5], [0, 2], 99, 20_000, 0.9);
    assert.equal(low, 3);
    assert.equal(high, 5);
    const again = bootstrapInterval([5], [0, 2], 99, 20_000, 0.9);
    assert.deepEqual(again, { low, high });
  });
});

describe('placebo', () => {
  it('computes each comparison area against the others', () => {
    // Changes 3, 0, −1, null: A: 3 − (0−1)/2 = 3.5; B: 0 − (3−1)/2 = −1; C: −1 − (3+0)/2 = −2.5; D: no data.
    const p = placeboEstimates([
      { areaCode: 'A', change: 3 },
      { areaCode: 'B', change: 0 },
      { areaCode: 'C', change: -1 },
      { areaCode: 'D', change: null },
    ]);
    assert.deepEqual(p, [
      { areaCode: 'A', estimate: 3.5 },
      { areaCode: 'B', estimate: -1 },
      { areaCode: 'C', estimate: -2.5 },
      { areaCode: 'D', estimate: null },
    ]);
    assert.equal(placeboRankOf(4, [3.5, -1, -2.5, null]), 1);
    assert.equal(placeboRankOf(-3, [3.5, -1, -2.5, null]), 2); // sizes: 3.5 > 3
    assert.equal(placeboRankOf(2.5, [3.5, -1, -2.5]), 3); // a tie counts against the true estimate
    assert.equal(placeboRankOf(2, [null]), null);
  });

  it('withholds "effect" when a comparison area changed as much as the intervention', () => {
    // I1 +6, I2 +4 (mean 5); C1 +5, C2..C6 0 (mean 5/6). DiD = 5 − 5/6 = 25/6 ≈ 4.17.
    // Placebo C1: 5 − 0 = 5 > 4.17 → rank 2. Others: 0 − 5/5 = −1.
    // The interval excludes 0: a resample reaches 0 only with ≥ 5 draws of C1 out of 6 (p < 0.001).
    const flat = (code: string) => series(code, { 2021: 50, 2023: 50 });
    const r = estimateEffect({
      intervention: ['I1', 'I2'],
      comparison: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'],
      startDay: '2022-06-01',
      seed: 11,
      observations: [
        ...series('I1', { 2021: 40, 2023: 46 }),
        ...series('I2', { 2021: 50, 2023: 54 }),
        ...series('C1', { 2021: 45, 2023: 50 }),
        ...flat('C2'),
        ...flat('C3'),
        ...flat('C4'),
        ...flat('C5'),
        ...flat('C6'),
      ],
    });
    close(r.estimate, 25 / 6);
    assert.ok(r.ciLow! > 0);
    close(r.placebo[0]!.estimate, 5);
    for (const p of r.placebo.slice(1)) close(p.estimate, -1);
    assert.equal(r.placeboRank, 2);
    assert.equal(r.verdict, 'no_clear_effect');
    assert.deepEqual(r.reasons, ['placebo_not_unusual']);
  });
});

describe('synthetic control', () => {
  const donors: Record<string, number[]> = {
    // six before periods (2016–2021), then two after periods (2023, 2024)
    D1: [10, 12, 11, 15, 13, 14, 14, 15],
    D2: [20, 18, 21, 19, 22, 20, 21, 20],
    D3: [30, 33, 29, 31, 35, 32, 33, 34],
    D4: [15, 17, 16, 14, 18, 19, 18, 17],
    D5: [25, 22, 27, 24, 23, 26, 25, 24],
  };
  const years = ['2016', '2017', '2018', '2019', '2020', '2021', '2023', '2024'];
  const weights = [0.5, 0, 0.3, 0, 0.2];
  // Treated = 0.5·D1 + 0.3·D3 + 0.2·D5, plus 3 after the start.
  const treated = years.map((_, t) => Object.values(donors).reduce((s, d, j) => s + weights[j]! * d[t]!, 0) + (t >= 6 ? 3 : 0));

  it('recovers known weights and the effect', () => {
    const observations = [
      ...years.map((y, t) => cell('T', y, treated[t]!)),
      ...Object.entries(donors).flatMap(([code, vs]) => years.map((y, t) => cell(code, y, vs[t]!))),
    ];
    const r = estimateEffect({
      intervention: ['T'],
      comparison: Object.keys(donors),
      startDay: '2022-06-01',
      seed: 1,
      observations,
    });
    assert.ok(r.synthetic);
    assert.deepEqual(
      r.synthetic.weights.map((w) => w.areaCode),
      ['D1', 'D2', 'D3', 'D4', 'D5'],
    );
    r.synthetic.weights.forEach((w, j) => close(w.weight, weights[j]!, 1e-6));
    close(r.synthetic.preRmspe, 0, 1e-6);
    close(r.synthetic.estimate, 3, 1e-6);
    // Too few donors or before periods: no synthetic control.
    const four = estimateEffect({
      intervention: ['T'],
      comparison: ['D1', 'D2', 'D3', 'D4'],
      startDay: '2022-06-01',
      seed: 1,
      observations,
    });
    assert.equal(four.synthetic, null);
    const twoBefore = estimateEffect({
      intervention: ['T'],
      comparison: Object.keys(donors),
      startDay: '2022-06-01',
      seed: 1,
      observations: observations.filter((o) => o.period >= '2020'),
    });
    assert.equal(twoBefore.synthetic, null);
  });

  it('leaves out donors with a gap and reports the fit when the treated unit is outside the donors', () => {
    const r = syntheticControl({
      treated: new Map(years.map((y, t) => [y, 100 + t])),
      donors: [
        ...Object.entries(donors).map(([areaCode, vs]) => ({ areaCode, values: new Map(years.map((y, t) => [y, vs[t]!])) })),
        { areaCode: 'GAP', values: new Map([['2016', 1]]) },
      ],
      before: years.slice(0, 6),
      after: years.slice(6),
    });
    assert.ok(r);
    assert.equal(r.weights.length, 5); // GAP has no value in most periods
    close(
      r.weights.reduce((s, w) => s + w.weight, 0),
      1,
      1e-12,
    );
    close(r.weights[2]!.weight, 1, 1e-6); // D3 is the highest donor throughout: all weight on it
    assert.ok(r.preRmspe > 60); // and still far off: the fit is poor, which the page must show
  });

  it('projects onto the simplex and solves small problems exactly', () => {
    assert.deepEqual(projectToSimplex([2, 0]), [1, 0]);
    assert.deepEqual(projectToSimplex([0.25, 0.75]), [0.25, 0.75]);
    projectToSimplex([1, 1, 1]).forEach((x) => close(x, 1 / 3, 1e-15));
    // Two donors: minimise Σ(y − x2 − w(x1 − x2))² over w ∈ [0, 1]; the unconstrained optimum is the
    // least-squares slope w* = Σ(y − x2)(x1 − x2) / Σ(x1 − x2)², then clamped.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), {
          minLength: 2,
          maxLength: 8,
        }),
        (rows) => {
          const d = rows.map(([x1, x2]) => x1 - x2);
          const ss = d.reduce((s, v) => s + v * v, 0);
          fc.pre(ss > 0);
          const wStar = rows.reduce((s, [x1, x2, y]) => s + (y - x2) * (x1 - x2), 0) / ss;
          const expected = Math.min(1, Math.max(0, wStar));
          const [w1, w2] = simplexLeastSquares(
            rows.map(([, , y]) => y),
            rows.map(([x1, x2]) => [x1, x2]),
          );
          close(w1, expected, 1e-6);
          close(w2, 1 - expected, 1e-6);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('estimateEffect: properties', () => {
  const areas = ['I1', 'I2', 'C1', 'C2', 'C3', 'C4'];
  const periods = ['2019', '2020', '2021', '2023', '2024'];
  const arbValues = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 30, maxLength: 30 });
  const arbShifts = fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 11, maxLength: 11 });
  const input = (vs: number[], transform: (v: number, a: number, p: number) => number): EstimateInput => ({
    intervention: ['I1', 'I2'],
    comparison: ['C1', 'C2', 'C3', 'C4'],
    startDay: '2022-06-01',
    seed: 5,
    resamples: 200,
    observations: areas.flatMap((code, a) => periods.map((y, p) => cell(code, y, transform(vs[a * 5 + p]! / 10, a, p)))),
  });

  it('ignores area levels and common period shocks (two-way fixed effects)', () => {
    fc.assert(
      fc.property(arbValues, arbShifts, (vs, shift) => {
        const plain = estimateEffect(input(vs, (v) => v));
        const shifted = estimateEffect(input(vs, (v, a, p) => v + shift[a]! + shift[6 + p]!));
        close(shifted.estimate, plain.estimate!, 1e-9);
        close(shifted.ciLow, plain.ciLow!, 1e-9);
        close(shifted.ciHigh, plain.ciHigh!, 1e-9);
        close(shifted.preTrend.difference, plain.preTrend.difference!, 1e-6);
        shifted.placebo.forEach((p, i) => close(p.estimate, plain.placebo[i]!.estimate!, 1e-9));
      }),
      { numRuns: 40 },
    );
  });

  it('adds an effect put into the intervention areas after the start, and flips with the sign', () => {
    fc.assert(
      fc.property(arbValues, fc.integer({ min: -20, max: 20 }), (vs, delta) => {
        const plain = estimateEffect(input(vs, (v) => v));
        const treated = estimateEffect(input(vs, (v, a, p) => v + (a < 2 && p >= 3 ? delta : 0)));
        close(treated.estimate, plain.estimate! + delta, 1e-9);
        const negated = estimateEffect(input(vs, (v) => -v));
        close(negated.estimate, -plain.estimate!, 1e-9);
        close(negated.ciLow, -plain.ciHigh!, 1e-9);
        close(negated.ciHigh, -plain.ciLow!, 1e-9);
        assert.equal(negated.placeboRank, plain.placeboRank);
      }),
      { numRuns: 40 },
    );
  });
});
