import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAreas } from './classify.ts';

describe('classifyAreas', () => {
  it('percentages: the ±5 percentage-point band around the municipality', () => {
    const c = classifyAreas({
      unit: 'percent',
      direction: 'up',
      municipality: 20,
      areas: [
        { code: 'A', value: 26 },
        { code: 'B', value: 25 },
        { code: 'C', value: 15 },
        { code: 'D', value: 14.9 },
        { code: 'E', value: null },
      ],
    });
    assert.equal(c.method, 'band');
    assert.equal(c.reference, 20);
    assert.deepEqual(
      c.areas.map((a) => [a.code, Math.round(a.score * 1e9) / 1e9, a.class]),
      [
        ['A', 6, 'above'],
        ['B', 5, 'around'],
        ['C', -5, 'around'],
        ['D', -5.1, 'below'],
      ],
      'exactly 5 points off is still around; an unknown value is not classified',
    );
  });

  it('respects the direction: lower is better means a lower value is above average', () => {
    const c = classifyAreas({
      unit: 'percent',
      direction: 'down',
      municipality: 20,
      areas: [
        { code: 'A', value: 10 },
        { code: 'B', value: 30 },
      ],
    });
    assert.deepEqual(
      c.areas.map((a) => a.class),
      ['above', 'below'],
    );
  });

  it('other units: a z-score over the areas, |z| < 0.5 is around', () => {
    // Values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population standard deviation 2.
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    const c = classifyAreas({
      unit: 'score',
      direction: 'up',
      municipality: null,
      areas: values.map((v, i) => ({ code: `W${i}`, value: v })),
    });
    assert.equal(c.method, 'zscore');
    assert.equal(c.reference, 5);
    assert.equal(c.sd, 2);
    assert.deepEqual(
      c.areas.map((a) => [a.value, a.score, a.class]),
      [
        [2, -1.5, 'below'],
        [4, -0.5, 'below'],
        [4, -0.5, 'below'],
        [4, -0.5, 'below'],
        [5, 0, 'around'],
        [5, 0, 'around'],
        [7, 1, 'above'],
        [9, 2, 'above'],
      ],
    );
    const down = classifyAreas({
      unit: 'days',
      direction: 'down',
      municipality: null,
      areas: values.map((v, i) => ({ code: `W${i}`, value: v })),
    });
    assert.equal(down.areas[0]!.class, 'above', 'fewer days is better');
  });

  it('without spread or without a municipality figure nothing is judged wrongly', () => {
    const same = classifyAreas({
      unit: 'count',
      direction: 'up',
      municipality: null,
      areas: [
        { code: 'A', value: 3 },
        { code: 'B', value: 3 },
      ],
    });
    assert.deepEqual(
      same.areas.map((a) => a.class),
      ['around', 'around'],
    );
    const noRef = classifyAreas({ unit: 'percent', direction: 'up', municipality: null, areas: [{ code: 'A', value: 3 }] });
    assert.deepEqual(noRef.areas, []);
  });
});
