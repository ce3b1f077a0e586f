import { parsePeriod } from '../core/periods.ts';

/**
 * Whether a target is on course (pure). The rule: the path from the baseline to the target is a
 * straight line, from the baseline value at the baseline period to the target value at the end of
 * the target year. The latest measured value is compared with where that line stands at the latest
 * period:
 * - `reached`: the latest value already meets the target (≥ for at least, ≤ for at most);
 * - `on_course`: it is not reached, but it is at or beyond the line at that moment;
 * - `off_course`: it is behind the line (after the target year the line stands at the target);
 * - `no_data`: no measured value, or no baseline value to draw the line from.
 * The baseline value is the target's own (`baselineValue`) or else the measurement of the baseline period.
 */
export type CourseStatus = 'reached' | 'on_course' | 'off_course' | 'no_data';

export interface CourseTarget {
  baselinePeriod: string;
  baselineValue: number | null;
  targetValue: number;
  targetYear: number;
  comparator: 'at_least' | 'at_most';
}

export interface CoursePoint {
  period: string;
  value: number | null;
}

export interface CourseAssessment {
  status: CourseStatus;
  baseline: number | null;
  latest: CoursePoint | null;
  /** Where the straight line stands at the latest period (null without a baseline). */
  expected: number | null;
}

/** A period as a point in time, in years counted from the end of a year (2011 → 2011, 2011-Q2 → 2010.5: half a year after the end of 2010). */
export function periodPosition(period: string): number | null {
  const p = parsePeriod(period);
  if (!p) return null;
  const endMonth = Number(p.end.slice(5, 7));
  return p.year - 1 + endMonth / 12;
}

/** With a tiny tolerance: a value exactly on the line is on it, whatever the floating-point rounding. */
const EPS = 1e-9;
const meets = (value: number, goal: number, comparator: CourseTarget['comparator']) =>
  comparator === 'at_least' ? value >= goal - EPS : value <= goal + EPS;

export function assessTarget(target: CourseTarget, measurements: readonly CoursePoint[]): CourseAssessment {
  const known = measurements
    .filter(
      (m): m is { period: string; value: number } => m.value !== null && Number.isFinite(m.value) && periodPosition(m.period) !== null,
    )
    .sort((a, b) => periodPosition(a.period)! - periodPosition(b.period)!);
  const latest = known.at(-1) ?? null;
  const baseline = target.baselineValue ?? known.find((m) => m.period === target.baselinePeriod)?.value ?? null;
  if (!latest) return { status: 'no_data', baseline, latest: null, expected: null };
  if (meets(latest.value, target.targetValue, target.comparator)) return { status: 'reached', baseline, latest, expected: null };
  const start = periodPosition(target.baselinePeriod);
  if (baseline === null || start === null) return { status: 'no_data', baseline, latest, expected: null };
  const span = target.targetYear - start;
  const share = span <= 0 ? 1 : Math.min(1, Math.max(0, (periodPosition(latest.period)! - start) / span));
  const expected = baseline + (target.targetValue - baseline) * share;
  return { status: meets(latest.value, expected, target.comparator) ? 'on_course' : 'off_course', baseline, latest, expected };
}

/** The status only (see `assessTarget` for the numbers behind it). */
export function onCourse(target: CourseTarget, measurements: readonly CoursePoint[]): CourseStatus {
  return assessTarget(target, measurements).status;
}
