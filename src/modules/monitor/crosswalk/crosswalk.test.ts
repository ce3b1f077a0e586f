import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { comparableSeries, landOnCurrent, recomputeOntoCurrent, type CrosswalkRow } from './crosswalk.ts';

// The Heerhugowaard case: Schrijverswijk was WK039801 (GM0398) in 2014 and is WK198010 (GM1980) in 2024.
const codeChange: CrosswalkRow = { fromCode: 'WK039801', fromYear: 2014, toCode: 'WK198010', toYear: 2024, weight: 1, changeKind: 2 };
// A border change: old A splits 60/40 over new X and Y in 2020; old B goes whole into Y.
const split: CrosswalkRow[] = [
  { fromCode: 'A', fromYear: 2019, toCode: 'X', toYear: 2020, weight: 0.6, changeKind: 3 },
  { fromCode: 'A', fromYear: 2019, toCode: 'Y', toYear: 2020, weight: 0.4, changeKind: 3 },
  { fromCode: 'B', fromYear: 2019, toCode: 'Y', toYear: 2020, weight: 1, changeKind: 3 },
];

describe('crosswalk', () => {
  it('carries an old code forward, through a chain of changes', () => {
    assert.deepEqual(landOnCurrent('WK039801', 2009, [codeChange], 2024), [{ code: 'WK198010', share: 1, kind: 2 }]);
    // A measurement taken after the change already uses the new code.
    assert.deepEqual(landOnCurrent('WK198010', 2024, [codeChange], 2024), [{ code: 'WK198010', share: 1, kind: 1 }]);
    // Not yet changed in the year asked about.
    assert.deepEqual(landOnCurrent('WK039801', 2009, [codeChange], 2020), [{ code: 'WK039801', share: 1, kind: 1 }]);
    const chain: CrosswalkRow[] = [
      codeChange,
      { fromCode: 'WK198010', fromYear: 2024, toCode: 'WK198099', toYear: 2026, weight: 1, changeKind: 2 },
    ];
    assert.deepEqual(landOnCurrent('WK039801', 2009, chain, 2026), [{ code: 'WK198099', share: 1, kind: 2 }]);
  });

  it('comparable: a code change (kind 2) links the series', () => {
    const s = comparableSeries(
      'WK198010',
      [
        { areaCode: 'WK039801', period: '2009', value: 14 },
        { areaCode: 'WK039801', period: '2011', value: 18 },
        { areaCode: 'WK198010', period: '2024', value: 22 },
        { areaCode: 'WK198011', period: '2024', value: 99 },
      ],
      [codeChange],
      2024,
    );
    assert.equal(s.method, 'comparable');
    assert.deepEqual(
      s.points.map((p) => [p.period, p.value, p.fromCodes[0]]),
      [
        ['2009', 14, 'WK039801'],
        ['2011', 18, 'WK039801'],
        ['2024', 22, 'WK198010'],
      ],
    );
    assert.deepEqual(s.breaks, []);
  });

  it('comparable: a border change (kind 3) breaks the series; earlier periods are left out too', () => {
    const s = comparableSeries(
      'Y',
      [
        { areaCode: 'B', period: '2017', value: 40 },
        { areaCode: 'B', period: '2019', value: 42 },
        { areaCode: 'Y', period: '2020', value: 45 },
        { areaCode: 'Y', period: '2021', value: 47 },
      ],
      split,
      2021,
    );
    assert.deepEqual(
      s.points.map((p) => p.period),
      ['2020', '2021'],
    );
    assert.deepEqual(s.breaks, ['2017', '2019']);
  });

  it('recomputed: counts are summed by share', () => {
    const s = recomputeOntoCurrent(
      'Y',
      [
        { areaCode: 'A', period: '2019', value: 1000 },
        { areaCode: 'B', period: '2019', value: 500 },
        { areaCode: 'Y', period: '2020', value: 910 },
      ],
      split,
      2020,
      'count',
    );
    assert.equal(s.method, 'recomputed');
    // 0.4 × 1000 + 1 × 500 = 900.
    assert.deepEqual(
      s.points.map((p) => [p.period, p.value, p.fromCodes]),
      [
        ['2019', 900, ['A', 'B']],
        ['2020', 910, ['Y']],
      ],
    );
  });

  it('recomputed: percentages are means weighted by share × base (inhabitants)', () => {
    const inhabitants: Record<string, number> = { A: 1000, B: 400 };
    const s = recomputeOntoCurrent(
      'Y',
      [
        { areaCode: 'A', period: '2019', value: 20 },
        { areaCode: 'B', period: '2019', value: 30 },
      ],
      split,
      2020,
      'percent',
      (code) => inhabitants[code] ?? null,
    );
    // Weights 0.4 × 1000 = 400 and 1 × 400 = 400: (20 × 400 + 30 × 400) / 800 = 25.
    assert.equal(s.points[0]!.value, 25);
    // Without a base, the share alone weighs: (20 × 0.4 + 30 × 1) / 1.4 = 27.142857…
    const plain = recomputeOntoCurrent(
      'Y',
      [
        { areaCode: 'A', period: '2019', value: 20 },
        { areaCode: 'B', period: '2019', value: 30 },
      ],
      split,
      2020,
      'score',
    );
    assert.ok(Math.abs(plain.points[0]!.value - 38 / 1.4) < 1e-9);
  });
});
