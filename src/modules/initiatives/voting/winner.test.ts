import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ballotProblem, compareRanked, computeWinners, tally, type Candidate } from './winner.ts';

/** Candidates with distinct ids and references; small amounts and few votes so ties happen often. */
const candidatesArb = fc
  .array(
    fc.record({
      amountCents: fc.integer({ min: 1, max: 12 }).map((n) => n * 50_000),
      submittedAt: fc.option(
        fc.integer({ min: 0, max: 5 }).map((d) => new Date(Date.UTC(2026, 8, 1 + d)).toISOString()),
        {
          nil: null,
        },
      ),
    }),
    { minLength: 1, maxLength: 9 },
  )
  .map((rows) =>
    rows.map((r, i): Candidate => ({
      id: `00000000-0000-4000-8000-00000000000${i}`,
      reference: `INI-2026-${String(9 - i).padStart(4, '0')}`,
      title: `Initiatief ${i}`,
      ...r,
    })),
  );

const caseArb = candidatesArb.chain((candidates) =>
  fc.record({
    candidates: fc.constant(candidates),
    ballots: fc.array(fc.subarray(candidates.map((c) => c.id)), { maxLength: 25 }),
    budgetCents: fc.integer({ min: 0, max: 30 }).map((n) => n * 50_000),
  }),
);

const shuffle = <T>(items: readonly T[], seed: number): T[] => {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('voting rules and winner calculation (property tests)', () => {
  it('never funds more than the budget, and the sums add up', () => {
    fc.assert(
      fc.property(caseArb, ({ candidates, ballots, budgetCents }) => {
        const r = computeWinners(candidates, tally(candidates, ballots), budgetCents);
        const funded = r.steps.filter((s) => s.outcome === 'funded').reduce((sum, s) => sum + s.amountCents, 0);
        assert.equal(funded, r.fundedCents);
        assert.ok(funded <= budgetCents, `funded ${funded} > budget ${budgetCents}`);
        assert.equal(r.leftCents, budgetCents - funded);
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic: the order of candidates and of ballots does not matter', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), ({ candidates, ballots, budgetCents }, seed) => {
        const a = computeWinners(candidates, tally(candidates, ballots), budgetCents);
        const shuffled = shuffle(candidates, seed);
        const b = computeWinners(shuffled, tally(shuffled, shuffle(ballots, seed + 1)), budgetCents);
        assert.deepEqual(b, a);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a knapsack ballot over the budget and accepts every ballot within it', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ candidates, budgetCents }, pick) => {
        const chosen = candidates.filter((_, i) => ((pick >> i) & 1) === 1).map((c) => c.id);
        const total = candidates.filter((c) => chosen.includes(c.id)).reduce((sum, c) => sum + c.amountCents, 0);
        const problem = ballotProblem('knapsack', candidates, chosen, budgetCents);
        if (chosen.length === 0) assert.equal(problem, 'empty');
        else if (total > budgetCents) assert.equal(problem, 'overBudget');
        else assert.equal(problem, null);
        // Approval has no budget rule.
        assert.equal(ballotProblem('approval', candidates, chosen, budgetCents), chosen.length === 0 ? 'empty' : null);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a ballot with an initiative of another round or the same one twice', () => {
    fc.assert(
      fc.property(candidatesArb, (candidates) => {
        const first = candidates[0]!.id;
        assert.equal(ballotProblem('approval', candidates, [first, 'not-in-this-round'], null), 'unknown');
        assert.equal(ballotProblem('approval', candidates, [first, first], null), 'duplicate');
        assert.equal(ballotProblem('knapsack', candidates, [first], null), 'noBudget');
      }),
    );
  });

  it('never skips a fitting initiative with more votes in favour of one with fewer', () => {
    fc.assert(
      fc.property(caseArb, ({ candidates, ballots, budgetCents }) => {
        const { steps } = computeWinners(candidates, tally(candidates, ballots), budgetCents);
        for (const s of steps) {
          if (s.outcome === 'doesNotFit') assert.ok(s.amountCents > s.leftBeforeCents!, 'skipped only when it did not fit');
          if (s.outcome === 'noVotes') assert.equal(s.votes, 0);
          if (s.outcome === 'funded') assert.ok(s.votes > 0 && s.amountCents <= s.leftBeforeCents!);
        }
        for (const skipped of steps.filter((s) => s.outcome !== 'funded' && s.votes > 0)) {
          for (const f of steps.filter((s) => s.outcome === 'funded' && s.votes < skipped.votes)) {
            assert.ok(f.place > skipped.place);
            // Everything funded above the skipped one left too little for it.
            const fundedAbove = steps
              .filter((s) => s.outcome === 'funded' && s.place < skipped.place)
              .reduce((sum, s) => sum + s.amountCents, 0);
            assert.ok(skipped.amountCents > budgetCents - fundedAbove);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('breaks ties by fewer euros, then earlier submission, then reference', () => {
    fc.assert(
      fc.property(caseArb, ({ candidates, ballots, budgetCents }) => {
        const { steps } = computeWinners(candidates, tally(candidates, ballots), budgetCents);
        for (let i = 1; i < steps.length; i++) {
          const [a, b] = [steps[i - 1]!, steps[i]!];
          assert.ok(a.votes >= b.votes, 'most votes first');
          assert.equal(b.tieWithAbove, a.votes === b.votes);
          if (a.votes !== b.votes) continue;
          assert.ok(a.amountCents <= b.amountCents, 'fewer euros first');
          if (a.amountCents !== b.amountCents) continue;
          if (a.submittedAt !== b.submittedAt) {
            assert.ok(b.submittedAt === null || (a.submittedAt !== null && a.submittedAt < b.submittedAt), 'earlier first');
            continue;
          }
          assert.ok(a.reference < b.reference, 'then reference');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('works through a worked example the docs show', () => {
    const c = (id: string, euros: number, day: number): Candidate => ({
      id,
      reference: `INI-2026-000${id}`,
      title: id,
      amountCents: euros * 100,
      submittedAt: new Date(Date.UTC(2026, 8, day)).toISOString(),
    });
    const candidates = [c('1', 4000, 1), c('2', 3000, 2), c('3', 3000, 3), c('4', 2500, 4), c('5', 1000, 5)];
    const votes = new Map([
      ['1', 9],
      ['2', 7],
      ['3', 7],
      ['4', 5],
      ['5', 0],
    ]);
    const r = computeWinners(candidates, votes, 1_000_000);
    assert.deepEqual(
      r.steps.map((s) => [s.id, s.outcome, s.leftAfterCents]),
      [
        ['1', 'funded', 600_000],
        ['2', 'funded', 300_000], // tie with 3 on votes and euros: submitted earlier
        ['3', 'funded', 0],
        ['4', 'doesNotFit', 0],
        ['5', 'noVotes', 0],
      ],
    );
    assert.ok(compareRanked(r.steps[1]!, r.steps[2]!) < 0);
  });
});
