import type { AssignmentProblem, AssignmentResult } from './assignment.ts';

/**
 * The batch solver as it was before issue 17 (successive shortest paths with a binary heap), kept
 * only as a reference: tests and bench/helpmatch.ts check that `solveAssignment` reaches the same
 * optimum on the same input. Not used by the application.
 */
/** A binary min-heap of (key, node) pairs in parallel typed arrays; stale entries are skipped by the caller. */
class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.nodes = n;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = this.keys[parent]!;
      // Equal keys: lower node first, so runs are deterministic.
      if (pk < key || (pk === key && this.nodes[parent]! <= node)) break;
      this.keys[i] = pk;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  /** Key of the top entry (the heap must not be empty). */
  topKey(): number {
    return this.keys[0]!;
  }

  /** Remove the top entry and return its node. */
  pop(): number {
    const top = this.nodes[0]!;
    const lastKey = this.keys[--this.size]!;
    const lastNode = this.nodes[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      const r = c + 1;
      if (r < this.size && (this.keys[r]! < this.keys[c]! || (this.keys[r] === this.keys[c] && this.nodes[r]! < this.nodes[c]!))) c = r;
      if (this.keys[c]! > lastKey || (this.keys[c] === lastKey && this.nodes[c]! >= lastNode)) break;
      this.keys[i] = this.keys[c]!;
      this.nodes[i] = this.nodes[c]!;
      i = c;
    }
    this.keys[i] = lastKey;
    this.nodes[i] = lastNode;
    return top;
  }
}

const UNASSIGNED = -1;

/** The old solver: exact, slower (see the file comment). */
export function solveAssignmentReference(problem: AssignmentProblem): AssignmentResult {
  const R = problem.requests;
  const V = problem.capacities.length;
  const T = R + V; // the sink
  // Adjacency of requests (CSR): volunteers and points.
  const degree = new Int32Array(R + 1);
  let maxP = 0;
  for (const e of problem.edges) {
    if (e.points <= 0) continue;
    if (e.request < 0 || e.request >= R || e.volunteer < 0 || e.volunteer >= V) throw new RangeError('edge out of range');
    degree[e.request + 1]! += 1;
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

  const assign = new Int32Array(R).fill(UNASSIGNED);
  const assignP = new Float64Array(R); // points of the current assignment
  const load = new Int32Array(V);
  const members: number[][] = Array.from({ length: V }, () => []);
  // Potentials: requests 0, volunteers and sink −maxP (all reduced costs ≥ 0 at the start).
  const pot = new Float64Array(T + 1);
  for (let v = 0; v < V; v++) pot[R + v] = -maxP;
  pot[T] = -maxP;

  const dist = new Float64Array(T + 1).fill(Infinity);
  const pred = new Int32Array(T + 1).fill(-1);
  const done = new Uint8Array(T + 1);
  const touched: number[] = [];
  const settled: number[] = [];
  const heap = new MinHeap(1024);

  const relax = (to: number, d: number, from: number) => {
    if (d < dist[to]!) {
      if (dist[to] === Infinity) touched.push(to);
      dist[to] = d;
      pred[to] = from;
      heap.push(d, to);
    }
  };

  for (let src = 0; src < R; src++) {
    if (degree[src + 1] === degree[src]) continue; // no edges: stays unassigned
    heap.clear();
    touched.length = 0;
    settled.length = 0;
    dist[src] = 0;
    touched.push(src);
    heap.push(0, src);
    let D = Infinity;
    while (heap.size > 0) {
      const d = heap.topKey();
      const x = heap.pop();
      if (done[x] || d > dist[x]!) continue;
      done[x] = 1;
      settled.push(x);
      if (x === T) {
        D = d;
        break;
      }
      if (x < R) {
        // A request: to its volunteers, or to the sink (leave it unassigned).
        for (let i = degree[x]!; i < degree[x + 1]!; i++) {
          const v = adjV[i]!;
          if (assign[x] === v) continue;
          relax(R + v, d + (-adjP[i]! + pot[x]! - pot[R + v]!), x);
        }
        if (assign[x] !== UNASSIGNED || x === src) relax(T, d + (pot[x]! - pot[T]!), x);
      } else {
        const v = x - R;
        if (load[v]! < problem.capacities[v]!) relax(T, d + (pot[x]! - pot[T]!), x);
        for (const r of members[v]!) relax(r, d + (assignP[r]! + pot[x]! - pot[r]!), x);
      }
    }
    // Potentials of settled nodes drop by (D − dist): reduced costs stay ≥ 0, path edges become 0.
    for (const x of settled) if (dist[x]! < D) pot[x]! -= D - dist[x]!;
    // Augment along the path, from the sink back to the source.
    let x = T;
    let next = -1; // the node after x on the path
    while (x !== -1) {
      const p = x === src ? -1 : pred[x]!;
      if (x < R) {
        // x leaves its current volunteer (if any) and goes to `next` (a volunteer, or the sink).
        const old = assign[x]!;
        if (old !== UNASSIGNED) {
          const list = members[old]!;
          list.splice(list.indexOf(x), 1);
          load[old]! -= 1;
        }
        if (next === T) {
          assign[x] = UNASSIGNED;
          assignP[x] = 0;
        } else {
          const v = next - R;
          assign[x] = v;
          let pts = 0;
          for (let i = degree[x]!; i < degree[x + 1]!; i++) if (adjV[i] === v) pts = adjP[i]!;
          assignP[x] = pts;
          members[v]!.push(x);
          load[v]! += 1;
        }
      }
      next = x;
      x = p;
    }
    for (const n of touched) {
      dist[n] = Infinity;
      pred[n] = -1;
      done[n] = 0;
    }
    dist[T] = Infinity;
    done[T] = 0;
  }
  let total = 0;
  for (let r = 0; r < R; r++) total += assignP[r]!;
  return { assignment: assign, total };
}
