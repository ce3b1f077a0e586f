import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { estimateEffect } from './estimate.ts';
import type { EstimateInput, Observation } from './estimate.types.ts';

/** One cell; respondents unknown unless given. */
function cell(areaCode: string, period: string, value: number | null, respondents: number | null = null): Observation {
  return { areaCode, period, periodEnd: `${period}-12-31`, value, respondents };
}

/** Cells of one area from a year → value record. */
function series(areaCode: string, values: Record<string, number | null>): Observation[] {
  return Object.entries(values).map(([year, v]) => cell(areaCode, year, v));
}

const close = (actual: number | null, expected: number, tolerance = 1e-9): void => {
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected} ± ${tolerance}`);
};

const START = '2022-06-01'; // periods ending 2021-12-31 or earlier are "before"; 2023-12-31 is "after"

function run(observations: Observation[], more: Partial<EstimateInput> = {}) {
  return estimateEffect({
    intervention: ['I1', 'I2'],
    comparison: ['C1', 'C2', 'C3', 'C4'],
    startDay: START,
    observations,
    seed: 20261207,
    ...more,
  });
}

describe('estimateEffect: hand-computed cases', () => {
  it('finds a clear effect (2×2)', () => {
    // Changes after − before: I1 40→46 = +6, I2 50→54 = +4; C1 45→46 = +1, C2 55→54 = −1, C3 35→35 = 0, C4 60→60 = 0.
    // Group means: Ī_before = (40+50)/2 = 45, Ī_after = (46+54)/2 = 50;
    //              C̄_before = (45+55+35+60)/4 = 48.75, C̄_after = (46+54+35+60)/4 = 48.75.
    // DiD = (50 − 45) − (48.75 − 48.75) = 5.
    // Bootstrap: an intervention resample mean lies in [4, 6], a comparison one in [−1, 1], so every
    // resampled DiD lies in [3, 7] and the interval excludes 0.
    // Placebo: C1: 1 − (−1+0+0)/3 = 4/3; C2: −1 − (1+0+0)/3 = −4/3; C3: 0 − (1−1+0)/3 = 0; C4: 0.
    // |5| is larger than every |placebo| → rank 1 → verdict "effect".
    const r = run([
      ...series('I1', { 2021: 40, 2023: 46 }),
      ...series('I2', { 2021: 50, 2023: 54 }),
      ...series('C1', { 2021: 45, 2023: 46 }),
      ...series('C2', { 2021: 55, 2023: 54 }),
      ...series('C3', { 2021: 35, 2023: 35 }),
      ...series('C4', { 2021: 60, 2023: 60 }),
    ]);
    close(r.estimate, 5);
    assert.ok(r.ciLow !== null && r.ciHigh !== null);
    assert.ok(r.ciLow >= 3 - 1e-9 && r.ciHigh <= 7 + 1e-9 && r.ciLow <= 5 && r.ciHigh >= 5);
    assert.deepEqual(
      r.placebo.map((p) => p.areaCode),
      ['C1', 'C2', 'C3', 'C4'],
    );
    close(r.placebo[0]!.estimate, 4 / 3);
    close(r.placebo[1]!.estimate, -4 / 3);
    close(r.placebo[2]!.estimate, 0);
    close(r.placebo[3]!.estimate, 0);
    assert.equal(r.placeboRank, 1);
    assert.deepEqual(r.preTrend, { difference: null, ok: null }); // one before period
    assert.equal(r.synthetic, null); // 4 comparison areas and 1 before period: not enough
    assert.deepEqual(r.before, ['2021']);
    assert.deepEqual(r.after, ['2023']);
    assert.deepEqual(r.means, [
      { period: '2021', periodEnd: '2021-12-31', intervention: 45, comparison: 48.75 },
      { period: '2023', periodEnd: '2023-12-31', intervention: 50, comparison: 48.75 },
    ]);
    assert.deepEqual(r.counts, { intervention: 2, comparison: 4, cellsLeftOut: 0 });
    assert.equal(r.verdict, 'effect');
    assert.deepEqual(r.reasons, []);
    assert.equal(r.level, 0.9);
    assert.equal(r.resamples, 2000);
  });

  it('finds no effect when both groups change alike', () => {
    // Changes: I1 40→41 = +1, I2 50→49 = −1; C1 45→46 = +1, C2 55→54 = −1, C3 35→35.5 = +0.5, C4 60→59.5 = −0.5.
    // Ī_before = 45, Ī_after = (41+49)/2 = 45; C̄_before = 48.75, C̄_after = (46+54+35.5+59.5)/4 = 48.75.
    // DiD = (45 − 45) − (48.75 − 48.75) = 0.
    // Both sets of changes are symmetric around 0, so the bootstrap distribution is symmetric around 0 and
    // the 90% interval contains 0; every resample lies in [−2, 2], so the half-width is at most 2.
    // Spread of the before means {40, 50, 45, 55, 35, 60}: mean 47.5, squared deviations
    // 56.25+6.25+6.25+56.25+156.25+156.25 = 437.5, /5 = 87.5, sd = 9.35 > 2 → the interval is not "too wide".
    // Placebo rank of |0|: every placebo is ≥ 0 in size, ties count against → rank 1 + 4 = 5.
    const r = run([
      ...series('I1', { 2021: 40, 2023: 41 }),
      ...series('I2', { 2021: 50, 2023: 49 }),
      ...series('C1', { 2021: 45, 2023: 46 }),
      ...series('C2', { 2021: 55, 2023: 54 }),
      ...series('C3', { 2021: 35, 2023: 35.5 }),
      ...series('C4', { 2021: 60, 2023: 59.5 }),
    ]);
    close(r.estimate, 0);
    assert.ok(r.ciLow !== null && r.ciHigh !== null);
    assert.ok(r.ciLow < 0 && r.ciHigh > 0 && r.ciLow >= -2 && r.ciHigh <= 2);
    assert.equal(r.placeboRank, 5);
    assert.equal(r.verdict, 'no_clear_effect');
    assert.deepEqual(r.reasons, []);
  });

  it('refuses to call a continuing pre-trend an effect', () => {
    // Intervention areas rise 2 points a year all along; comparison areas stay flat.
    // I1 before 40, 42, 44 (mean 42), after 48 → +6; I2 before 50, 52, 54 (mean 52), after 58 → +6; C changes 0.
    // DiD = 6 − 0 = 6; every bootstrap resample gives 6, so the interval is [6, 6] and excludes 0.
    // Pre-trend: the intervention mean goes 45, 47, 49 at the ends of 2019, 2020, 2021 (years of 366 and 365
    // days, measured in years of 365.25 days) → slope ≈ 2 per year; comparison slope 0 → difference ≈ 2.
    // Gap between the middle of the before periods (≈ end 2020) and the after period (end 2023) ≈ 3 years.
    // Trend bias ≈ 2 × 3 = 6 > 0.5 × max(|6|, half-width 0) = 3 → not ok → "cannot tell", reason pre_trend.
    // (Indeed 44 + 2 × 2 = 48: the trend alone explains all of it.)
    const flat = (code: string, v: number) => series(code, { 2019: v, 2020: v, 2021: v, 2023: v });
    const r = run([
      ...series('I1', { 2019: 40, 2020: 42, 2021: 44, 2023: 48 }),
      ...series('I2', { 2019: 50, 2020: 52, 2021: 54, 2023: 58 }),
      ...flat('C1', 45),
      ...flat('C2', 55),
      ...flat('C3', 35),
      ...flat('C4', 60),
    ]);
    close(r.estimate, 6);
    close(r.ciLow, 6);
    close(r.ciHigh, 6);
    close(r.preTrend.difference, 2, 0.01);
    assert.equal(r.preTrend.ok, false);
    assert.equal(r.verdict, 'cannot_tell');
    assert.deepEqual(r.reasons, ['pre_trend']);
    assert.deepEqual(r.before, ['2019', '2020', '2021']);
  });

  it('accepts parallel trends: the same rise in both groups is no pre-trend', () => {
    // Every area rises 1 a year; the intervention areas get 5 extra after the start.
    // Per area: before mean (v + v+1 + v+2)/3 = v+1, after v+4+extra → change 3 + extra.
    // I changes 8, 8; C changes 3.5, 2.5, 3, 3 (mean 3) → DiD = 8 − 3 = 5; every resample lies in [4.5, 5.5].
    // Both group means rise 1 a year before the start → slope difference 0 → pre-trend ok.
    const rising = (code: string, v: number, extra: number) => series(code, { 2019: v, 2020: v + 1, 2021: v + 2, 2023: v + 4 + extra });
    const r = run([
      ...rising('I1', 40, 5),
      ...rising('I2', 50, 5),
      ...rising('C1', 45, 0.5),
      ...rising('C2', 55, -0.5),
      ...rising('C3', 35, 0),
      ...rising('C4', 60, 0),
    ]);
    close(r.estimate, 5);
    close(r.preTrend.difference, 0, 1e-9);
    assert.equal(r.preTrend.ok, true);
    assert.equal(r.verdict, 'effect');
  });

  it('averages several periods per area first (multi-period, unbalanced)', () => {
    // I1: before 2019 38, 2021 42 → 40; after 2023 45, 2024 47 → 46; change +6.
    // I2: before 2021 50 → 50; after 2023 54 → 54 (no 2024); change +4.
    // C1: before 44, 46 → 45; after 45, 47 → 46; change +1.   C2: before 54, 56 → 55; after 54, 54 → 54; change −1.
    // C3: 35 in every period → 0.   C4: 60 in every period → 0.
    // DiD = (6+4)/2 − (1−1+0+0)/4 = 5.
    const r = run([
      ...series('I1', { 2019: 38, 2021: 42, 2023: 45, 2024: 47 }),
      ...series('I2', { 2021: 50, 2023: 54 }),
      ...series('C1', { 2019: 44, 2021: 46, 2023: 45, 2024: 47 }),
      ...series('C2', { 2019: 54, 2021: 56, 2023: 54, 2024: 54 }),
      ...series('C3', { 2019: 35, 2021: 35, 2023: 35, 2024: 35 }),
      ...series('C4', { 2019: 60, 2021: 60, 2023: 60, 2024: 60 }),
    ]);
    close(r.estimate, 5);
    assert.deepEqual(r.before, ['2019', '2021']);
    assert.deepEqual(r.after, ['2023', '2024']);
    // Chart means per period over the areas with a value: 2019 I = 38 (I1 only), C = (44+54+35+60)/4 = 48.25.
    assert.deepEqual(r.means[0], { period: '2019', periodEnd: '2019-12-31', intervention: 38, comparison: 48.25 });
    // 2024 I = 47 (I1 only), C = (47+54+35+60)/4 = 49.
    assert.deepEqual(r.means[3], { period: '2024', periodEnd: '2024-12-31', intervention: 47, comparison: 49 });
  });
});

describe('estimateEffect: published worked example', () => {
  it('reproduces Card & Krueger (1994), Table 3, FTE employment', () => {
    // Card, D. & Krueger, A. B. (1994), "Minimum Wages and Employment: A Case Study of the Fast-Food Industry
    // in New Jersey and Pennsylvania", American Economic Review 84(4), 772–793, Table 3, rows 1–3 (all stores):
    // New Jersey 20.44 → 21.03, Pennsylvania 23.33 → 21.17 full-time-equivalent employees per store.
    // DiD = (21.03 − 20.44) − (21.17 − 23.33) = 0.59 − (−2.16) = 2.75 from the rounded means; the paper prints
    // 2.76 because it computed from unrounded means. With one "area" per group we cannot tell (the paper's
    // standard error came from the 410 stores, which are not in this table).
    const r = estimateEffect({
      intervention: ['NJ'],
      comparison: ['PA'],
      startDay: '1992-04-01', // the New Jersey minimum wage rose on 1 April 1992
      seed: 1,
      observations: [
        { areaCode: 'NJ', period: 'wave 1', periodEnd: '1992-03-31', value: 20.44, respondents: null },
        { areaCode: 'PA', period: 'wave 1', periodEnd: '1992-03-31', value: 23.33, respondents: null },
        { areaCode: 'NJ', period: 'wave 2', periodEnd: '1992-12-31', value: 21.03, respondents: null },
        { areaCode: 'PA', period: 'wave 2', periodEnd: '1992-12-31', value: 21.17, respondents: null },
      ],
    });
    close(r.estimate, 2.75);
    close(r.estimate, 2.76, 0.01 + 1e-9);
    assert.equal(r.ciLow, null);
    assert.equal(r.verdict, 'cannot_tell');
    assert.deepEqual(r.reasons, ['too_few_areas']);
  });
});

describe('estimateEffect: cannot tell yet, no data, left-out cells', () => {
  const sixAreas = [
    ...series('I1', { 2021: 40, 2023: 46 }),
    ...series('I2', { 2021: 50, 2023: 54 }),
    ...series('C1', { 2021: 45, 2023: 46 }),
    ...series('C2', { 2021: 55, 2023: 54 }),
    ...series('C3', { 2021: 35, 2023: 35 }),
    ...series('C4', { 2021: 60, 2023: 60 }),
  ];

  it('cannot tell with fewer than 2 comparison areas or 4 areas in all', () => {
    const one = run(sixAreas, { comparison: ['C1'] });
    assert.equal(one.verdict, 'cannot_tell');
    assert.deepEqual(one.reasons, ['too_few_areas']);
    close(one.estimate, 5 - 1); // still computed: (6+4)/2 − 1
    assert.equal(one.ciLow, null); // no interval with a single comparison area
    const three = run(sixAreas, { intervention: ['I1'], comparison: ['C1', 'C2'] }); // 3 areas in all
    assert.equal(three.verdict, 'cannot_tell');
    assert.deepEqual(three.reasons, ['too_few_areas']);
    assert.ok(three.ciLow !== null); // an interval, but not enough areas to trust it
    const four = run(sixAreas, { intervention: ['I1'], comparison: ['C1', 'C2', 'C3'] }); // 4 areas: enough
    assert.notEqual(four.verdict, 'cannot_tell');
    const none = run(sixAreas, { comparison: [] });
    assert.equal(none.verdict, 'cannot_tell');
    assert.equal(none.estimate, null);
    assert.deepEqual(none.placebo, []);
  });

  it('cannot tell when the interval is wider than the ordinary difference between areas', () => {
    // All areas start at 50 ± 1 (sd of before means ≈ 0.9), but the changes vary by ±10: the interval
    // contains 0 and its half-width is far above 0.9.
    const r = run([
      ...series('I1', { 2021: 50, 2023: 60 }),
      ...series('I2', { 2021: 51, 2023: 41 }),
      ...series('C1', { 2021: 49, 2023: 59 }),
      ...series('C2', { 2021: 50, 2023: 40 }),
      ...series('C3', { 2021: 51, 2023: 61 }),
      ...series('C4', { 2021: 49, 2023: 39 }),
    ]);
    assert.ok(r.ciLow! < 0 && r.ciHigh! > 0);
    assert.equal(r.verdict, 'cannot_tell');
    assert.deepEqual(r.reasons, ['wide_interval']);
  });

  it('says no data when there is nothing after (or before) the start', () => {
    const onlyBefore = run(sixAreas.filter((o) => o.period === '2021'));
    assert.equal(onlyBefore.verdict, 'no_data');
    assert.deepEqual(onlyBefore.reasons, ['no_after']);
    assert.equal(onlyBefore.estimate, null);
    assert.deepEqual(onlyBefore.counts, { intervention: 0, comparison: 0, cellsLeftOut: 0 });
    // The chart can still show the before data.
    assert.deepEqual(onlyBefore.means, [{ period: '2021', periodEnd: '2021-12-31', intervention: 45, comparison: 48.75 }]);
    assert.deepEqual(onlyBefore.before, ['2021']);
    const nothing = run([]);
    assert.equal(nothing.verdict, 'no_data');
    assert.deepEqual(nothing.reasons, ['no_before', 'no_after']);
    assert.deepEqual(nothing.means, []);
  });

  it('leaves out cells with too few respondents, counts them and says so', () => {
    // I2's only before cell has 12 respondents (< 30): I2 drops out; I1 alone: 6 − 0 = 6.
    const obs = sixAreas.map((o) => (o.areaCode === 'I2' && o.period === '2021' ? { ...o, respondents: 12 } : o));
    const r = run([...obs, cell('C1', '2022', 99, 5)]); // a second small cell, also left out
    close(r.estimate, 6);
    assert.deepEqual(r.counts, { intervention: 1, comparison: 4, cellsLeftOut: 2 });
    assert.ok(r.reasons.includes('small_numbers'));
    assert.equal(r.reasons.at(-1), 'small_numbers');
    // Known respondents at or above the minimum are kept; a lower minimum keeps the cell.
    const kept = run(obs, { minRespondents: 10 });
    close(kept.estimate, 5);
    assert.equal(kept.counts.cellsLeftOut, 0);
    assert.ok(!kept.reasons.includes('small_numbers'));
  });

  it('handles nulls, an area only before, duplicates and an area in both groups', () => {
    const r = run([
      ...sixAreas.filter((o) => o.areaCode !== 'C4'),
      cell('C4', '2021', 60), // only before: not used
      cell('C4', '2023', null), // a null value is left out, not counted
      cell('C3', '2023', 37), // a duplicate cell: averaged with 35 → 36, change +1
      cell('X9', '2021', 1000), // not in either group: ignored
    ]);
    // C changes: +1, −1, +1 → mean 1/3; DiD = 5 − 1/3.
    close(r.estimate, 5 - 1 / 3);
    assert.deepEqual(r.counts, { intervention: 2, comparison: 3, cellsLeftOut: 0 });
    assert.deepEqual(r.placebo.at(-1), { areaCode: 'C4', estimate: null });
    const both = run(sixAreas, { comparison: ['C1', 'C2', 'C3', 'C4', 'I1', 'C1'] });
    assert.deepEqual(
      both.placebo.map((p) => p.areaCode),
      ['C1', 'C2', 'C3', 'C4'],
    );
    close(both.estimate, 5);
  });

  it('refuses an invalid request', () => {
    assert.throws(() => run([], { startDay: '2022-6-1' }), RangeError);
    assert.throws(() => run([], { seed: 1.5 }), RangeError);
    assert.throws(() => run([], { resamples: 0 }), RangeError);
    assert.throws(() => run([], { level: 0.8 as 0.9 }), RangeError);
    assert.throws(() => run([{ ...cell('I1', '2021', 1), periodEnd: 'soon' }]), RangeError);
  });
});
