import { mean } from 'simple-statistics';
import type { EstimateInput, GroupMean, Observation } from './estimate.types.ts';

/**
 * Preparing the observations for the estimator: checking the input, leaving out unusable cells,
 * and the per-area before and after means. Pure; see docs/evaluation-method.md.
 */

export const DEFAULT_RESAMPLES = 2000;
export const DEFAULT_LEVEL = 0.9;
export const DEFAULT_MIN_RESPONDENTS = 30;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type Group = 'intervention' | 'comparison';

export interface PeriodInfo {
  period: string;
  periodEnd: string;
  before: boolean;
}

export interface AreaSeries {
  areaCode: string;
  group: Group;
  /** period → value, only cells that were kept. */
  values: Map<string, number>;
  beforeMean: number | null;
  afterMean: number | null;
}

export interface Prepared {
  startDay: string;
  seed: number;
  resamples: number;
  level: number;
  /** Every period seen in a kept cell of an area of either group, sorted by periodEnd, then label. */
  periods: PeriodInfo[];
  intervention: AreaSeries[]; // in input order (duplicates removed)
  comparison: AreaSeries[]; // in input order, without areas that are also intervention areas
  cellsLeftOut: number;
  anyBefore: boolean;
  anyAfter: boolean;
}

function checkDay(day: string, what: string): void {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new RangeError(`${what} must be a day 'YYYY-MM-DD', got '${day}'`);
  }
}

/** Checks the settings; throws RangeError on input that is not a valid request (not on thin data). */
export function settingsOf(input: EstimateInput): { resamples: number; level: number; minRespondents: number } {
  const resamples = input.resamples ?? DEFAULT_RESAMPLES;
  const level = input.level ?? DEFAULT_LEVEL;
  const minRespondents = input.minRespondents ?? DEFAULT_MIN_RESPONDENTS;
  if (!Number.isInteger(input.seed)) throw new RangeError('seed must be an integer');
  if (!Number.isInteger(resamples) || resamples < 1 || resamples > 100_000) {
    throw new RangeError('resamples must be an integer from 1 to 100000');
  }
  if (level !== 0.9 && level !== 0.95) throw new RangeError('level must be 0.9 or 0.95');
  if (!Number.isFinite(minRespondents) || minRespondents < 0) {
    throw new RangeError('minRespondents must be a number ≥ 0');
  }
  checkDay(input.startDay, 'startDay');
  return { resamples, level, minRespondents };
}

function uniqueCodes(codes: readonly string[], skip: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const code of codes) {
    if (seen.has(code) || skip.has(code)) continue;
    seen.add(code);
    out.push(code);
  }
  return out;
}

/**
 * Keeps the usable cells: observations of the areas in the two groups, with a finite value and
 * (when the number of respondents is known) at least `minRespondents` respondents. Cells below
 * the minimum are counted in `cellsLeftOut`; cells without a value are left out silently. Two
 * kept cells for the same area and period are averaged. An area in both lists counts as an
 * intervention area only.
 */
export function prepare(input: EstimateInput): Prepared {
  const { resamples, level, minRespondents } = settingsOf(input);
  const interventionCodes = uniqueCodes(input.intervention, new Set());
  const comparisonCodes = uniqueCodes(input.comparison, new Set(interventionCodes));
  const groupOf = new Map<string, Group>();
  for (const c of interventionCodes) groupOf.set(c, 'intervention');
  for (const c of comparisonCodes) groupOf.set(c, 'comparison');

  let cellsLeftOut = 0;
  const periodEnds = new Map<string, string>();
  const cells = new Map<string, Map<string, number[]>>(); // area → period → values
  for (const o of input.observations as readonly Observation[]) {
    if (!groupOf.has(o.areaCode)) continue;
    checkDay(o.periodEnd, `periodEnd of ${o.areaCode} ${o.period}`);
    if (o.value === null || !Number.isFinite(o.value)) continue;
    if (o.respondents !== null && o.respondents < minRespondents) {
      cellsLeftOut += 1;
      continue;
    }
    // One end per period label: the earliest seen, so the result does not depend on input order.
    const end = periodEnds.get(o.period);
    if (end === undefined || o.periodEnd < end) periodEnds.set(o.period, o.periodEnd);
    let byPeriod = cells.get(o.areaCode);
    if (!byPeriod) cells.set(o.areaCode, (byPeriod = new Map()));
    const list = byPeriod.get(o.period);
    if (list) list.push(o.value);
    else byPeriod.set(o.period, [o.value]);
  }

  const periods: PeriodInfo[] = [...periodEnds.entries()]
    .map(([period, periodEnd]) => ({ period, periodEnd, before: periodEnd < input.startDay }))
    .sort((a, b) => (a.periodEnd === b.periodEnd ? cmp(a.period, b.period) : cmp(a.periodEnd, b.periodEnd)));
  const isBefore = new Map(periods.map((p) => [p.period, p.before]));

  const series = (areaCode: string, group: Group): AreaSeries => {
    const values = new Map<string, number>();
    for (const [period, list] of cells.get(areaCode) ?? []) values.set(period, mean(list));
    const before: number[] = [];
    const after: number[] = [];
    for (const p of periods) {
      const v = values.get(p.period);
      if (v === undefined) continue;
      (isBefore.get(p.period) ? before : after).push(v);
    }
    return {
      areaCode,
      group,
      values,
      beforeMean: before.length ? mean(before) : null,
      afterMean: after.length ? mean(after) : null,
    };
  };
  const intervention = interventionCodes.map((c) => series(c, 'intervention'));
  const comparison = comparisonCodes.map((c) => series(c, 'comparison'));
  const all = [...intervention, ...comparison];
  return {
    startDay: input.startDay,
    seed: input.seed,
    resamples,
    level,
    periods,
    intervention,
    comparison,
    cellsLeftOut,
    anyBefore: all.some((a) => a.beforeMean !== null),
    anyAfter: all.some((a) => a.afterMean !== null),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An area is used in the estimate when it has data both before and after the start. */
export function isUsed(a: AreaSeries): a is AreaSeries & { beforeMean: number; afterMean: number } {
  return a.beforeMean !== null && a.afterMean !== null;
}

/** after − before of one used area. */
export function changeOf(a: AreaSeries): number {
  if (!isUsed(a)) throw new Error(`area ${a.areaCode} has no before and after data`);
  return a.afterMean - a.beforeMean;
}

/**
 * Group means per period for the chart: over the group's areas used in the estimate, or, when the
 * group has none, over all its areas with data (so a chart can show the before data while there is
 * no after data yet).
 */
export function groupMeans(prep: Prepared): GroupMean[] {
  const chartAreas = (areas: AreaSeries[]): AreaSeries[] => {
    const used = areas.filter(isUsed);
    return used.length ? used : areas;
  };
  const ia = chartAreas(prep.intervention);
  const ca = chartAreas(prep.comparison);
  const meanAt = (areas: AreaSeries[], period: string): number | null => {
    const vs = areas.flatMap((a) => {
      const v = a.values.get(period);
      return v === undefined ? [] : [v];
    });
    return vs.length ? mean(vs) : null;
  };
  return prep.periods
    .map((p) => ({
      period: p.period,
      periodEnd: p.periodEnd,
      intervention: meanAt(ia, p.period),
      comparison: meanAt(ca, p.period),
    }))
    .filter((m) => m.intervention !== null || m.comparison !== null);
}

/** Years since 1970 of a day, for slopes per year. */
export function yearsOf(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / (365.25 * 86_400_000);
}
