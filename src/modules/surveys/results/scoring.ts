/**
 * Scoring one response (pure): what each indicator of an item set gets from one respondent — a
 * score or a number for a mean, 1 or 0 for a share, null when the respondent gave no usable answer.
 * Rules and the reasons for them: docs/surveys-results.md.
 */
import { itemSet } from '../itemsets/itemsets.ts';
import type { ItemSet, SurveyItem } from '../itemsets/itemsets.types.ts';

/** Answers as stored in survey_responses.answers: `{ "<set>.<key>": value }`. */
export type Answers = Readonly<Record<string, number | string | null | undefined>>;

export interface Scorer {
  code: string;
  /** `mean`: the value is averaged (t-interval); `share`: the value is 1 or 0 (Wilson interval, in percent). */
  kind: 'mean' | 'share';
  /** Bounds of a single value (for clamping the interval). */
  lower?: number;
  upper?: number;
  score(answers: Answers): number | null;
}

/** A valid answer to an item, or null (missing, not a number, not one of the options, out of range). */
export function answerOf(set: ItemSet, item: SurveyItem, answers: Answers): number | null {
  const raw = answers[`${set.set}.${item.key}`];
  const v = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : null;
  if (v === null || !Number.isFinite(v)) return null;
  if (item.kind === 'scale') return item.options?.some((o) => o.value === v) ? v : null;
  if (!Number.isInteger(v)) return null;
  if (item.min !== undefined && v < item.min) return null;
  if (item.max !== undefined && v > item.max) return null;
  return v;
}

function item(set: ItemSet, key: string): SurveyItem {
  const found = set.items.find((i) => i.key === key);
  if (!found) throw new Error(`item ${set.set}@${set.version}.${key} does not exist`);
  return found;
}

/**
 * The cohesion scale score of one respondent, 0–10 (10 = positive): every answered item is turned
 * so that 5 is the positive end (agreement with a positive statement, disagreement with a reverse
 * one), then mean(answer − 1) × 2.5. A score needs all items but at most one answered.
 */
export function cohesionScore(set: ItemSet, keys: readonly string[], answers: Answers): number | null {
  const oriented: number[] = [];
  for (const key of keys) {
    const it = item(set, key);
    const v = answerOf(set, it, answers);
    if (v === null) continue;
    oriented.push(it.reverse ? v : 6 - v);
  }
  if (oriented.length < minimumCohesionItems(keys.length)) return null;
  return (oriented.reduce((s, v) => s + (v - 1), 0) / oriented.length) * 2.5;
}

/** How many cohesion items must be answered for a score: all but one (4 of 5, 5 of 6). */
export function minimumCohesionItems(items: number): number {
  return Math.max(1, items - 1);
}

/** A share: 1 when the answer is one of `yes`, 0 when it is another valid option, null when missing. */
function share(set: ItemSet, key: string, yes: (v: number) => boolean) {
  const it = item(set, key);
  return (answers: Answers): number | null => {
    const v = answerOf(set, it, answers);
    return v === null ? null : yes(v) ? 1 : 0;
  };
}

function scorersOf(set: ItemSet): Scorer[] {
  const cohesion = (code: string, keys: readonly string[]): Scorer => ({
    code,
    kind: 'mean',
    lower: 0,
    upper: 10,
    score: (a) => cohesionScore(set, keys, a),
  });
  const pct = (code: string, key: string, yes: (v: number) => boolean): Scorer => ({ code, kind: 'share', score: share(set, key, yes) });
  switch (set.set) {
    case 'cohesion-vm':
      return [
        cohesion(
          'cohesion_vm',
          set.items.map((i) => i.key),
        ),
      ];
    case 'dsp-functions': {
      const hours = item(set, 'help_hours');
      return [
        pct('dsp_meet_weekly', 'meet_often', (v) => v <= 2),
        pct('dsp_know_10plus', 'know_people', (v) => v === 4),
        pct('dsp_help_monthly', 'help_often', (v) => v <= 3),
        pct('dsp_together_year', 'together_times', (v) => v >= 2),
        { code: 'dsp_help_hours', kind: 'mean', lower: 0, score: (a) => answerOf(set, hours, a) },
      ];
    }
    case 'help-kinds':
      return [
        pct('help_kind_latent', 'latent', (v) => v === 1),
        pct('help_kind_incidental', 'incidental', (v) => v === 1),
        pct('help_kind_structural', 'structural', (v) => v === 1),
      ];
    case 'hhw-wijkmonitor':
      return [
        cohesion(
          'wm07_cohesion',
          set.items.filter((i) => i.key.startsWith('q07_')).map((i) => i.key),
        ),
        pct('wm09_active', 'q09', (v) => v === 1),
        pct('wm10_involvement_satisfied', 'q10', (v) => v <= 2),
        pct('wm11_responsible', 'q11', (v) => v <= 2),
        pct('wm24_social_facilities', 'q24', (v) => v <= 2),
        pct('wm25_contact_opportunities', 'q25', (v) => v <= 2),
        pct('wm59_volunteering', 'q59', (v) => v === 1),
        pct('wm71_enough_contact', 'q71', (v) => v <= 2),
      ];
    default:
      return [];
  }
}

const cache = new Map<string, Scorer[]>();

/** The scorers of one item set in one version ([] for an unknown set or version). */
export function scorersFor(setKey: string, version: string): Scorer[] {
  const key = `${setKey}@${version}`;
  let found = cache.get(key);
  if (!found) {
    const set = itemSet(setKey, version);
    found = set ? scorersOf(set) : [];
    cache.set(key, found);
  }
  return found;
}
