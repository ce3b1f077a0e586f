import { isMessageKey, type Translate } from '../../../platform/i18n/index.ts';
import { distanceBand } from './distance.ts';
import { daypart } from './time.ts';
import type { ScoreResult } from './score.ts';
import type { EngineRequest, EngineVolunteer, ExplanationPart } from './types.ts';

/** Who reads the explanation: a coordinator (about the volunteer) or the volunteer (about the request). */
export type Audience = 'coordinator' | 'volunteer';

/**
 * Explanation keys are flat (`helpmatch.engine.explain.<audience>.time.2.afternoon`) and their
 * placeholders plain numbers or words, so the stored explanation renders with `t(key, vars)` alone.
 */
const base = (audience: Audience) => `helpmatch.engine.explain.${audience}`;

/** The key of a distance band as others may see it. */
export function distanceKey(audience: Audience, m: number): ExplanationPart {
  const b = distanceBand(m);
  return { key: `${base(audience)}.distance.${b.band}`, vars: b.vars };
}

export interface ExplainInput {
  distanceM: number;
  firstOverlap: { day: number; minute: number } | null;
  score: ScoreResult;
}

/**
 * A plain-language explanation of one suggestion: distance as a band (never an address), when both
 * have time, then skills, reciprocity, reliability and fairness where they count.
 */
export function explain(request: EngineRequest, v: EngineVolunteer, input: ExplainInput, audience: Audience): ExplanationPart[] {
  const p = base(audience);
  const parts: ExplanationPart[] = [distanceKey(audience, input.distanceM)];
  if (input.firstOverlap) parts.push({ key: `${p}.time.${input.firstOverlap.day}.${daypart(input.firstOverlap.minute)}` });
  if (input.score.helpedBefore) parts.push({ key: `${p}.helpedBefore.${request.category}` });
  if (input.score.matchedWords.length > 0) {
    parts.push({ key: `${p}.talents`, vars: { words: input.score.matchedWords.slice(0, 3).join(', ') } });
  }
  if (audience === 'coordinator') {
    if (input.score.helpedByRequester) parts.push({ key: `${p}.helpedByRequester` });
    else if (v.history.hoursReceived > 0) parts.push({ key: `${p}.givesBack` });
    if (v.history.done >= 2 && v.history.noShow === 0) parts.push({ key: `${p}.reliable`, vars: { done: v.history.done } });
    if (v.history.recentMatches === 0) parts.push({ key: `${p}.fewMatches` });
    if (request.helpType === 'structural' || request.vulnerable) parts.push({ key: `${p}.vog` });
  }
  return parts;
}

/** The explanation of a latent-help contact for a latent request. */
export function explainLatent(audience: Audience): ExplanationPart[] {
  return [{ key: `${base(audience)}.latent` }];
}

/** Render an explanation as one sentence fragment: "woont op 400 m, heeft dinsdagmiddag tijd, hielp eerder met de tuin". */
export function renderExplanation(t: Translate, parts: readonly ExplanationPart[]): string {
  // A stored explanation's key is data: checked against the catalogue, shown as is when unknown.
  return parts.map((p) => (isMessageKey(p.key) ? t(p.key, p.vars) : p.key)).join(', ');
}
