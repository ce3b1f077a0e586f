import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addWorkingDays, dutchHolidays, easterSunday, isWorkingDay } from './workdays.ts';
import { ZONE } from '../../platform/time.ts';

const day = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const local = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toISO();

describe('Easter', () => {
  it('matches known dates', () => {
    const known: Record<number, [number, number]> = {
      1961: [4, 2],
      2000: [4, 23],
      2008: [3, 23],
      2019: [4, 21],
      2024: [3, 31],
      2025: [4, 20],
      2026: [4, 5],
      2027: [3, 28],
      2038: [4, 25],
      2285: [3, 22],
    };
    for (const [y, [m, d]] of Object.entries(known)) assert.deepEqual(easterSunday(Number(y)), { month: m, day: d }, y);
  });
  it('is always a Sunday between 22 March and 25 April (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (y) => {
        const { month, day: d } = easterSunday(y);
        const dt = DateTime.fromObject({ year: y, month, day: d }, { zone: ZONE });
        assert.equal(dt.weekday, 7);
        assert.ok((month === 3 && d >= 22) || (month === 4 && d <= 25));
      }),
    );
  });
});

describe('Dutch public holidays', () => {
  it('lists the holidays of 2026', () => {
    assert.deepEqual(
      [...dutchHolidays(2026).keys()],
      ['2026-01-01', '2026-04-05', '2026-04-06', '2026-04-27', '2026-05-14', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26'],
    );
  });
  it('moves Koningsdag to 26 April when 27 April is a Sunday (2025, 2031)', () => {
    assert.ok(dutchHolidays(2025).has('2025-04-26'));
    assert.ok(!dutchHolidays(2025).has('2025-04-27'));
    assert.ok(dutchHolidays(2031).has('2031-04-26'));
  });
  it('Bevrijdingsdag: lustrum years by default, configurable', () => {
    assert.equal(dutchHolidays(2025).get('2025-05-05'), 'Bevrijdingsdag');
    assert.equal(dutchHolidays(2030).get('2030-05-05'), 'Bevrijdingsdag');
    assert.ok(!dutchHolidays(2026).has('2026-05-05'));
    assert.ok(dutchHolidays(2026, { liberationDay: 'always' }).has('2026-05-05'));
    assert.ok(!dutchHolidays(2025, { liberationDay: 'never' }).has('2025-05-05'));
  });
  it('knows weekends and holidays are not working days', () => {
    assert.equal(isWorkingDay(day('2026-11-23T12:00')), true);
    assert.equal(isWorkingDay(day('2026-11-21T12:00')), false);
    assert.equal(isWorkingDay(day('2026-12-25T12:00')), false);
    assert.equal(isWorkingDay(day('2026-05-14T12:00')), false, 'Hemelvaart');
    // 23:30 UTC on 24 Dec is already Christmas in Amsterdam.
    assert.equal(isWorkingDay(DateTime.fromISO('2026-12-24T23:30:00Z')), false);
  });
});

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    assert.equal(local(addWorkingDays(new Date('2026-11-20T10:00:00Z'), 1)), '2026-11-23T23:59:59.999+01:00');
    assert.equal(local(addWorkingDays(new Date('2026-11-23T10:00:00Z'), 5)), '2026-11-30T23:59:59.999+01:00');
  });
  it('skips Christmas and New Year', () => {
    // Thu 24 Dec 2026 + 3: Fri 25 and Sat/Sun skipped, Mon 28, Tue 29, Wed 30.
    assert.equal(local(addWorkingDays(new Date('2026-12-24T09:00:00Z'), 3)), '2026-12-30T23:59:59.999+01:00');
    assert.equal(local(addWorkingDays(new Date('2026-12-31T09:00:00Z'), 1)), '2027-01-04T23:59:59.999+01:00');
  });
  it('skips Easter Monday, Koningsdag and Hemelvaart; honours summer time', () => {
    assert.equal(
      local(addWorkingDays(new Date('2026-04-02T09:00:00Z'), 2)),
      '2026-04-07T23:59:59.999+02:00',
      'Good Friday is a working day, Easter Monday is not',
    );
    assert.equal(local(addWorkingDays(new Date('2026-04-24T09:00:00Z'), 1)), '2026-04-28T23:59:59.999+02:00');
    assert.equal(local(addWorkingDays(new Date('2026-05-13T09:00:00Z'), 1)), '2026-05-15T23:59:59.999+02:00');
  });
  it('with 0 days: end of today, or of the next working day', () => {
    assert.equal(local(addWorkingDays(new Date('2026-11-23T10:00:00Z'), 0)), '2026-11-23T23:59:59.999+01:00');
    assert.equal(local(addWorkingDays(new Date('2026-11-21T10:00:00Z'), 0)), '2026-11-23T23:59:59.999+01:00');
  });
  it('always ends on a working day, after the start, one more day is one more working day (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 30 }),
        (start, n) => {
          const end = addWorkingDays(start, n);
          assert.ok(isWorkingDay(DateTime.fromJSDate(end)));
          assert.ok(end.getTime() > start.getTime());
          const next = addWorkingDays(start, n + 1).getTime();
          // From a day off, 0 and 1 day both end on the next working day; after that every day counts.
          if (n >= 1 || isWorkingDay(DateTime.fromJSDate(start))) assert.ok(next > end.getTime());
          else assert.equal(next, end.getTime());
        },
      ),
      { numRuns: 200 },
    );
  });
  it('counts the same days as stepping through Amsterdam days with luxon (property: clock changes, year ends, Bevrijdingsdag rules)', () => {
    // The step-by-step count the calendar arithmetic replaced: one Amsterdam day at a time.
    const stepping = (start: Date, days: number, opts: { liberationDay?: 'always' | 'lustrum' | 'never' }): Date => {
      let d = DateTime.fromJSDate(start, { zone: ZONE }).startOf('day');
      if (days === 0) while (!isWorkingDay(d, opts)) d = d.plus({ days: 1 });
      for (let left = days; left > 0;) {
        d = d.plus({ days: 1 });
        if (isWorkingDay(d, opts)) left--;
      }
      return d.endOf('day').toJSDate();
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.date({ min: new Date('2024-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }),
          // Close to midnight in Amsterdam around the clock changes and the turn of the year.
          fc
            .constantFrom('2026-03-28', '2026-03-29', '2026-10-24', '2026-10-25', '2026-12-31', '2030-05-04')
            .chain((d) =>
              fc.integer({ min: -3 * 3_600_000, max: 27 * 3_600_000 }).map((ms) => new Date(Date.parse(`${d}T00:00:00Z`) + ms)),
            ),
        ),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom<'always' | 'lustrum' | 'never'>('always', 'lustrum', 'never'),
        (start, n, liberationDay) => {
          assert.equal(addWorkingDays(start, n, { liberationDay }).toISOString(), stepping(start, n, { liberationDay }).toISOString());
        },
      ),
      { numRuns: 500 },
    );
  });
  it('refuses negative days', () => {
    assert.throws(() => addWorkingDays(new Date(), -1), RangeError);
  });
});
