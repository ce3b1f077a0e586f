import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { solveAssignment, type AssignmentProblem } from './assignment.ts';
import { solveAssignmentReference } from './assignment-reference.test-support.ts';

/** Try every choice (none, or each volunteer with an edge) for every request, within the caps. */
function bruteForce(p: AssignmentProblem): number {
  const options: { v: number; points: number }[][] = Array.from({ length: p.requests }, () => []);
  for (const e of p.edges) if (e.points > 0) options[e.request]!.push({ v: e.volunteer, points: e.points });
  const load = p.capacities.map(() => 0);
  let best = 0;
  const go = (r: number, total: number) => {
    if (r === p.requests) {
      best = Math.max(best, total);
      return;
    }
    go(r + 1, total);
    for (const o of options[r]!) {
      if (load[o.v]! >= p.capacities[o.v]!) continue;
      load[o.v]! += 1;
      go(r + 1, total + o.points);
      load[o.v]! -= 1;
    }
  };
  go(0, 0);
  return best;
}

/** Check the assignment is feasible and that its total is what it claims. */
function checkFeasible(p: AssignmentProblem, assignment: Int32Array, total: number): void {
  const points = new Map(p.edges.filter((e) => e.points > 0).map((e) => [`${e.request}:${e.volunteer}`, e.points]));
  const load = p.capacities.map(() => 0);
  let sum = 0;
  assignment.forEach((v, r) => {
    if (v === -1) return;
    const pts = points.get(`${r}:${v}`);
    assert.ok(pts !== undefined, `request ${r} assigned to volunteer ${v} without an edge`);
    sum += pts;
    load[v]! += 1;
  });
  load.forEach((l, v) => assert.ok(l <= p.capacities[v]!, `volunteer ${v} over its cap`));
  assert.equal(sum, total);
}

const problemArb = fc
  .record({
    requests: fc.integer({ min: 0, max: 6 }),
    capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }),
  })
  .chain(({ requests, capacities }) =>
    fc.record({
      requests: fc.constant(requests),
      capacities: fc.constant(capacities),
      edges: fc.uniqueArray(
        fc.record({
          request: fc.integer({ min: 0, max: Math.max(0, requests - 1) }),
          volunteer: fc.integer({ min: 0, max: capacities.length - 1 }),
          points: fc.integer({ min: 1, max: 10_000 }),
        }),
        { selector: (e) => `${e.request}:${e.volunteer}`, maxLength: requests === 0 ? 0 : requests * capacities.length },
      ),
    }),
  );

describe('batch assignment (min-cost flow)', () => {
  it('is optimal: its total equals brute force on small random cases', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const { assignment, total } = solveAssignment(p);
        checkFeasible(p, assignment, total);
        assert.equal(total, bruteForce(p));
      }),
      { numRuns: 600 },
    );
  });

  it('is optimal with many equal scores (ties) too', () => {
    const arb = problemArb.map((p) => ({ ...p, edges: p.edges.map((e) => ({ ...e, points: 1 + (e.points % 3) })) }));
    fc.assert(
      fc.property(arb, (p) => {
        const { assignment, total } = solveAssignment(p);
        checkFeasible(p, assignment, total);
        assert.equal(total, bruteForce(p));
      }),
      { numRuns: 400 },
    );
  });

  it('reaches the same optimum as the previous solver on larger random cases (too big for brute force)', () => {
    const arb = fc
      .record({
        requests: fc.integer({ min: 1, max: 80 }),
        capacities: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 40 }),
        seed: fc.integer(),
        density: fc.integer({ min: 1, max: 8 }),
        ties: fc.boolean(),
      })
      .map(({ requests, capacities, seed, density, ties }) => {
        // A small deterministic generator per case: up to `density` edges per request.
        let x = seed | 1;
        const next = () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) ^ Math.imul(x ^ (x >>> 12), 0x297a2d39)) >>> 0) / 4294967296;
        const edges: AssignmentProblem['edges'][number][] = [];
        for (let r = 0; r < requests; r++) {
          const seen = new Set<number>();
          for (let k = 0; k < density; k++) {
            const v = Math.floor(next() * capacities.length);
            if (seen.has(v)) continue;
            seen.add(v);
            edges.push({ request: r, volunteer: v, points: ties ? 1 + Math.floor(next() * 3) : 1 + Math.floor(next() * 10_000) });
          }
        }
        return { requests, capacities, edges };
      });
    fc.assert(
      fc.property(arb, (p) => {
        const { assignment, total } = solveAssignment(p);
        checkFeasible(p, assignment, total);
        assert.equal(total, solveAssignmentReference(p).total);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses points that are not integers (the solver counts in whole hundredths)', () => {
    assert.throws(() => solveAssignment({ requests: 1, capacities: [1], edges: [{ request: 0, volunteer: 0, points: 1.5 }] }), RangeError);
  });

  it('gives up a greedy choice when two others together score more', () => {
    // Greedy takes r0–v0 (10); the optimum is r0–v1 (9) and r1–v0 (9).
    const p: AssignmentProblem = {
      requests: 2,
      capacities: [1, 1],
      edges: [
        { request: 0, volunteer: 0, points: 10 },
        { request: 0, volunteer: 1, points: 9 },
        { request: 1, volunteer: 0, points: 9 },
      ],
    };
    const { assignment, total } = solveAssignment(p);
    assert.deepEqual([...assignment], [1, 0]);
    assert.equal(total, 18);
  });

  it('respects a cap above one and leaves requests without candidates unassigned', () => {
    const p: AssignmentProblem = {
      requests: 4,
      capacities: [2],
      edges: [
        { request: 0, volunteer: 0, points: 5 },
        { request: 1, volunteer: 0, points: 7 },
        { request: 2, volunteer: 0, points: 6 },
      ],
    };
    const { assignment, total } = solveAssignment(p);
    assert.deepEqual([...assignment], [-1, 0, 0, -1]);
    assert.equal(total, 13);
  });

  it('refuses edges that point outside the problem', () => {
    assert.throws(() => solveAssignment({ requests: 1, capacities: [1], edges: [{ request: 0, volunteer: 3, points: 1 }] }), RangeError);
  });
});
