import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, isIsoDate, isOccurrence, mondayOf, occurrencesBetween, weekdayOf, weekSlots } from './circle.schedule.ts';

describe('circle schedule', () => {
  it('checks dates', () => {
    assert.ok(isIsoDate('2026-11-24'));
    assert.ok(!isIsoDate('2026-02-30'));
    assert.ok(!isIsoDate('24-11-2026'));
    assert.ok(!isIsoDate(undefined));
  });

  it('finds the Monday of a week, across a month and a year', () => {
    assert.equal(mondayOf('2026-11-23'), '2026-11-23');
    assert.equal(mondayOf('2026-11-29'), '2026-11-23');
    assert.equal(mondayOf('2027-01-01'), '2026-12-28');
    assert.equal(weekdayOf('2026-11-24'), 2);
  });

  it('puts a weekly task on the same weekday, a biweekly one every other week, a one-off once', () => {
    const weekly = { recurrence: 'weekly' as const, starts_on: '2026-11-24' };
    const biweekly = { recurrence: 'biweekly' as const, starts_on: '2026-11-24' };
    const once = { recurrence: 'once' as const, starts_on: '2026-11-24' };
    assert.deepEqual(occurrencesBetween(weekly, '2026-11-20', '2026-12-10'), ['2026-11-24', '2026-12-01', '2026-12-08']);
    assert.deepEqual(occurrencesBetween(biweekly, '2026-11-20', '2026-12-10'), ['2026-11-24', '2026-12-08']);
    assert.deepEqual(occurrencesBetween(once, '2026-11-20', '2026-12-10'), ['2026-11-24']);
    assert.ok(!isOccurrence(weekly, '2026-11-17'), 'not before the start');
    // Across the change to summer time (29 March 2027) the weekday stays the same.
    assert.ok(isOccurrence({ recurrence: 'weekly', starts_on: '2027-03-23' }, '2027-03-30'));
  });

  it('every occurrence of a weekly task is on its weekday and 7·n days after the start (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('weekly' as const, 'biweekly' as const),
        (start, span, recurrence) => {
          const starts_on = addDays('2025-01-01', start);
          const to = addDays(starts_on, span);
          const dates = occurrencesBetween({ recurrence, starts_on }, addDays(starts_on, -10), to);
          const step = recurrence === 'weekly' ? 7 : 14;
          assert.equal(dates.length, Math.floor(span / step) + 1);
          for (const d of dates) assert.equal(weekdayOf(d), weekdayOf(starts_on));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('lists the week by date with taken and open slots', () => {
    const tasks = [
      { id: 'a', title: 'Boodschappen', recurrence: 'weekly' as const, starts_on: '2026-11-24', time_of_day: '10:00' },
      { id: 'b', title: 'Wandelen', recurrence: 'once' as const, starts_on: '2026-11-23', time_of_day: null },
      { id: 'c', title: 'Later', recurrence: 'weekly' as const, starts_on: '2026-12-24', time_of_day: null },
    ];
    const turns = [{ task_id: 'a', occurs_on: '2026-11-24', taken_by: 'u1', done_at: null, hours: null }];
    const slots = weekSlots(tasks, turns, '2026-11-23');
    assert.deepEqual(
      slots.map((s) => [s.date, s.task.id, s.turn?.takenBy ?? null]),
      [
        ['2026-11-23', 'b', null],
        ['2026-11-24', 'a', 'u1'],
      ],
    );
  });
});
