import { linearRegression, mean, quantileSorted } from 'simple-statistics';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { GroupMean } from './estimate.types.ts';
import { yearsOf } from './estimate.data.ts';

/**
 * The statistics around the difference-in-differences estimate: the area (cluster) bootstrap,
 * the placebo per comparison area and the pre-trend check. Pure; see docs/evaluation-method.md.
 */

/** The 2×2 difference-in-differences on per-area changes (after − before). */
export function didOfChanges(interventionChanges: readonly number[], comparisonChanges: readonly number[]): number {
  return mean(interventionChanges) - mean(comparisonChanges);
}

/**
 * Percentile interval of the area bootstrap: each resample draws as many intervention areas as
 * there are, with replacement, from the intervention areas, and likewise for the comparison areas,
 * and computes the difference-in-differences. The random numbers come from pure-rand's
 * xoroshiro128+ seeded with the low 32 bits of `seed`, drawn in a fixed order (per resample: the
 * intervention draws, then the comparison draws), so the same input and seed give the same interval.
 * Quantiles are simple-statistics' linear interpolation (R type 7).
 */
export function bootstrapInterval(
  interventionChanges: readonly number[],
  comparisonChanges: readonly number[],
  seed: number,
  resamples: number,
  level: number,
): { low: number; high: number } {
  const nI = interventionChanges.length;
  const nC = comparisonChanges.length;
  if (nI === 0 || nC === 0) throw new Error('bootstrap needs areas in both groups');
  const rng = xoroshiro128plus(seed | 0);
  const estimates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sumI = 0;
    for (let k = 0; k < nI; k++) sumI += interventionChanges[uniformInt(rng, 0, nI - 1)]!;
    let sumC = 0;
    for (let k = 0; k < nC; k++) sumC += comparisonChanges[uniformInt(rng, 0, nC - 1)]!;
    estimates[r] = sumI / nI - sumC / nC;
  }
  const sorted = Array.from(estimates.sort());
  const tail = (1 - level) / 2;
  return { low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail) };
}

/**
 * Placebo estimates: each comparison area in turn is treated as if it were the intervention,
 * against the other comparison areas (the real intervention areas are left out). `null` for an
 * area without before and after data, or when no other comparison area has both.
 */
export function placeboEstimates(
  comparison: readonly { areaCode: string; change: number | null }[],
): { areaCode: string; estimate: number | null }[] {
  return comparison.map((a, i) => {
    if (a.change === null) return { areaCode: a.areaCode, estimate: null };
    const others = comparison.flatMap((b, j) => (j !== i && b.change !== null ? [b.change] : []));
    return { areaCode: a.areaCode, estimate: others.length ? a.change - mean(others) : null };
  });
}

/** How close two sizes must be to count as a tie (ties count against the true estimate). */
const TIE = 1e-9;

/**
 * Rank of |true estimate| among |true estimate| and the |placebo estimates| (1 = largest). A
 * placebo as large as the true estimate (within 1e-9) ranks above it, so rank 1 means "larger than
 * every placebo". `null` when there is no placebo estimate.
 */
export function placeboRankOf(estimate: number, placebos: readonly (number | null)[]): number | null {
  const sizes = placebos.filter((p): p is number => p !== null).map(Math.abs);
  if (sizes.length === 0) return null;
  const t = Math.abs(estimate);
  return 1 + sizes.filter((s) => s >= t - TIE).length;
}

export interface PreTrend {
  /** Slope per year of (intervention − comparison) over the before periods. */
  difference: number | null;
  /** Years between the middle of the before periods and the middle of the after periods. */
  gapYears: number | null;
}

/**
 * Difference in linear slope per year (least squares on the periodEnd in years) between the
 * intervention and comparison group means over the before periods where both groups have a
 * mean. Needs at least two such periods with different ends; `null` otherwise.
 */
export function preTrendOf(means: readonly GroupMean[], startDay: string): PreTrend {
  const both = means.filter(
    (m): m is GroupMean & { intervention: number; comparison: number } => m.intervention !== null && m.comparison !== null,
  );
  const before = both.filter((m) => m.periodEnd < startDay);
  const after = both.filter((m) => m.periodEnd >= startDay);
  const xs = before.map((m) => yearsOf(m.periodEnd));
  if (new Set(xs).size < 2) return { difference: null, gapYears: null };
  const slope = (ys: number[]): number => linearRegression(xs.map((x, i) => [x, ys[i]!])).m;
  const difference = slope(before.map((m) => m.intervention)) - slope(before.map((m) => m.comparison));
  const gapYears = after.length ? mean(after.map((m) => yearsOf(m.periodEnd))) - mean(xs) : null;
  return { difference, gapYears };
}

/**
 * The pre-trend rule: the slope difference, carried on from the middle of the before periods to
 * the middle of the after periods, would by itself produce a difference-in-differences of
 * |difference| × gapYears (the "trend bias"). The pre-trend is not ok when that bias is more than
 * half of the larger of |estimate| and the half-width of the interval: then the trend could
 * explain a large part of what we measured, and the data cannot separate the two.
 */
export function preTrendOk(trend: PreTrend, estimate: number | null, interval: { low: number; high: number } | null): boolean | null {
  if (trend.difference === null || trend.gapYears === null || estimate === null) return null;
  const bias = Math.abs(trend.difference) * trend.gapYears;
  const halfWidth = interval ? (interval.high - interval.low) / 2 : 0;
  return bias <= 0.5 * Math.max(Math.abs(estimate), halfWidth) + TIE;
}
