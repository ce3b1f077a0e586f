import { explain, explainLatent, type Audience } from './explain.ts';
import { passesHardFilters } from './filters.ts';
import { scorePair, type ScoreResult } from './score.ts';
import { cachedWordsOf, wordsOf } from './words.ts';
import type { EngineRequest, EngineVolunteer, FilterResult, LatentContact, Suggestion } from './types.ts';

export interface SuggestOptions {
  /** At most this many suggestions (all when absent). */
  limit?: number;
  /** User ids not to suggest (already notified, declined, or with a live match for this request). */
  excludeUserIds?: ReadonlySet<string>;
  audience?: Audience;
}

/** Best first; equal scores by volunteer id, so the ranking is deterministic. */
export function compareSuggestions(a: Pick<Suggestion, 'score' | 'volunteerId'>, b: Pick<Suggestion, 'score' | 'volunteerId'>): number {
  return b.score - a.score || (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0);
}

/** Every volunteer who passes the hard filters for the request, scored and explained, best first. */
export function rankVolunteers(request: EngineRequest, volunteers: readonly EngineVolunteer[], opts: SuggestOptions = {}): Suggestion[] {
  const requestWords = wordsOf(request.text);
  const passed: { v: EngineVolunteer; f: Extract<FilterResult, { ok: true }>; score: ScoreResult }[] = [];
  for (const v of volunteers) {
    if (opts.excludeUserIds?.has(v.userId)) continue;
    const f = passesHardFilters(request, v);
    if (!f.ok) continue;
    const score = scorePair(request, v, {
      distanceM: f.distanceM,
      overlapMinutes: f.overlapMinutes,
      requestedMinutes: f.requestedMinutes,
      requestWords,
      talentWords: cachedWordsOf(v, v.talents),
    });
    passed.push({ v, f, score });
  }
  passed.sort((a, b) => b.score.points - a.score.points || (a.v.id < b.v.id ? -1 : a.v.id > b.v.id ? 1 : 0));
  const kept = opts.limit !== undefined ? passed.slice(0, opts.limit) : passed;
  // Explanations only for the ones kept.
  return kept.map(({ v, f, score }) => ({
    requestId: request.id,
    volunteerId: v.id,
    userId: v.userId,
    kind: 'offer' as const,
    score: score.score,
    breakdown: score.breakdown,
    distanceM: Math.round(f.distanceM),
    explanation: explain(request, v, { distanceM: f.distanceM, firstOverlap: f.firstOverlap, score }, opts.audience ?? 'coordinator'),
  }));
}

/**
 * Candidates for a latent request: the buurt's "aanspreekpunt in de straat" contacts (fewest recent
 * matches first, then by id), followed by volunteers who pass the hard filters.
 */
export function rankForLatent(
  request: EngineRequest,
  contacts: readonly LatentContact[],
  volunteers: readonly EngineVolunteer[],
  opts: SuggestOptions = {},
): Suggestion[] {
  const audience = opts.audience ?? 'coordinator';
  const fromContacts: Suggestion[] = contacts
    .filter(
      (c) =>
        c.buurtCode === request.buurtCode && !c.blocked && !request.requesterIds.includes(c.userId) && !opts.excludeUserIds?.has(c.userId),
    )
    .map((c) => ({
      requestId: request.id,
      volunteerId: c.id,
      userId: c.userId,
      kind: 'latent' as const,
      // Contacts come before every offer (they are listed first); among them fewer recent matches first.
      score: Math.round(10_000 / (1 + c.recentMatches)) / 100,
      breakdown: { distance: 0, skills: 0, availability: 0, reciprocity: 0, reliability: 0, fairness: 0 },
      distanceM: null,
      explanation: explainLatent(audience),
    }))
    .sort(compareSuggestions);
  const seen = new Set(fromContacts.map((s) => s.userId));
  const others = rankVolunteers(request, volunteers, { ...opts, limit: undefined }).filter((s) => !seen.has(s.userId));
  const all = [...fromContacts, ...others];
  return opts.limit !== undefined ? all.slice(0, opts.limit) : all;
}

/** Suggestions for any request: latent ones look for the buurt's contacts first. */
export function suggestFor(
  request: EngineRequest,
  volunteers: readonly EngineVolunteer[],
  contacts: readonly LatentContact[],
  opts: SuggestOptions = {},
): Suggestion[] {
  return request.helpType === 'latent' ? rankForLatent(request, contacts, volunteers, opts) : rankVolunteers(request, volunteers, opts);
}
