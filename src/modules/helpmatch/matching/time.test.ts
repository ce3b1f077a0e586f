import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { daypart, overlapSuffices, timeOverlap } from './time.ts';

const tuesdayAfternoon = [{ day: 2, from: 13 * 60, to: 17 * 60 }];

describe('time overlap', () => {
  it('intersects weekly slots per weekday', () => {
    const o = timeOverlap(
      {
        kind: 'weekly',
        slots: [
          { day: 2, from: 14 * 60, to: 18 * 60 },
          { day: 3, from: 600, to: 660 },
        ],
      },
      tuesdayAfternoon,
    );
    assert.equal(o.minutes, 180);
    assert.equal(o.requested, 300);
    assert.deepEqual(o.first, { day: 2, minute: 14 * 60 });
  });

  it('reads a date window in Amsterdam time, in winter (UTC+1) and summer (UTC+2)', () => {
    // Tuesday 24 November 2026, 14:00–15:00 local = 13:00–14:00 UTC.
    const winter = timeOverlap(
      { kind: 'window', start: new Date('2026-11-24T13:00:00Z'), end: new Date('2026-11-24T14:00:00Z') },
      tuesdayAfternoon,
    );
    assert.equal(winter.minutes, 60);
    assert.deepEqual(winter.first, { day: 2, minute: 14 * 60 });
    // Tuesday 7 July 2026, 16:30–18:00 local = 14:30–16:00 UTC: 30 minutes inside 13–17.
    const summer = timeOverlap(
      { kind: 'window', start: new Date('2026-07-07T14:30:00Z'), end: new Date('2026-07-07T16:00:00Z') },
      tuesdayAfternoon,
    );
    assert.equal(summer.minutes, 30);
    assert.ok(overlapSuffices(summer));
    // The same UTC hours on a Monday do not overlap.
    const monday = timeOverlap(
      { kind: 'window', start: new Date('2026-11-23T13:00:00Z'), end: new Date('2026-11-23T14:00:00Z') },
      tuesdayAfternoon,
    );
    assert.equal(monday.minutes, 0);
    assert.equal(overlapSuffices(monday), false);
  });

  it('follows a window over midnight into the next day', () => {
    // Monday 23:00 to Tuesday 14:00 local (winter).
    const o = timeOverlap(
      { kind: 'window', start: new Date('2026-11-23T22:00:00Z'), end: new Date('2026-11-24T13:00:00Z') },
      tuesdayAfternoon,
    );
    assert.equal(o.minutes, 60);
    assert.equal(o.requested, 15 * 60);
  });

  it('needs 30 minutes, or all of a shorter request', () => {
    assert.equal(overlapSuffices({ minutes: 20, requested: 120, first: null }), false);
    assert.equal(overlapSuffices({ minutes: 20, requested: 20, first: null }), true);
    assert.equal(overlapSuffices({ minutes: 30, requested: 120, first: null }), true);
  });

  it('names parts of the day', () => {
    assert.deepEqual([0, 420, 800, 1200].map(daypart), ['night', 'morning', 'afternoon', 'evening']);
  });
});
