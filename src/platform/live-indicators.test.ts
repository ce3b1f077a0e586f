import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cellKey, countMeasurements, lastQuarters, liveAreas, thresholdMeasurements } from './live-indicators.ts';

describe('live indicator helpers', () => {
  it('gives the last eight quarters up to the current one, oldest first, in UTC', () => {
    const q = lastQuarters(new Date('2026-11-23T10:00:00Z'));
    assert.deepEqual(
      q.map((x) => x.period),
      ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
    );
    assert.equal(q[0]!.start.toISOString(), '2025-01-01T00:00:00.000Z');
    assert.equal(q[7]!.end.toISOString(), '2027-01-01T00:00:00.000Z');
    assert.deepEqual(
      lastQuarters(new Date('2026-01-01T00:00:00Z'), 2).map((x) => [x.period, x.start.toISOString()]),
      [
        ['2025-Q4', '2025-10-01T00:00:00.000Z'],
        ['2026-Q1', '2026-01-01T00:00:00.000Z'],
      ],
    );
  });

  it('lists the municipality, wijken and buurten with the wijk of each buurt', () => {
    const a = liveAreas('GM9901', [
      { code: 'GM9901', level: 'municipality', parentCode: null },
      { code: 'WK990101', level: 'district', parentCode: 'GM9901' },
      { code: 'BU99010101', level: 'neighbourhood', parentCode: 'WK990101' },
    ]);
    assert.deepEqual(a.districts, ['WK990101']);
    assert.deepEqual(a.neighbourhoods, ['BU99010101']);
    assert.equal(a.parentOf.get('BU99010101'), 'WK990101');
  });

  it('fills counts with 0 and suppresses rates below the threshold, with the cases behind them', () => {
    const counts = countMeasurements('x', ['A', 'B'], ['2026-Q4'], new Map([[cellKey('A', '2026-Q4'), 3]]));
    assert.deepEqual(
      counts.map((m) => [m.areaCode, m.value, m.status]),
      [
        ['A', 3, 'ok'],
        ['B', 0, 'ok'],
      ],
    );
    const cells = new Map([
      [cellKey('A', '2026-Q4'), { value: 12.345, cases: 5 }],
      [cellKey('B', '2026-Q4'), { value: 7, cases: 4 }],
    ]);
    const rates = thresholdMeasurements('y', ['A', 'B', 'C'], ['2026-Q4'], cells, 5, 1);
    assert.deepEqual(
      rates.map((m) => [m.areaCode, m.value, m.respondents, m.status]),
      [
        ['A', 12.3, 5, 'ok'],
        ['B', null, 4, 'suppressed'],
        ['C', null, 0, 'suppressed'],
      ],
    );
  });
});
