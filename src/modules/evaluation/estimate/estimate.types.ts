/**
 * Shapes of the effect estimator (issue 16). Pure data, no database.
 * Stable: other parts of the evaluation module code against these names.
 */
export interface Observation {
  areaCode: string;
  period: string;
  periodEnd: string /* 'YYYY-MM-DD' */;
  value: number | null;
  respondents: number | null;
}

export interface EstimateInput {
  intervention: readonly string[];
  comparison: readonly string[];
  startDay: string; // periods with periodEnd < startDay are "before", the rest "after"
  observations: readonly Observation[];
  seed: number;
  resamples?: number; // default 2000
  level?: 0.9 | 0.95; // default 0.9
  minRespondents?: number; // default 30: cells below it are left out (and said so)
}

export type Verdict = 'effect' | 'no_clear_effect' | 'cannot_tell' | 'no_data';
export type Reason = 'too_few_areas' | 'no_before' | 'no_after' | 'small_numbers' | 'pre_trend' | 'wide_interval' | 'placebo_not_unusual';

export interface GroupMean {
  period: string;
  periodEnd: string;
  intervention: number | null;
  comparison: number | null;
}

export interface EstimateResult {
  verdict: Verdict;
  reasons: Reason[];
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  level: number;
  before: string[]; // periods used
  after: string[];
  means: GroupMean[]; // for the chart
  placebo: { areaCode: string; estimate: number | null }[];
  placeboRank: number | null; // rank of the true effect among |placebo| (1 = largest)
  preTrend: { difference: number | null; ok: boolean | null }; // slope difference before the start; null when fewer than 2 before-periods
  synthetic: {
    weights: { areaCode: string; weight: number }[];
    preRmspe: number;
    estimate: number;
  } | null;
  counts: { intervention: number; comparison: number; cellsLeftOut: number };
  seed: number;
  resamples: number;
}
