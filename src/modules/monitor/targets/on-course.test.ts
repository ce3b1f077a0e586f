import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assessTarget, onCourse, periodPosition } from './on-course.ts';

// Heerhugowaard style: baseline 2009 at 16 %, target at least 20 % in 2011 → the line stands at 18 in 2010.
const target = { baselinePeriod: '2009', baselineValue: 16, targetValue: 20, targetYear: 2011, comparator: 'at_least' as const };

describe('onCourse: the straight line from baseline to target', () => {
  it('places periods at their end', () => {
    assert.equal(periodPosition('2011'), 2011);
    assert.equal(periodPosition('2011-Q2'), 2010.5);
    assert.equal(periodPosition('2011-03'), 2010.25);
    assert.equal(periodPosition('nonsense'), null);
  });

  it('no figures, or no baseline to draw the line from: no_data', () => {
    assert.equal(onCourse(target, []), 'no_data');
    assert.equal(onCourse(target, [{ period: '2010', value: null }]), 'no_data');
    assert.equal(onCourse({ ...target, baselineValue: null }, [{ period: '2010', value: 18 }]), 'no_data');
  });

  it('reached when the latest value meets the target, whatever came before', () => {
    assert.equal(onCourse(target, [{ period: '2010', value: 20 }]), 'reached');
    assert.equal(
      onCourse(target, [
        { period: '2010', value: 25 },
        { period: '2009', value: 16 },
      ]),
      'reached',
      'the latest by period, not by order',
    );
  });

  it('on the line (18 in 2010) is on course; below it is off course', () => {
    const on = assessTarget(target, [{ period: '2010', value: 18 }]);
    assert.equal(on.status, 'on_course');
    assert.equal(on.expected, 18);
    assert.equal(onCourse(target, [{ period: '2010', value: 17.9 }]), 'off_course');
    // A quarter: 2010-Q2 ends half a year after the end of 2009 → the line stands at 16 + 4 × 0.5/2 = 17.
    assert.equal(assessTarget(target, [{ period: '2010-Q2', value: 17 }]).expected, 17);
    assert.equal(onCourse(target, [{ period: '2010-Q2', value: 17 }]), 'on_course');
    assert.equal(onCourse(target, [{ period: '2010-Q2', value: 16.5 }]), 'off_course');
  });

  it('after the target year the line stands at the target: not reached is off course', () => {
    assert.equal(onCourse(target, [{ period: '2013', value: 19.9 }]), 'off_course');
  });

  it('takes the baseline from the measurement of the baseline period when the target has none', () => {
    const t = { ...target, baselineValue: null };
    const a = assessTarget(t, [
      { period: '2009', value: 12 },
      { period: '2010', value: 16 },
    ]);
    assert.equal(a.baseline, 12);
    assert.equal(a.expected, 16);
    assert.equal(a.status, 'on_course');
  });

  it('at most: lower is better', () => {
    const down = { baselinePeriod: '2020', baselineValue: 10, targetValue: 6, targetYear: 2024, comparator: 'at_most' as const };
    assert.equal(onCourse(down, [{ period: '2022', value: 8 }]), 'on_course');
    assert.equal(onCourse(down, [{ period: '2022', value: 8.5 }]), 'off_course');
    assert.equal(onCourse(down, [{ period: '2022', value: 6 }]), 'reached');
  });
});
