import { allowedDistanceM } from './distance.ts';
import { sharedWords } from './words.ts';
import type { EngineRequest, EngineVolunteer, ScoreBreakdown, VolunteerHistory } from './types.ts';

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

/** The distance term: 1 next door, 0 at the edge of the distance both accept (at most DISTANCE_SCALE_M). */
export function distanceTerm(distanceM: number, allowedM: number): number {
  return clamp01(1 - distanceM / Math.min(allowedM, DISTANCE_SCALE_M));
}
/** The skills term: half for the category, more for having helped with it before and for up to two matching talent words. */
export function skillsTerm(helpedBefore: boolean, matchedWordCount: number): number {
  return 0.5 + (helpedBefore ? 0.25 : 0) + 0.125 * Math.min(2, matchedWordCount);
}
/** The availability term: the share of the requested time the volunteer has. */
export function availabilityTerm(overlapMinutes: number, requestedMinutes: number): number {
  return requestedMinutes > 0 ? clamp01(overlapMinutes / requestedMinutes) : 0;
}
/** The reciprocity term: helped by the requester before, and hours of help received. */
export function reciprocityTerm(h: VolunteerHistory, helpedByRequester: boolean): number {
  return (helpedByRequester ? 0.5 : 0) + 0.5 * clamp01(h.hoursReceived / RECIPROCITY_HOURS);
}
/** The reliability term: completed matches against no-shows and cancellations (Laplace-smoothed). */
export function reliabilityTerm(h: VolunteerHistory): number {
  return (h.done + 1) / (h.done + h.noShow + h.cancelled + 2);
}
/** The fairness term: fewer recent matches first. */
export function fairnessTerm(h: VolunteerHistory): number {
  return 1 / (1 + Math.max(0, h.recentMatches));
}

/**
 * The score in hundredths (an integer) of the six terms: the weighted sum, always added in this
 * order (the order of WEIGHTS), so every caller gets exactly the same number.
 */
export function weightedPoints(
  distance: number,
  skills: number,
  availability: number,
  reciprocity: number,
  reliability: number,
  fairness: number,
): number {
  let total = 0;
  total += WEIGHTS.distance * distance;
  total += WEIGHTS.skills * skills;
  total += WEIGHTS.availability * availability;
  total += WEIGHTS.reciprocity * reciprocity;
  total += WEIGHTS.reliability * reliability;
  total += WEIGHTS.fairness * fairness;
  return Math.round(total * 100);
}

/**
 * The six terms (each 0–1) of a pair that passed the hard filters. `matchedWordCount` is how many
 * talent words match the request (`sharedWords`); only up to two count.
 */
export function scoreTerms(
  request: EngineRequest,
  v: EngineVolunteer,
  input: Pick<ScoreInput, 'distanceM' | 'overlapMinutes' | 'requestedMinutes'>,
  matchedWordCount: number,
  helpedBefore: boolean,
  helpedByRequester: boolean,
): ScoreBreakdown {
  const h = v.history;
  return {
    distance: distanceTerm(input.distanceM, allowedDistanceM(v.reach, request.radiusM)),
    skills: skillsTerm(helpedBefore, matchedWordCount),
    availability: availabilityTerm(input.overlapMinutes, input.requestedMinutes),
    reciprocity: reciprocityTerm(h, helpedByRequester),
    reliability: reliabilityTerm(h),
    fairness: fairnessTerm(h),
  };
}

const TERM_KEYS = Object.keys(WEIGHTS) as (keyof ScoreBreakdown)[];

/** The score in hundredths (an integer) of the given terms. */
export function pointsOfTerms(t: ScoreBreakdown): number {
  return weightedPoints(t.distance, t.skills, t.availability, t.reciprocity, t.reliability, t.fairness);
}

/** Whether the volunteer helped with the request's category before. */
export function helpedBeforeIn(request: Pick<EngineRequest, 'category'>, v: EngineVolunteer): boolean {
  return v.history.helpedCategories.includes(request.category);
}

/** Whether one of the requesters helped this volunteer before (reciprocity). */
export function helpedByRequesterOf(request: Pick<EngineRequest, 'requesterIds'>, v: EngineVolunteer): boolean {
  const by = v.history.helpedBy;
  if (by.length === 0) return false;
  for (const id of request.requesterIds) if (by.includes(id)) return true;
  return false;
}

/** The score (0–100) of a pair that passed the hard filters, with each term's share. */
export function scorePair(request: EngineRequest, v: EngineVolunteer, input: ScoreInput): ScoreResult {
  const matchedWords = sharedWords(input.requestWords, input.talentWords);
  const helpedBefore = helpedBeforeIn(request, v);
  const helpedByRequester = helpedByRequesterOf(request, v);
  const terms = scoreTerms(request, v, input, matchedWords.length, helpedBefore, helpedByRequester);
  const breakdown = {} as ScoreBreakdown;
  for (const k of TERM_KEYS) breakdown[k] = Math.round(WEIGHTS[k] * terms[k] * 100) / 100;
  const points = pointsOfTerms(terms);
  return { score: points / 100, points, breakdown, matchedWords, helpedBefore, helpedByRequester };
}
