import { sampleStandardDeviation } from 'simple-statistics';
import type { EstimateInput, EstimateResult, Reason, Verdict } from './estimate.types.ts';
import { changeOf, groupMeans, isUsed, prepare } from './estimate.data.ts';
import { bootstrapInterval, didOfChanges, placeboEstimates, placeboRankOf, preTrendOf, preTrendOk } from './estimate.stats.ts';
import { syntheticControl } from './synthetic.ts';

export type * from './estimate.types.ts';
export { DEFAULT_LEVEL, DEFAULT_MIN_RESPONDENTS, DEFAULT_RESAMPLES } from './estimate.data.ts';

/** The "cannot tell yet" thresholds (docs/evaluation-method.md, "The verdict"). */
export const MIN_INTERVENTION_AREAS = 1;
export const MIN_COMPARISON_AREAS = 2;
export const MIN_AREAS = 4;

/**
 * Difference-in-differences on area means with an area bootstrap, placebo, pre-trend check and
 * (with enough comparison areas) a synthetic control, and a verdict by a fixed rule. Pure and
 * deterministic: the same input (including `seed`) gives the same result. Throws RangeError only
 * on an invalid request (bad day, seed, level, resamples); thin data gives a verdict instead.
 *
 * The verdict rule, in order:
 * 1. `no_data` when no kept cell lies before the start (`no_before`) or none on/after it (`no_after`).
 * 2. `cannot_tell` when any of these holds (all that hold are listed):
 *    - `too_few_areas`: fewer than 1 intervention area or 2 comparison areas with data both before
 *      and after, or fewer than 4 such areas in all;
 *    - `pre_trend`: the pre-trend check says not ok (see preTrendOk);
 *    - `wide_interval`: the interval contains 0 and its half-width is larger than the standard
 *      deviation, across the used areas, of their before means (the ordinary difference between
 *      areas): the data cannot tell the project apart from ordinary variation.
 * 3. `effect` when the interval excludes 0 and the true estimate ranks first among the placebos
 *    (larger in size than every placebo estimate); when it does not rank first: `no_clear_effect`
 *    with `placebo_not_unusual`.
 * 4. `no_clear_effect` otherwise (the interval contains 0).
 * `small_numbers` is added to the reasons whenever cells were left out for too few respondents;
 * on its own it never changes the verdict.
 */
export function estimateEffect(input: EstimateInput): EstimateResult {
  const prep = prepare(input);
  const means = groupMeans(prep);
  const usedI = prep.intervention.filter(isUsed);
  const usedC = prep.comparison.filter(isUsed);
  const changesI = usedI.map(changeOf);
  const changesC = usedC.map(changeOf);

  const estimate = usedI.length && usedC.length ? didOfChanges(changesI, changesC) : null;
  // An interval needs at least one intervention area and two comparison areas: with a single
  // comparison area every resample is the same and the interval would look falsely precise.
  const interval =
    estimate !== null && usedC.length >= MIN_COMPARISON_AREAS
      ? bootstrapInterval(changesI, changesC, prep.seed, prep.resamples, prep.level)
      : null;

  const placebo = placeboEstimates(prep.comparison.map((a) => ({ areaCode: a.areaCode, change: isUsed(a) ? changeOf(a) : null })));
  const placeboRank =
    estimate === null
      ? null
      : placeboRankOf(
          estimate,
          placebo.map((p) => p.estimate),
        );

  const trend = preTrendOf(means, prep.startDay);
  const preTrend = { difference: trend.difference, ok: preTrendOk(trend, estimate, interval) };

  const synthetic =
    usedI.length > 0
      ? syntheticControl({
          treated: new Map(means.flatMap((m) => (m.intervention === null ? [] : [[m.period, m.intervention]]))),
          donors: usedC,
          before: prep.periods.filter((p) => p.before).map((p) => p.period),
          after: prep.periods.filter((p) => !p.before).map((p) => p.period),
        })
      : null;

  const reasons: Reason[] = [];
  let verdict: Verdict;
  if (!prep.anyBefore || !prep.anyAfter) {
    verdict = 'no_data';
    if (!prep.anyBefore) reasons.push('no_before');
    if (!prep.anyAfter) reasons.push('no_after');
  } else {
    if (usedI.length < MIN_INTERVENTION_AREAS || usedC.length < MIN_COMPARISON_AREAS || usedI.length + usedC.length < MIN_AREAS) {
      reasons.push('too_few_areas');
    }
    if (preTrend.ok === false) reasons.push('pre_trend');
    const containsZero = interval !== null && interval.low <= 0 && interval.high >= 0;
    if (containsZero) {
      const spread = sampleStandardDeviation([...usedI, ...usedC].map((a) => a.beforeMean));
      if ((interval.high - interval.low) / 2 > spread) reasons.push('wide_interval');
    }
    // (No interval only happens with too few areas, so `cannot_tell` always has a reason.)
    if (reasons.length > 0 || interval === null) {
      verdict = 'cannot_tell';
    } else if (!containsZero) {
      verdict = placeboRank === null || placeboRank === 1 ? 'effect' : 'no_clear_effect';
      if (verdict === 'no_clear_effect') reasons.push('placebo_not_unusual');
    } else {
      verdict = 'no_clear_effect';
    }
  }
  if (prep.cellsLeftOut > 0) reasons.push('small_numbers');

  const periodsOf = (before: boolean): string[] =>
    means.filter((m) => m.periodEnd < prep.startDay === before && (m.intervention !== null || m.comparison !== null)).map((m) => m.period);
  return {
    verdict,
    reasons,
    estimate,
    ciLow: interval?.low ?? null,
    ciHigh: interval?.high ?? null,
    level: prep.level,
    before: periodsOf(true),
    after: periodsOf(false),
    means,
    placebo,
    placeboRank,
    preTrend,
    synthetic,
    counts: { intervention: usedI.length, comparison: usedC.length, cellsLeftOut: prep.cellsLeftOut },
    seed: prep.seed,
    resamples: prep.resamples,
  };
}
