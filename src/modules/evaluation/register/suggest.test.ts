import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { likenessOf, rankCandidates } from './suggest.ts';

describe('evaluation: ranking comparison candidates (hand-computed)', () => {
  it('standardises over the candidates, takes the root mean square, puts unknowns last and drops features without spread', () => {
    // Candidates on a and b: 0, 2, 4 (mean 2, population sd √(8/3) ≈ 1.633); c is 5 everywhere (no spread: left out).
    const ranked = rankCandidates({
      intervention: [
        { code: 'I1', values: { a: -1, b: 1, c: 5 } },
        { code: 'I2', values: { a: 1, b: -1, c: 5 } },
      ], // mean: a 0, b 0
      candidates: [
        { code: 'Z', values: { a: 4, b: 4, c: 5 } },
        { code: 'Y', values: { a: 2, b: 2, c: 5 } },
        { code: 'V', values: { a: null, b: null, c: 5 } },
        { code: 'X', values: { a: 0, b: 0, c: 5 } },
      ],
      features: ['a', 'b', 'c'],
    });
    const sd = Math.sqrt(8 / 3);
    assert.deepEqual(
      ranked.map((r) => r.code),
      ['X', 'Y', 'Z', 'V'],
    );
    assert.equal(ranked[0]!.distance, 0);
    assert.ok(Math.abs(ranked[1]!.distance! - 2 / sd) < 1e-12); // √(((2/sd)² + (2/sd)²) / 2) = 2/sd ≈ 1.2247
    assert.ok(Math.abs(ranked[2]!.distance! - 4 / sd) < 1e-12);
    assert.deepEqual(ranked[0]!.used, ['a', 'b']);
    assert.equal(ranked[3]!.distance, null);
    assert.equal(ranked[3]!.likeness, null);
    assert.deepEqual(
      ranked.map((r) => r.likeness),
      ['strong', 'weak', 'weak', null],
    );
  });

  it('names the distance in words at 0.5 and 1 standard deviation', () => {
    assert.equal(likenessOf(0.49), 'strong');
    assert.equal(likenessOf(0.5), 'fair');
    assert.equal(likenessOf(0.99), 'fair');
    assert.equal(likenessOf(1), 'weak');
  });

  it('compares on the features a candidate has', () => {
    const ranked = rankCandidates({
      intervention: [{ code: 'I', values: { a: 0, b: 0 } }],
      candidates: [
        { code: 'P', values: { a: 0, b: null } },
        { code: 'Q', values: { a: 2, b: 0 } },
        { code: 'R', values: { a: 4, b: 2 } },
      ],
      features: ['a', 'b'],
    });
    assert.equal(ranked[0]!.code, 'P');
    assert.deepEqual(ranked[0]!.used, ['a']);
  });
});
