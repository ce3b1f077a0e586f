import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeSocialReturn, lessCertain, type CalcInput, type HoursSource } from './calc.ts';

const hours = (matches: number | null, weeks: number | null, circles: number | null): HoursSource[] => [
  { key: 'matches', hours: matches, count: 1, certainty: 'high' },
  { key: 'weeks', hours: weeks, count: 1, certainty: 'high' },
  { key: 'circles', hours: circles, count: 1, certainty: 'medium' },
];

const base: CalcInput = {
  costCents: 1_000_000, // € 10.000
  hasCostLines: true,
  shadowPrice: { centsPerHour: 1500, certainty: 'high' }, // € 15 per hour
  hours: hours(40, 60, 20),
  items: [
    { id: 'a', kind: 'avoided_cost', amountCents: 500_000, certainty: 'high' },
    { id: 'b', kind: 'valued_outcome', amountCents: 300_000, certainty: 'medium' },
    { id: 'c', kind: 'valued_outcome', amountCents: 200_000, certainty: 'low' },
  ],
};

describe('social return: the calculation', () => {
  it('computes the range by hand: low = high-certainty lines, high = all lines, per euro of cost', () => {
    const r = computeSocialReturn(base);
    // Hours: 40 + 60 confirmed (high) = 100 h × € 15 = € 1.500; 20 circle hours (medium) × € 15 = € 300.
    assert.equal(r.hoursTotal, 120);
    assert.equal(r.hoursValued, true);
    assert.deepEqual(
      r.lines.map((l) => [l.type === 'hours' ? l.key : l.id, l.certainty, l.valueCents]),
      [
        ['matches', 'high', 60_000],
        ['weeks', 'high', 90_000],
        ['circles', 'medium', 30_000],
        ['a', 'high', 500_000],
        ['b', 'medium', 300_000],
        ['c', 'low', 200_000],
      ],
    );
    // high: 600 + 900 + 5.000 = € 6.500; medium: 300 + 3.000 = € 3.300; low: € 2.000.
    assert.deepEqual(r.byCertainty, { high: 650_000, medium: 330_000, low: 200_000 });
    assert.equal(r.lowCents, 650_000);
    assert.equal(r.highCents, 1_180_000);
    assert.equal(r.perEuroLow, 0.65);
    assert.equal(r.perEuroHigh, 1.18);
    assert.equal(r.computable, true);
    assert.deepEqual(r.missing, []);
  });

  it('valued hours are never more certain than the shadow price', () => {
    const r = computeSocialReturn({ ...base, shadowPrice: { centsPerHour: 1500, certainty: 'low' } });
    assert.deepEqual(
      r.lines.filter((l) => l.type === 'hours').map((l) => l.certainty),
      ['low', 'low', 'low'],
    );
    // Only item a is high now: € 5.000 of € 10.000 = 0,50.
    assert.equal(r.lowCents, 500_000);
    assert.equal(r.perEuroLow, 0.5);
    assert.equal(lessCertain('medium', 'high'), 'medium');
    assert.equal(lessCertain('high', 'high'), 'high');
  });

  it('unknown costs: the values stay, the per-euro range is not computed and says why', () => {
    const r = computeSocialReturn({ ...base, costCents: null });
    assert.equal(r.costCents, null);
    assert.equal(r.lowCents, 650_000);
    assert.equal(r.computable, false);
    assert.equal(r.perEuroLow, null);
    assert.equal(r.perEuroHigh, null);
    assert.deepEqual(r.missing, ['costsUnknown']);
  });

  it('no cost lines and zero costs are not computable either (never divided by 0)', () => {
    const none = computeSocialReturn({ ...base, costCents: 0, hasCostLines: false });
    assert.equal(none.costCents, null);
    assert.deepEqual(none.missing, ['noCosts']);
    const zero = computeSocialReturn({ ...base, costCents: 0 });
    assert.deepEqual(zero.missing, ['costsZero']);
    assert.equal(zero.perEuroHigh, null);
  });

  it('no shadow price: hours shown, no value counted for them, said plainly; the items still count', () => {
    const r = computeSocialReturn({ ...base, shadowPrice: null });
    assert.equal(r.hoursTotal, 120);
    assert.equal(r.hoursValued, false);
    assert.equal(
      r.lines.some((l) => l.type === 'hours'),
      false,
    );
    assert.equal(r.lowCents, 500_000);
    assert.equal(r.highCents, 1_000_000);
    assert.equal(r.perEuroLow, 0.5);
    assert.equal(r.perEuroHigh, 1);
    assert.equal(r.computable, true);
    assert.deepEqual(r.missing, ['noShadowPrice']);
  });

  it('no shadow price and no items: nothing valued, not computable', () => {
    const r = computeSocialReturn({ ...base, shadowPrice: null, items: [] });
    assert.deepEqual(r.missing, ['noShadowPrice', 'noValues']);
    assert.equal(r.computable, false);
    assert.equal(r.highCents, 0);
    assert.equal(r.perEuroHigh, null);
  });

  it('only low-certainty items: the low end is € 0 (nothing fairly sure), the high end counts them', () => {
    const r = computeSocialReturn({
      ...base,
      shadowPrice: null,
      items: [
        { id: 'x', kind: 'avoided_cost', amountCents: 250_000, certainty: 'low' },
        { id: 'y', kind: 'valued_outcome', amountCents: 50_000, certainty: 'low' },
      ],
    });
    assert.equal(r.lowCents, 0);
    assert.equal(r.highCents, 300_000);
    assert.equal(r.perEuroLow, 0);
    assert.equal(r.perEuroHigh, 0.3);
    assert.equal(r.computable, true);
  });

  it('hours that could not be counted make the valued total unknown, never 0', () => {
    const r = computeSocialReturn({ ...base, hours: hours(null, null, null) });
    assert.equal(r.hoursTotal, null);
    assert.equal(r.byCertainty.high, null);
    assert.equal(r.byCertainty.low, 200_000);
    assert.equal(r.lowCents, null);
    assert.equal(r.highCents, null);
    assert.deepEqual(r.missing, ['valueUnknown']);
    assert.equal(r.computable, false);
  });

  it('an item without an amount is unknown, never 0', () => {
    const r = computeSocialReturn({
      ...base,
      items: [...base.items, { id: 'd', kind: 'avoided_cost', amountCents: null, certainty: 'low' }],
    });
    assert.equal(r.byCertainty.low, null);
    assert.equal(r.lowCents, 650_000);
    assert.equal(r.highCents, null);
    assert.deepEqual(r.missing, ['valueUnknown']);
  });

  it('rounds valued hours to whole cents (quarter hours at an odd price)', () => {
    const r = computeSocialReturn({ ...base, shadowPrice: { centsPerHour: 1333, certainty: 'high' }, hours: hours(1.25, 0, 0), items: [] });
    // 1,25 h × € 13,33 = € 16,6625 → 1666 cents.
    assert.equal(r.lines[0]!.valueCents, 1666);
    assert.equal(r.highCents, 1666);
  });
});
