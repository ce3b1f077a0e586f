import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { IndicatorMeasurement } from '../../../platform/module.ts';
import { aggregateIndicator } from './aggregate.ts';
import { scorersFor } from './scoring.ts';
import { suppressCells, type Cell } from './suppression.ts';

const sorted = (s: Set<string>) => [...s].sort();

describe('suppression below the threshold and against differencing', () => {
  it('the docs example: one small buurt hides the next smallest too, the wijk stays', () => {
    // Wijk W: 100 respondents; buurten A 3, B 40, C 57; threshold 30. W − B − C would give A's 3.
    const cells: Cell[] = [
      { code: 'W', parent: null, n: 100 },
      { code: 'A', parent: 'W', n: 3 },
      { code: 'B', parent: 'W', n: 40 },
      { code: 'C', parent: 'W', n: 57 },
    ];
    const r = suppressCells(cells, 30);
    assert.deepEqual(sorted(r.published), ['C', 'W']);
    assert.deepEqual(sorted(r.suppressed), ['A', 'B']);
  });

  it('two small buurten together below the threshold hide one more; together at or above it, nothing more', () => {
    const below = suppressCells(
      [
        { code: 'W', parent: null, n: 132 },
        { code: 'A', parent: 'W', n: 10 },
        { code: 'B', parent: 'W', n: 12 },
        { code: 'C', parent: 'W', n: 50 },
        { code: 'D', parent: 'W', n: 60 },
      ],
      30,
    );
    assert.deepEqual(sorted(below.published), ['D', 'W']);
    const enough = suppressCells(
      [
        { code: 'W', parent: null, n: 85 },
        { code: 'A', parent: 'W', n: 15 },
        { code: 'B', parent: 'W', n: 20 },
        { code: 'C', parent: 'W', n: 50 },
      ],
      30,
    );
    assert.deepEqual(sorted(enough.published), ['C', 'W']);
  });

  it('the same for wijken within the municipality, counting answers without a known buurt', () => {
    // M has 10 respondents outside any wijk: M − W1 − W2 would give them.
    const r = suppressCells(
      [
        { code: 'M', parent: null, n: 250 },
        { code: 'W1', parent: 'M', n: 40 },
        { code: 'W2', parent: 'M', n: 200 },
        { code: 'B1', parent: 'W2', n: 100 },
        { code: 'B2', parent: 'W2', n: 100 },
      ],
      30,
    );
    assert.deepEqual(sorted(r.published), ['B1', 'B2', 'M', 'W2']);
  });

  it('an area hidden for another but exactly covered by the shown areas inside it is shown again (it hid nothing)', () => {
    // M's 3 outside respondents: WA (tie with WB, lower code) goes first, but ZB inside it adds up to it;
    // then WB, then BB. WA stays hidden in the loop although ZB gives it away: it is shown again.
    const r = suppressCells(
      [
        { code: 'M', parent: null, n: 103 },
        { code: 'WA', parent: 'M', n: 50 },
        { code: 'ZB', parent: 'WA', n: 50 },
        { code: 'WB', parent: 'M', n: 50 },
        { code: 'BB', parent: 'WB', n: 50 },
      ],
      30,
    );
    assert.deepEqual(sorted(r.published), ['M', 'WA', 'ZB']);
    assert.deepEqual(sorted(r.suppressed), ['BB', 'WB']);
  });

  it('a parent below the threshold hides everything below it; cells without respondents are not cells', () => {
    const r = suppressCells(
      [
        { code: 'W', parent: null, n: 20 },
        { code: 'A', parent: 'W', n: 20 },
        { code: 'B', parent: 'W', n: 0 },
      ],
      30,
    );
    assert.deepEqual(sorted(r.published), []);
    assert.deepEqual(sorted(r.suppressed), ['A', 'W']);
  });
});

/** A random municipality: wijken with buurten, respondents with a value each, some without a known buurt or wijk. */
const arbTree = fc.record({
  threshold: fc.integer({ min: 5, max: 40 }),
  wijken: fc.array(
    fc.record({
      direct: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 4 }),
      buurten: fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 70 }), { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  outside: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 6 }),
  withMunicipality: fc.boolean(),
});

describe('property: no combination of published figures reveals a group below the threshold', () => {
  it('for every published area P and every set S of disjoint published areas below it, P − S (and ΣS) has 0 or ≥ threshold respondents and is no suppressed area', () => {
    const scorer = scorersFor('dsp-functions', '1').find((s) => s.code === 'dsp_help_hours')!;
    fc.assert(
      fc.property(arbTree, ({ threshold, wijken, outside, withMunicipality }) => {
        const parents = new Map<string, string | null>([['GM0001', null]]);
        const values: { areaCode: string; value: number }[] = outside.map((value) => ({ areaCode: 'BU_UNKNOWN', value }));
        wijken.forEach((w, wi) => {
          const wk = `WK00010${wi}`;
          parents.set(wk, 'GM0001');
          values.push(...w.direct.map((value) => ({ areaCode: wk, value })));
          w.buurten.forEach((b, bi) => {
            const bu = `BU00010${wi}0${bi}`;
            parents.set(bu, wk);
            values.push(...b.map((value) => ({ areaCode: bu, value })));
          });
        });
        const out = aggregateIndicator({
          scorer,
          values,
          parents,
          municipalityCode: 'GM0001',
          withMunicipality,
          threshold,
          period: '2026',
          sourceNote: 'test',
          isDemo: false,
        });
        // Who is in which area (respondent i is values[i]), to check what a difference reveals.
        const members = new Map<string, Set<number>>();
        values.forEach((v, i) => {
          for (let c: string | null | undefined = parents.has(v.areaCode) ? v.areaCode : 'GM0001'; c; c = parents.get(c)) {
            if (c === 'GM0001' && !withMunicipality) break; // a survey of some wijken: no municipality figure
            const set = members.get(c) ?? new Set<number>();
            set.add(i);
            members.set(c, set);
          }
        });
        const trueN = new Map([...members].map(([c, m]) => [c, m.size]));
        for (const [code, n] of trueN) {
          const m = out.find((x) => x.areaCode === code);
          assert.ok(m, `${code} has a measurement`);
          assert.equal(m.respondents ?? n, n, `${code} shows its own count`);
          if (n < threshold) assert.equal(m.status, 'suppressed', `${code} (${n} < ${threshold}) suppressed`);
        }
        assert.deepEqual(out.map((m) => m.areaCode).sort(), [...trueN.keys()].sort(), 'a figure for every area with answers, no other');
        const shown = out.filter((m) => m.status === 'ok');
        for (const m of out.filter((x) => x.status === 'suppressed')) {
          assert.equal(m.value, null);
          assert.equal(m.respondents, null);
          assert.equal(m.ciLow, null);
        }
        for (const m of shown) assert.ok((m.respondents ?? 0) >= threshold, `${m.areaCode} shown with ${m.respondents}`);
        // The attacker: every published P minus every antichain S of published areas strictly below P
        // (P may also be "nothing", giving the sum of S). No such group may have 1 … threshold − 1
        // respondents, nor be exactly a suppressed area.
        const isBelow = (c: string, p: string): boolean => {
          for (let x = parents.get(c); x; x = parents.get(x)) if (x === p) return true;
          return false;
        };
        const hidden = out.filter((m) => m.status === 'suppressed').map((m) => members.get(m.areaCode)!);
        const same = (a: Set<number>, b: Set<number>) => a.size === b.size && [...a].every((x) => b.has(x));
        const tops: (IndicatorMeasurement | null)[] = [null, ...shown];
        for (const p of tops) {
          const below = p ? shown.filter((m) => isBelow(m.areaCode, p.areaCode)) : shown;
          for (let mask = p ? 0 : 1; mask < 1 << below.length; mask++) {
            const s: IndicatorMeasurement[] = below.filter((_, i) => mask & (1 << i));
            if (s.some((a) => s.some((b) => isBelow(a.areaCode, b.areaCode)))) continue; // not disjoint
            const group = new Set<number>();
            if (p) for (const i of members.get(p.areaCode)!) group.add(i);
            for (const m of s) {
              for (const i of members.get(m.areaCode)!) {
                if (p) group.delete(i);
                else group.add(i);
              }
            }
            const label = `${p?.areaCode ?? ''} ${p ? '−' : '+'} {${s.map((m) => m.areaCode)}}`;
            if (p) {
              // The published figures give this group's count and mean: check they are its own.
              const n = p.respondents! - s.reduce((t, m) => t + m.respondents!, 0);
              const sum = p.value! * p.respondents! - s.reduce((t, m) => t + m.value! * m.respondents!, 0);
              assert.equal(n, group.size, label);
              const trueSum = [...group].reduce((t, i) => t + values[i]!.value, 0);
              assert.ok(Math.abs(sum - trueSum) < 1e-6, label);
            }
            assert.ok(group.size === 0 || group.size >= threshold, `${label} reveals ${group.size} respondents`);
            assert.ok(!hidden.some((h) => same(h, group)), `${label} is exactly a suppressed area`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
