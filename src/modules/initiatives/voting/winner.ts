/**
 * The voting rules and the winner calculation of a voting round (pure; no database, no clock).
 * docs/initiatives-voting.md describes the same rules for residents.
 *
 * Ballot rules:
 * - approval: choose one or more initiatives of the round, each at most once;
 * - knapsack: the same, and the requested amounts of the chosen initiatives together fit within the
 *   round's voting budget.
 *
 * Winner calculation (the same for both methods):
 * 1. Count the votes per initiative (one per ballot that chose it).
 * 2. Rank: most votes first; on equal votes the tie-break: fewer euros first, then earlier
 *    submission (never submitted last), then reference (alphabetical), then id.
 * 3. Walk the ranking with the budget: an initiative with no votes is not funded; one that fits in
 *    what is left is funded and its amount is taken off; one that does not fit is skipped (and the
 *    walk goes on: a cheaper one further down may still fit).
 * Without a budget (approval round without an amount) only the ranking is shown.
 */

export type VotingMethod = 'approval' | 'knapsack';

export interface Candidate {
  id: string;
  reference: string;
  title: string;
  /** The amount asked (cents). */
  amountCents: number;
  /** ISO timestamp of submission; null: never submitted (ranked last on this point). */
  submittedAt: string | null;
}

export type BallotProblem = 'empty' | 'duplicate' | 'unknown' | 'overBudget' | 'noBudget';

/** Checks one ballot against the round's rules; null when it is valid. */
export function ballotProblem(
  method: VotingMethod,
  candidates: readonly Candidate[],
  chosen: readonly string[],
  budgetCents: number | null,
): BallotProblem | null {
  if (chosen.length === 0) return 'empty';
  if (new Set(chosen).size !== chosen.length) return 'duplicate';
  const byId = new Map(candidates.map((c) => [c.id, c]));
  if (chosen.some((id) => !byId.has(id))) return 'unknown';
  if (method === 'knapsack') {
    if (budgetCents === null) return 'noBudget';
    const total = chosen.reduce((sum, id) => sum + byId.get(id)!.amountCents, 0);
    if (total > budgetCents) return 'overBudget';
  }
  return null;
}

/** Votes per candidate id (ids on a ballot that are not candidates are ignored). */
export function tally(candidates: readonly Candidate[], ballots: readonly (readonly string[])[]): Map<string, number> {
  const votes = new Map(candidates.map((c) => [c.id, 0]));
  for (const ballot of ballots) {
    for (const id of new Set(ballot)) if (votes.has(id)) votes.set(id, votes.get(id)! + 1);
  }
  return votes;
}

export interface Ranked extends Candidate {
  votes: number;
}

/** The ranking order: votes desc, then the tie-break (amount asc, submitted earlier, reference, id). */
export function compareRanked(a: Ranked, b: Ranked): number {
  if (a.votes !== b.votes) return b.votes - a.votes;
  if (a.amountCents !== b.amountCents) return a.amountCents - b.amountCents;
  if (a.submittedAt !== b.submittedAt) {
    if (a.submittedAt === null) return 1;
    if (b.submittedAt === null) return -1;
    const d = Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
    if (d !== 0) return d;
  }
  if (a.reference !== b.reference) return a.reference < b.reference ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Why an initiative at this place in the ranking is or is not funded. */
export type Outcome = 'funded' | 'doesNotFit' | 'noVotes' | 'ranked';

export interface Step extends Ranked {
  place: number;
  outcome: Outcome;
  /** Budget left before and after this step (null without a budget). */
  leftBeforeCents: number | null;
  leftAfterCents: number | null;
  /** Decided by the tie-break against the initiative just above (same number of votes). */
  tieWithAbove: boolean;
}

export interface WinnerResult {
  budgetCents: number | null;
  steps: Step[];
  fundedCents: number;
  leftCents: number | null;
}

/** Ranks the candidates and funds them while the budget lasts (see the rules at the top). */
export function computeWinners(
  candidates: readonly Candidate[],
  votes: ReadonlyMap<string, number>,
  budgetCents: number | null,
): WinnerResult {
  const ranked = candidates.map((c) => ({ ...c, votes: votes.get(c.id) ?? 0 })).sort(compareRanked);
  let left = budgetCents;
  let funded = 0;
  const steps: Step[] = ranked.map((r, i) => {
    const before = left;
    let outcome: Outcome;
    if (left === null) outcome = 'ranked';
    else if (r.votes === 0) outcome = 'noVotes';
    else if (r.amountCents <= left) {
      outcome = 'funded';
      left -= r.amountCents;
      funded += r.amountCents;
    } else outcome = 'doesNotFit';
    return {
      ...r,
      place: i + 1,
      outcome,
      leftBeforeCents: before,
      leftAfterCents: left,
      tieWithAbove: i > 0 && ranked[i - 1]!.votes === r.votes,
    };
  });
  return { budgetCents, steps, fundedCents: funded, leftCents: left };
}
