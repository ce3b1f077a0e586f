import { allowedDistanceM } from './distance.ts';
import { sharedWords } from './words.ts';
import type { EngineRequest, EngineVolunteer, ScoreBreakdown } from './types.ts';

/**
 * Weights of the score terms (sum 100); each term is between 0 and 1. Documented in
 * docs/helpmatch-engine.md. Changing them changes every ranking: keep them in one place.
 */
export const WEIGHTS: Readonly<ScoreBreakdown> = {
  distance: 25,
  skills: 20,
  availability: 15,
  reciprocity: 10,
  reliability: 15,
  fairness: 15,
};

/** Beyond this distance the distance term is 0 (for "anywhere in the municipality"). */
export const DISTANCE_SCALE_M = 5000;
/** Hours of help received at which the reciprocity term for "gives back" is full. */
export const RECIPROCITY_HOURS = 10;

export interface ScoreInput {
  distanceM: number;
  overlapMinutes: number;
  requestedMinutes: number;
  requestWords: ReadonlySet<string>;
  talentWords: ReadonlySet<string>;
}

export interface ScoreResult {
  score: number;
  /** The score in hundredths, an integer: what the batch assignment adds up exactly. */
  points: number;
  breakdown: ScoreBreakdown;
  matchedWords: string[];
  helpedBefore: boolean;
  helpedByRequester: boolean;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** The score (0–100) of a pair that passed the hard filters, with each term's share. */
export function scorePair(request: EngineRequest, v: EngineVolunteer, input: ScoreInput): ScoreResult {
  const h = v.history;
  const scale = Math.min(allowedDistanceM(v.reach, request.radiusM), DISTANCE_SCALE_M);
  const matchedWords = sharedWords(input.requestWords, input.talentWords);
  const helpedBefore = h.helpedCategories.includes(request.category);
  const helpedByRequester = request.requesterIds.some((id) => h.helpedBy.includes(id));
  const terms: ScoreBreakdown = {
    distance: clamp01(1 - input.distanceM / scale),
    skills: 0.5 + (helpedBefore ? 0.25 : 0) + 0.125 * Math.min(2, matchedWords.length),
    availability: input.requestedMinutes > 0 ? clamp01(input.overlapMinutes / input.requestedMinutes) : 0,
    reciprocity: (helpedByRequester ? 0.5 : 0) + 0.5 * clamp01(h.hoursReceived / RECIPROCITY_HOURS),
    reliability: (h.done + 1) / (h.done + h.noShow + h.cancelled + 2),
    fairness: 1 / (1 + Math.max(0, h.recentMatches)),
  };
  let total = 0;
  const breakdown = {} as ScoreBreakdown;
  for (const k of Object.keys(WEIGHTS) as (keyof ScoreBreakdown)[]) {
    breakdown[k] = Math.round(WEIGHTS[k] * terms[k] * 100) / 100;
    total += WEIGHTS[k] * terms[k];
  }
  const points = Math.round(total * 100);
  return { score: points / 100, points, breakdown, matchedWords, helpedBefore, helpedByRequester };
}
