import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { gini } from './gini.ts';

/** The textbook definition: mean absolute difference over all ordered pairs, divided by twice the mean. */
function giniByPairs(xs: number[]): number {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 0 || mean === 0) return 0;
  let s = 0;
  for (const a of xs) for (const b of xs) s += Math.abs(a - b);
  return s / (2 * n * n * mean);
}

describe('gini', () => {
  it('is 0 for equal shares and for nothing at all', () => {
    assert.equal(gini([]), 0);
    assert.equal(gini([0, 0, 0]), 0);
    assert.equal(gini([3, 3, 3, 3]), 0);
  });
  it('gives known values', () => {
    // One of four volunteers has every match: (n − 1) / n.
    assert.equal(gini([0, 0, 0, 8]), 0.75);
    assert.ok(Math.abs(gini([1, 2, 3, 4]) - 0.25) < 1e-12);
    assert.ok(Math.abs(gini([1, 1, 2]) - 1 / 6) < 1e-12);
  });
  it('agrees with the pairwise definition and stays within [0, 1)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 1, maxLength: 30 }), (xs) => {
        const g = gini(xs);
        assert.ok(Math.abs(g - giniByPairs(xs)) < 1e-9);
        assert.ok(g >= 0 && g < 1);
      }),
    );
  });
  it('refuses negative values', () => {
    assert.throws(() => gini([1, -1]), RangeError);
  });
});
