import type { IndicatorDirection, IndicatorUnit } from '../../../platform/module.ts';
import { classifyAreas } from '../classify/classify.ts';
import { onCourse } from '../targets/on-course.ts';
import type { AreaClass, Course } from './page.types.ts';

/**
 * Pure rules of the neighbourhood page's monitor parts (no I/O), on the monitor's own rules: whether
 * a target is on course, how an area compares with its municipality, which areas count as similar.
 */

/**
 * One figure of an area against the municipality, by the monitor's classification
 * (classify/classify.ts): percentages by the ±5 percentage-point band around the municipality,
 * other figures by a z-score over the areas of the same level (|z| < 0.5 is around). `above`
 * means better than the municipality (for a figure where lower is better, a lower value is above).
 * Neutral figures, and other figures with fewer than 3 areas to compare, are not classified.
 */
export function classifyFigure(args: {
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  value: number;
  municipality: number | null;
  /** The same figure of every area of the same level (this one included). */
  peers: readonly number[];
}): { class: AreaClass; method: 'pp5' | 'z' } | null {
  if (args.direction === 'neutral') return null;
  if (args.unit !== 'percent' && args.peers.length < 3) return null;
  const areas = [{ code: '_self', value: args.value }, ...args.peers.map((v, i) => ({ code: `_${i}`, value: v }))];
  // This area once among its peers: drop one peer with the same value (the peers include it).
  const at = areas.findIndex((a, i) => i > 0 && a.value === args.value);
  if (at > 0) areas.splice(at, 1);
  const c = classifyAreas({ unit: args.unit, direction: args.direction, areas, municipality: args.municipality });
  const self = c.areas.find((a) => a.code === '_self');
  return self ? { class: self.class, method: c.method === 'band' ? 'pp5' : 'z' } : null;
}

/** The course of a target as the page says it, from the monitor's straight-line rule (targets/on-course.ts). */
export function courseOf(
  target: { value: number; year: number; comparator: 'at_least' | 'at_most'; baselinePeriod: string; baselineValue: number | null },
  measurements: readonly { period: string; value: number | null }[],
): Course {
  const status = onCourse(
    {
      baselinePeriod: target.baselinePeriod,
      baselineValue: target.baselineValue,
      targetValue: target.value,
      targetYear: target.year,
      comparator: target.comparator,
    },
    measurements,
  );
  return status === 'reached' ? 'met' : status === 'no_data' ? 'unknown' : status;
}

/** The area's class over its figures: the class most of them have; a tie counts as around. */
export function overallClass(classes: readonly AreaClass[]): { class: AreaClass; counts: Record<AreaClass, number> } | null {
  if (classes.length === 0) return null;
  const counts: Record<AreaClass, number> = { above: 0, around: 0, below: 0 };
  for (const c of classes) counts[c]++;
  const max = Math.max(counts.above, counts.around, counts.below);
  const top = (['above', 'around', 'below'] as const).filter((c) => counts[c] === max);
  return { class: top.length === 1 ? (top[0] as AreaClass) : 'around', counts };
}

/**
 * Population-density bands (inhabitants per km²) for similar areas when the CBS urbanity class is
 * not measured: below 2,000 low, 2,000 to 5,000 medium, from 5,000 high.
 */
export function densityBand(density: number): 'low' | 'medium' | 'high' {
  return density < 2000 ? 'low' : density < 5000 ? 'medium' : 'high';
}

/** The code of the municipality of an area code (GM + 4 digits). */
export function municipalityCode(code: string): string {
  return 'GM' + code.slice(2, 6);
}

/** The figure that stands for each function in the table of areas, in order of preference. */
export const HEADLINES = {
  meet: ['dsp_meet_weekly', 'wm25_contact_opportunities', 'wm24_social_facilities', 'sm_meeting_per1000'],
  know: ['cohesion_vm', 'wm07_cohesion', 'dsp_know_10plus', 'wm71_enough_contact'],
  help: ['dsp_help_monthly', 'help_matches_incidental', 'sig_fed_back', 'help_requests'],
  together: ['wm09_active', 'dsp_together_year', 'wm59_volunteering', 'wm11_responsible'],
} as const;
