import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { permuteWithin, publicNumber } from './public-id.ts';

const KEY = 'a'.repeat(64);

describe('public signal numbers (public-id.ts)', () => {
  it('permute a range onto itself: every number exactly once', () => {
    for (const [lo, hi] of [
      [1, 999],
      [400, 999],
      [0, 4095],
    ] as const) {
      const seen = new Set<number>();
      for (let n = lo; n <= hi; n++) {
        const y = permuteWithin(n, lo, hi, KEY);
        assert.ok(y >= lo && y <= hi, `${n} → ${y} outside ${lo}…${hi}`);
        seen.add(y);
      }
      assert.equal(seen.size, hi - lo + 1, `${lo}…${hi} is a permutation`);
    }
  });

  it('depend on the key, and on nothing else', () => {
    const a = Array.from({ length: 50 }, (_, i) => publicNumber(i + 1, KEY, 0));
    assert.deepEqual(
      a,
      Array.from({ length: 50 }, (_, i) => publicNumber(i + 1, KEY, 0)),
      'the same key gives the same numbers',
    );
    const b = Array.from({ length: 50 }, (_, i) => publicNumber(i + 1, 'b'.repeat(64), 0));
    assert.notDeepEqual(a, b);
    assert.ok(a.every((x) => /^\d{6}$/.test(x)));
    assert.notDeepEqual(a, [...a].sort(), 'not in order');
  });

  it('avoid the numbers given out in sequence before (1…from), and are unique after them', () => {
    const from = 990_000;
    const seen = new Set<string>();
    for (let n = from + 1; n <= from + 3000; n++) {
      const x = publicNumber(n, KEY, from);
      assert.ok(Number(x) > from && Number(x) <= 999_999, x);
      seen.add(x);
    }
    assert.equal(seen.size, 3000);
  });

  it('go to seven digits after 999,999 signals in a year, never colliding with six-digit ones', () => {
    const x = publicNumber(1_000_000, KEY, 0);
    assert.match(x, /^[1-9]\d{6}$/);
    assert.throws(() => permuteWithin(5, 10, 20, KEY), RangeError);
  });
});
