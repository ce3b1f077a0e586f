/**
 * Maximum-weight assignment under capacities (a b-matching), by successive shortest paths with
 * potentials (min-cost flow). See docs/decisions/0006-batch-assignment.md.
 *
 * Network: request r → volunteer v (capacity 1, cost −points), volunteer → sink (capacity = the
 * volunteer's remaining cap, cost 0), and request → sink directly (cost 0: "not assigned this
 * week"). Every request sends one unit; a minimum-cost flow is then a maximum-score assignment in
 * which each request has at most one volunteer and each volunteer at most its cap.
 *
 * Requests are added one at a time: a shortest path (Dijkstra on reduced costs, stopped at the
 * sink) from the new request in the residual network keeps the flow optimal. Potentials of the
 * nodes Dijkstra settled are lowered by (D − dist), which keeps every reduced cost ≥ 0. Scores are
 * integers (hundredths), so all sums are exact.
 *
 * Speed (issue 17): every distance is an integer between 0 and the largest score, so Dijkstra's
 * queue is an array of buckets (Dial's algorithm) instead of a binary heap; nothing is queued at or
 * past the best distance to the sink found so far (reduced costs are ≥ 0, so it cannot lead to a
 * shorter path); and each volunteer's requests sit in one flat array with their positions, so moving
 * a request is O(1). The result is an optimum of the same network; among equally good assignments
 * another one may be chosen than before. `assignment-reference.test-support.ts` keeps the previous
 * solver, against which tests and bench/helpmatch.ts compare the optimum.
 */

export interface AssignmentEdge {
  request: number;
  volunteer: number;
  /** Integer score of the pair (> 0; a RangeError if not an integer); pairs without an edge cannot be assigned. */
  points: number;
}

export interface AssignmentProblem {
  requests: number;
  /** Remaining capacity per volunteer (≥ 0). */
  capacities: readonly number[];
  edges: readonly AssignmentEdge[];
}

export interface AssignmentResult {
  /** Volunteer index per request, or −1 when not assigned. */
  assignment: Int32Array;
  total: number;
}

const UNASSIGNED = -1;

/** Solve the assignment problem exactly; edges with points ≤ 0 are ignored (not assigning is never worse). */
export function solveAssignment(problem: AssignmentProblem): AssignmentResult {
  const R = problem.requests;
  const V = problem.capacities.length;
  const T = R + V; // the sink
  const caps = problem.capacities;
  // Adjacency of requests (CSR): volunteers and points; and how many edges reach each volunteer.
  const degree = new Int32Array(R + 1);
  const indegree = new Int32Array(V);
  let maxP = 0;
  for (const e of problem.edges) {
    if (e.points <= 0) continue;
    if (e.request < 0 || e.request >= R || e.volunteer < 0 || e.volunteer >= V) throw new RangeError('edge out of range');
    if (!Number.isSafeInteger(e.points)) throw new RangeError('points must be integers');
    degree[e.request + 1]! += 1;
    indegree[e.volunteer]! += 1;
    maxP = Math.max(maxP, e.points);
  }
  for (let i = 0; i < R; i++) degree[i + 1]! += degree[i]!;
  const adjV = new Int32Array(degree[R]!);
  const adjP = new Float64Array(degree[R]!);
  const fill = degree.slice(0, R);
  for (const e of problem.edges) {
    if (e.points <= 0) continue;
    const at = fill[e.request]!++;
    adjV[at] = e.volunteer;
    adjP[at] = e.points;
  }

  // Requests assigned to each volunteer, in a slice of one array per volunteer (at most its cap and its edges).
  const slot = new Int32Array(V + 1);
  for (let v = 0; v < V; v++) slot[v + 1] = slot[v]! + Math.max(0, Math.min(indegree[v]!, Math.ceil(caps[v]!)));
  const members = new Int32Array(slot[V]!);
  const memberAt = new Int32Array(R); // position of an assigned request in `members`
  const load = new Int32Array(V);

  const assign = new Int32Array(R).fill(UNASSIGNED);
  const assignP = new Float64Array(R); // points of the current assignment
  const assignE = new Int32Array(R).fill(-1); // its edge
  // Potentials: requests 0, volunteers and sink −maxP (all reduced costs ≥ 0 at the start).
  const pot = new Float64Array(T + 1);
  for (let v = 0; v < V; v++) pot[R + v] = -maxP;
  pot[T] = -maxP;

  const dist = new Float64Array(T + 1).fill(Infinity);
  const pred = new Int32Array(T + 1).fill(-1);
  const predEdge = new Int32Array(T + 1).fill(-1); // the request → volunteer edge a volunteer was reached by
  const done = new Uint8Array(T + 1);
  const touched = new Int32Array(T + 1);
  let nTouched = 0;
  const settled = new Int32Array(T + 1);
  let nSettled = 0;
  // Dijkstra's queue: one bucket per distance (Dial). Every distance is an integer, and none that can
  // matter exceeds maxP: the direct edge from the new request to the sink costs exactly maxP (its
  // potential is still 0, the sink's stays −maxP) and nothing is queued at or past the sink's distance.
  const head = new Int32Array(maxP + 1).fill(-1);
  const usedBuckets = new Int32Array(maxP + 1); // buckets pushed to in this search (each once)
  const used = new Uint8Array(maxP + 1);
  let nUsed = 0;
  let entryNode = new Int32Array(1024);
  let entryNext = new Int32Array(1024);
  let nEntries = 0;
  const push = (key: number, node: number) => {
    if (nEntries === entryNode.length) {
      const n = new Int32Array(nEntries * 2);
      n.set(entryNode);
      entryNode = n;
      const x = new Int32Array(nEntries * 2);
      x.set(entryNext);
      entryNext = x;
    }
    if (used[key] === 0) {
      used[key] = 1;
      usedBuckets[nUsed++] = key;
    }
    entryNode[nEntries] = node;
    entryNext[nEntries] = head[key]!;
    head[key] = nEntries++;
  };

  for (let src = 0; src < R; src++) {
    if (degree[src + 1] === degree[src]) continue; // no edges: stays unassigned
    nTouched = 0;
    nSettled = 0;
    dist[src] = 0;
    touched[nTouched++] = src;
    push(0, src);
    let D = Infinity;
    for (let cur = 0; cur <= maxP; cur++) {
      let x = -1;
      while (head[cur] !== -1) {
        const e = head[cur]!;
        head[cur] = entryNext[e]!;
        const n = entryNode[e]!;
        if (!done[n] && dist[n] === cur) {
          x = n;
          break;
        }
      }
      if (x === -1) continue;
      cur--; // the bucket may hold more: look at it again
      const d = dist[x]!;
      done[x] = 1;
      settled[nSettled++] = x;
      if (x === T) {
        D = d;
        break;
      }
      const px = pot[x]!;
      if (x < R) {
        // A request: to its volunteers, or to the sink (leave it unassigned).
        const own = assignE[x]!;
        if (own !== -1 || x === src) {
          const nd = d + (px - pot[T]!);
          if (nd < dist[T]!) {
            dist[T] = nd;
            pred[T] = x;
            push(nd, T);
          }
        }
        for (let i = degree[x]!, end = degree[x + 1]!; i < end; i++) {
          if (i === own) continue;
          const to = R + adjV[i]!;
          const nd = d + (-adjP[i]! + px - pot[to]!);
          // Not past the best way to the sink found so far: costs are ≥ 0, so it cannot lead to a shorter one.
          if (nd < dist[to]! && nd < dist[T]!) {
            if (dist[to] === Infinity) touched[nTouched++] = to;
            dist[to] = nd;
            pred[to] = x;
            predEdge[to] = i;
            push(nd, to);
          }
        }
      } else {
        const v = x - R;
        if (load[v]! < caps[v]!) {
          const nd = d + (px - pot[T]!);
          if (nd < dist[T]!) {
            dist[T] = nd;
            pred[T] = x;
            push(nd, T);
          }
        }
        for (let j = slot[v]!, end = slot[v]! + load[v]!; j < end; j++) {
          const r = members[j]!;
          const nd = d + (assignP[r]! + px - pot[r]!);
          if (nd < dist[r]! && nd < dist[T]!) {
            if (dist[r] === Infinity) touched[nTouched++] = r;
            dist[r] = nd;
            pred[r] = x;
            push(nd, r);
          }
        }
      }
    }
    // Potentials of settled nodes drop by (D − dist): reduced costs stay ≥ 0, path edges become 0.
    for (let j = 0; j < nSettled; j++) {
      const x = settled[j]!;
      if (dist[x]! < D) pot[x]! -= D - dist[x]!;
    }
    // Augment along the path, from the sink back to the source.
    let x = T;
    let next = -1; // the node after x on the path
    while (x !== -1) {
      const p = x === src ? -1 : pred[x]!;
      if (x < R) {
        // x leaves its current volunteer (if any) and goes to `next` (a volunteer, or the sink).
        const old = assign[x]!;
        if (old !== UNASSIGNED) {
          const last = slot[old]! + load[old]! - 1;
          const moved = members[last]!;
          members[memberAt[x]!] = moved;
          memberAt[moved] = memberAt[x]!;
          load[old]! -= 1;
        }
        if (next === T) {
          assign[x] = UNASSIGNED;
          assignP[x] = 0;
          assignE[x] = -1;
        } else {
          const v = next - R;
          const e = predEdge[next]!;
          assign[x] = v;
          assignP[x] = adjP[e]!;
          assignE[x] = e;
          const at = slot[v]! + load[v]!;
          members[at] = x;
          memberAt[x] = at;
          load[v]! += 1;
        }
      }
      next = x;
      x = p;
    }
    for (let j = 0; j < nTouched; j++) {
      const n = touched[j]!;
      dist[n] = Infinity;
      done[n] = 0;
    }
    dist[T] = Infinity;
    done[T] = 0;
    for (let j = 0; j < nUsed; j++) {
      head[usedBuckets[j]!] = -1;
      used[usedBuckets[j]!] = 0;
    }
    nUsed = 0;
    nEntries = 0;
  }
  let total = 0;
  for (let r = 0; r < R; r++) total += assignP[r]!;
  return { assignment: assign, total };
}
