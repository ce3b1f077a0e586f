import { solveAssignment, type AssignmentEdge } from './assignment.ts';
import { BatchCandidates } from './batch-candidates.ts';
import { rankVolunteers } from './suggest.ts';
import type { EngineRequest, EngineVolunteer, Suggestion } from './types.ts';

/** How many candidates per request enter the assignment (pruning for scale; documented). */
export const BATCH_TOP_K = 10;

export interface BatchPlan {
  /** One suggestion per assigned request, in request id order. */
  assigned: Suggestion[];
  /** Requests without a volunteer this time. */
  unassigned: string[];
  /** Sum of the scores of the assigned pairs. */
  total: number;
  /** Milliseconds spent on candidates (filters, score, top-k) and on the assignment. */
  timings: { candidatesMs: number; assignmentMs: number };
  /** Edges (request, volunteer) that entered the assignment. */
  edges: number;
}

export interface BatchOptions {
  topK?: number;
  /** Per request id: user ids that must not be assigned (already involved). */
  exclude?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Built from `volunteers` (pass one to reuse it). */
  candidates?: BatchCandidates;
}

/**
 * The weekly batch for structural requests: the hard filters prune the bipartite graph, each request
 * keeps its best `topK` candidates, and a min-cost-flow assignment maximises the total score with
 * each request at most once and each volunteer at most its remaining monthly cap.
 */
export function planBatch(requests: readonly EngineRequest[], volunteers: readonly EngineVolunteer[], opts: BatchOptions = {}): BatchPlan {
  const reqs = [...requests].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const t0 = performance.now();
  const candidates = opts.candidates ?? new BatchCandidates(volunteers);
  const volIndex = new Map(volunteers.map((v, i) => [v.id, i]));
  const capacities = volunteers.map((v) => Math.max(0, v.monthlyCap - v.matchesThisMonth));
  const topK = opts.topK ?? BATCH_TOP_K;
  const edges: AssignmentEdge[] = [];
  const chosen: Suggestion[][] = [];
  reqs.forEach((r, ri) => {
    const excludeUserIds = opts.exclude?.get(r.id);
    // The best topK by the fast path, then suggestions (score breakdown, explanation) for those only:
    // the same list as rankVolunteers over every volunteer.
    const best = candidates.best(r, topK, excludeUserIds).map((i) => volunteers[i]!);
    const ranked = rankVolunteers(r, best, { limit: topK, excludeUserIds });
    chosen.push(ranked);
    for (const s of ranked) edges.push({ request: ri, volunteer: volIndex.get(s.volunteerId)!, points: Math.round(s.score * 100) });
  });
  const t1 = performance.now();
  const { assignment, total } = solveAssignment({ requests: reqs.length, capacities, edges });
  const t2 = performance.now();
  const assigned: Suggestion[] = [];
  const unassigned: string[] = [];
  reqs.forEach((r, ri) => {
    const v = assignment[ri]!;
    if (v === -1) unassigned.push(r.id);
    else assigned.push(chosen[ri]!.find((s) => s.volunteerId === volunteers[v]!.id)!);
  });
  return { assigned, unassigned, total: total / 100, edges: edges.length, timings: { candidatesMs: t1 - t0, assignmentMs: t2 - t1 } };
}
