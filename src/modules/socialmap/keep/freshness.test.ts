import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkDueAt, formatCheckedDate, freshnessCutoffs, isStale, needsCheck, staleAt } from './freshness.ts';

describe('freshness', () => {
  const checked = new Date('2026-03-15T09:00:00Z');

  it('asks for a check after 6 calendar months and flags stale after 9', () => {
    // Checked at 10:00 in Amsterdam (winter time); due at 10:00 local in summer time (08:00 UTC).
    assert.equal(needsCheck(checked, new Date('2026-09-15T07:59:59Z')), false);
    assert.equal(needsCheck(checked, new Date('2026-09-15T08:00:00Z')), true);
    assert.equal(isStale(checked, new Date('2026-09-15T08:00:00Z')), false);
    assert.equal(isStale(checked, new Date('2026-12-15T08:59:59Z')), false);
    assert.equal(isStale(checked, new Date('2026-12-15T09:00:00Z')), true);
  });

  it('keeps the local time across daylight saving', () => {
    // 10:00 in Amsterdam in winter (UTC+1) → 10:00 in summer (UTC+2).
    assert.equal(checkDueAt(new Date('2026-01-10T09:00:00Z')).toISOString(), '2026-07-10T08:00:00.000Z');
  });

  it('clamps to the end of a shorter month', () => {
    // 12:00 summer time → 12:00 winter time (11:00 UTC).
    assert.equal(checkDueAt(new Date('2026-08-31T10:00:00Z')).toISOString(), '2027-02-28T11:00:00.000Z');
  });

  it('treats an entry never checked as stale and due', () => {
    assert.equal(isStale(null, checked), true);
    assert.equal(needsCheck(null, checked), true);
  });

  it('stale implies due, and the cut-offs agree within a few days (property)', () => {
    const date = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true });
    fc.assert(
      fc.property(date, date, (a, b) => {
        if (isStale(a, b)) assert.equal(needsCheck(a, b), true);
        assert.ok(staleAt(a) > checkDueAt(a));
        const { checkBefore } = freshnessCutoffs(b);
        if (a.getTime() <= checkBefore.getTime()) assert.equal(needsCheck(a, b), true);
      }),
    );
  });

  it('formats the check date in Dutch and English', () => {
    assert.equal(formatCheckedDate(checked, 'nl'), '15 maart 2026');
    assert.equal(formatCheckedDate(checked, 'en'), '15 March 2026');
  });
});
