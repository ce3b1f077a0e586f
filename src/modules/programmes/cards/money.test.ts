import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addBuckets, computeMoney, formatCents, gapOf, moneyProblems, parseEuros, sumCents, type MoneyLine } from './money.ts';

const cents = fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null, freq: 5 });
const line = fc.record({
  kind: fc.constantFrom<'cost' | 'coverage'>('cost', 'coverage'),
  year: fc.option(fc.integer({ min: 2009, max: 2012 }), { nil: null, freq: 4 }),
  recurrence: fc.constantFrom<'one_off' | 'per_year'>('one_off', 'per_year'),
  amountCents: cents,
  source: fc.constantFrom('wmo', 'participation', 'innovation_fund', 'other'),
});
const lines = fc
  .array(line, { maxLength: 12 })
  .map((ls) => ls.map((l): MoneyLine => ({ ...l, source: l.kind === 'cost' ? null : l.source })));
const OPEN = { fromYear: null, toYear: null };

describe('project money (cents, unknown is not 0)', () => {
  it('sums are associative and order-free over known amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 })), fc.array(fc.integer({ min: 0, max: 1e9 })), (a, b) => {
        assert.equal(sumCents([...a, ...b]), (sumCents(a) ?? 0) + (sumCents(b) ?? 0));
        assert.equal(sumCents([...a].reverse()), sumCents(a));
        assert.ok(Number.isSafeInteger(sumCents(a)));
      }),
    );
  });

  it('one unknown amount makes the sum unknown, never 0', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 })), fc.nat(20), (known, at) => {
        const withUnknown = [...known];
        withUnknown.splice(at % (known.length + 1), 0, null as never);
        assert.equal(sumCents(withUnknown), null);
      }),
    );
    assert.equal(gapOf(null, 0), null);
    assert.equal(gapOf(100, null), null);
  });

  it('the total equals the sum of the years and the lines without a year; per source adds up to the coverage', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const m = computeMoney(ls);
        const parts = [...m.years, ...(m.noYear ? [m.noYear] : [])];
        const again = addBuckets(parts);
        assert.equal(again.costCents, m.total.costCents);
        assert.equal(again.coverageCents, m.total.coverageCents);
        assert.equal(again.gapCents, m.total.gapCents);
        assert.equal(sumCents(Object.values(m.total.coverageBySource)), m.total.coverageCents);
      }),
    );
  });

  it('an unknown cost in a year makes that year’s gap and the total gap unknown', () => {
    fc.assert(
      fc.property(lines, fc.integer({ min: 2009, max: 2012 }), (ls, year) => {
        const m = computeMoney([...ls, { kind: 'cost', year, recurrence: 'one_off', amountCents: null, source: null }]);
        assert.equal(m.years.find((y) => y.year === year)!.gapCents, null);
        assert.equal(m.total.gapCents, null);
        assert.equal(m.total.costCents, null);
      }),
    );
  });

  it('once the lines pass validation, no gap is negative and every amount is integer cents', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        if (moneyProblems(ls, OPEN).length > 0) return;
        const m = computeMoney(ls);
        for (const b of [...m.years, m.total]) {
          if (b.gapCents !== null) {
            assert.ok(b.gapCents >= 0);
            assert.ok(Number.isInteger(b.gapCents));
          }
        }
      }),
    );
  });

  it('refuses negative and fractional amounts, years outside the period and coverage above cost', () => {
    const cost = (year: number | null, amountCents: number | null): MoneyLine => ({
      kind: 'cost',
      year,
      recurrence: 'one_off',
      amountCents,
      source: null,
    });
    const cover = (year: number | null, amountCents: number | null): MoneyLine => ({
      kind: 'coverage',
      year,
      recurrence: 'one_off',
      amountCents,
      source: 'wmo',
    });
    assert.deepEqual(moneyProblems([cost(2010, -1)], OPEN), [{ index: 0, problem: 'negative' }]);
    assert.deepEqual(moneyProblems([cost(2010, 10.5)], OPEN), [{ index: 0, problem: 'notInteger' }]);
    assert.deepEqual(moneyProblems([cost(2009, 100)], { fromYear: 2010, toYear: 2011 }), [
      { index: 0, problem: 'yearOutsidePeriod', year: 2009 },
    ]);
    assert.deepEqual(moneyProblems([cost(2030, 100)], { fromYear: 2010, toYear: null }), []);
    assert.deepEqual(moneyProblems([cost(2010, 100), cover(2010, 101)], OPEN), [{ index: 1, problem: 'coverageAboveCost', year: 2010 }]);
    // Per year fine, in total not: coverage without a year on top.
    assert.deepEqual(moneyProblems([cost(2010, 100), cover(2010, 100), cover(null, 1)], OPEN), [
      { index: 'total', problem: 'coverageAboveCostTotal' },
    ]);
    // An unknown cost cannot be exceeded (Heerhugowaard project 7: costs "Onbekend", covered by the participatiebudget).
    assert.deepEqual(moneyProblems([cost(2010, null), cover(2010, 5_000_00)], OPEN), []);
  });

  it('project 6: € 30.000 costs and € 20.000 from "Zo kan het ook" leave € 10.000 missing, computed', () => {
    const m = computeMoney([
      { kind: 'cost', year: 2010, recurrence: 'per_year', amountCents: 30_000_00, source: null },
      { kind: 'coverage', year: 2010, recurrence: 'one_off', amountCents: 20_000_00, source: 'innovation_fund' },
    ]);
    assert.equal(m.years[0]!.gapCents, 10_000_00);
    assert.equal(m.total.coverageBySource['innovation_fund'], 20_000_00);
    assert.equal(formatCents(m.total.gapCents!, 'nl'), '€ 10.000');
    assert.equal(formatCents(m.total.gapCents!, 'en'), '€10,000');
    assert.equal(formatCents(1_234_50, 'nl'), '€ 1.234,50');
  });

  it('reads euro amounts from a form into cents', () => {
    assert.equal(parseEuros('10.000'), 1_000_000);
    assert.equal(parseEuros('€ 12.500,50'), 1_250_050);
    assert.equal(parseEuros('3000'), 300_000);
    assert.equal(parseEuros(''), null);
    assert.ok(Number.isNaN(parseEuros('10,000.50')));
    assert.ok(Number.isNaN(parseEuros('tien')));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (c) => {
        assert.equal(parseEuros(formatCents(c, 'nl')), c);
      }),
    );
  });
});
